import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { z } from 'zod';
import { InputError } from '../../errors.js';
import type { ImportReport } from '../../data/write-import.js';
import { formatPath } from '../../issue.js';
import { globalOptionsSchema, parseOptions } from '../options.js';
import { escapeControls, stringifyJson } from '../terminal-text.js';

const importOptionsSchema = globalOptionsSchema.extend({
  json: z.boolean().default(false),
  force: z.boolean().default(false),
});

/** `excerpt import <page.txt> [--json] [--force]`: a page in the source's format into data/. */
export function importCommand(): Command {
  return new Command('import')
    .description(
      "read a page in the source's format; write its interviews and campaigns into the data folder",
    )
    .argument('<page>', 'the page as text (.txt), copied from the website')
    .option(
      '--json',
      'print {campaigns, interviews} as JSON instead of writing files (default: false)',
    )
    .option(
      '--force',
      "replace the files of the page's interviews and campaigns, losing corrections and the schedule (default: false: merge)",
    )
    .action(async (page: string, _options: unknown, command: Command) => {
      const options = parseOptions(importOptionsSchema, command);
      const { importPage } = await import('../../data/import-page.js');
      const { writeImport } = await import('../../data/write-import.js');
      const result = importPage(await readPage(page), { source: page });
      if (options.json) {
        process.stdout.write(`${stringifyJson(result)}\n`);
        return;
      }
      const report = await writeImport(result, { dataDir: options.data, force: options.force });
      process.stdout.write(describeImport(report));
    });
}

/**
 * What an import did, a line a file, then each interview whose text in the data differs from
 * the page, with the words that differ: the data's corrections were kept.
 */
export function describeImport(report: ImportReport): string {
  const lines = report.written.map((file) =>
    report.replaced.includes(file) ? `replaced ${file}` : `wrote ${file}`,
  );
  for (const post of report.scheduled) {
    lines.push(`scheduled ${post.interview} on ${post.date} in the campaign ${post.campaign}`);
  }
  if (report.unchanged.length > 0) {
    const count = report.unchanged.length;
    lines.push(
      `${count} ${count === 1 ? 'interview' : 'interviews'} already in the data as the page says`,
    );
  }
  for (const interview of report.differing) {
    const count = interview.differences.length;
    lines.push(
      `kept ${interview.path}: the data differs from the page in ${count} ${count === 1 ? 'place' : 'places'} (the data's text is kept; --force replaces it with the page's)`,
    );
    for (const difference of interview.differences) {
      const where = formatPath(difference.path) || 'the file';
      const quote = (text: string | undefined): string =>
        text === undefined ? '(nothing)' : JSON.stringify(text);
      lines.push(`  ${where}: data ${quote(difference.data)}, page ${quote(difference.page)}`);
    }
  }
  if (lines.length === 0) lines.push('nothing to import: the data holds the page already');
  return lines.map((line) => `${escapeControls(line)}\n`).join('');
}

async function readPage(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new InputError(`cannot read the page ${path}`, {
      hint: 'give the path of a text file with the page, e.g. page.txt',
      cause: error,
    });
  }
  // A page saved as Latin-1 or UTF-16 (Notepad can) would be imported with its å, ä and ö as
  // U+FFFD: refused before anything is written.
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(
      `${path} is not UTF-8 text (saved as Latin-1 or UTF-16?): its å, ä and ö would be lost`,
      {
        hint: 'save the page as UTF-8 (in Notepad: Save as, Encoding UTF-8) and import it again',
      },
    );
  }
  return bytes.toString('utf8');
}

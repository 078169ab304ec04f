import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { z } from 'zod';
import { InputError } from '../../errors.js';
import { importPage } from '../../data/import-page.js';
import { writeImport } from '../../data/write-import.js';
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
    .option('--force', 'overwrite files that exist (default: false)')
    .action(async (page: string, _options: unknown, command: Command) => {
      const options = parseOptions(importOptionsSchema, command);
      const result = importPage(await readPage(page), { source: page });
      if (options.json) {
        process.stdout.write(`${stringifyJson(result)}\n`);
        return;
      }
      const written = await writeImport(result, { dataDir: options.data, force: options.force });
      for (const file of written) process.stdout.write(`wrote ${escapeControls(file)}\n`);
    });
}

async function readPage(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read the page ${path}`, {
      hint: 'give the path of a text file with the page, e.g. page.txt',
      cause: error,
    });
  }
}

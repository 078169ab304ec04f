import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { AppError, DataError } from '../errors.js';
import { describeProblemCount, formatPath } from '../issue.js';
import type { Issue } from '../issue.js';
import type { Problem, ProblemEntry } from './page-protocol.js';

// A problem is sent to the page as it is: its type lives with the rest of what the page is sent.
export type { Problem, ProblemEntry };

/**
 * The loader's issues for a data folder that does not load; `texts` (by file) are quoted
 * instead of the files on disk, for the data as an edit would have made it.
 */
export function problemOfDataIssues(
  issues: readonly Issue[],
  texts?: ReadonlyMap<string, string | null>,
): Problem {
  return withSourceLines(
    { title: describeProblemCount(issues.length), entries: issues.map(entryOf) },
    texts,
  );
}

/** An issue as the page shows it: its field path written out. */
function entryOf(issue: Issue): ProblemEntry {
  const { file, line, column, hint } = issue;
  const where = formatPath(issue.path);
  return {
    ...(file === undefined ? {} : { file }),
    ...(line === undefined ? {} : { line }),
    ...(column === undefined ? {} : { column }),
    ...(where === '' ? {} : { where }),
    message: issue.message,
    ...(hint === undefined ? {} : { hint }),
    ...(issue.sv === undefined ? {} : { sv: issue.sv }),
  };
}

/**
 * Any error as a Problem. Input errors (data, fit, glyphs, limits) keep their files, fields and
 * hints; anything else is a bug in code, most likely the template being edited, so its place is
 * the first stack frame inside `templatesDir`, and its stack goes along.
 */
export function problemOfError(error: unknown, title: string, templatesDir?: string): Problem {
  if (error instanceof DataError) {
    return withSourceLines({ title, entries: error.issues.map(entryOf) });
  }
  if (error instanceof AppError) {
    return {
      title,
      entries: [
        {
          message: error.message,
          ...(error.hint === undefined ? {} : { hint: error.hint }),
          ...(error.sv === undefined ? {} : { sv: error.sv }),
        },
      ],
    };
  }
  const thrown = error instanceof Error ? error : new Error(String(error));
  const place = templatesDir === undefined ? undefined : findFrame(thrown.stack, templatesDir);
  return withSourceLines({
    title,
    entries: [
      {
        ...place,
        message: `${thrown.name}: ${thrown.message}`,
        hint:
          place === undefined
            ? 'an unexpected error: see the stack below'
            : 'the template threw while drawing: fix it and save, the slides come back by themselves',
      },
    ],
    ...(thrown.stack === undefined ? {} : { stack: trimStack(thrown.stack) }),
  });
}

/**
 * Each entry with a file and line gets that line's text, to show what is at fault: from
 * `texts` when it holds the file, else from disk.
 */
export function withSourceLines(
  problem: Problem,
  texts?: ReadonlyMap<string, string | null>,
): Problem {
  const files = new Map<string, string[] | undefined>();
  const linesOf = (file: string): string[] | undefined => {
    if (!files.has(file)) {
      const text = texts?.get(file);
      if (typeof text === 'string') files.set(file, text.split(/\r?\n/));
      else {
        try {
          files.set(file, readFileSync(file, 'utf8').split(/\r?\n/));
        } catch {
          files.set(file, undefined);
        }
      }
    }
    return files.get(file);
  };
  return {
    ...problem,
    entries: problem.entries.map((entry) => {
      if (entry.file === undefined || entry.line === undefined || entry.code !== undefined) {
        return entry;
      }
      const code = linesOf(entry.file)?.[entry.line - 1];
      return code === undefined ? entry : { ...entry, code: code.trimEnd() };
    }),
  };
}

/** The first `(file:line:column)` of a stack that lies inside `dir`. */
function findFrame(
  stack: string | undefined,
  dir: string,
): Pick<ProblemEntry, 'file' | 'line' | 'column'> | undefined {
  if (stack === undefined) return undefined;
  for (const match of stack.matchAll(/\(?(?:file:\/\/)?(\/[^\s():]+):(\d+):(\d+)\)?/g)) {
    const file = match[1]!;
    if (!isInside(file, dir)) continue;
    return { file, line: Number(match[2]), column: Number(match[3]) };
  }
  return undefined;
}

function isInside(file: string, dir: string): boolean {
  const path = relative(dir, file);
  return path !== '' && !path.startsWith(`..${sep}`) && path !== '..' && !path.startsWith(sep);
}

/** The stack without Node's own frames, which only say how the worker was called. */
function trimStack(stack: string): string {
  return stack
    .split('\n')
    .filter((line) => !/\(node:|at node:|node_modules\/satori/.test(line))
    .slice(0, 12)
    .join('\n');
}

import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Issue } from '../issue.js';

/** The project's word list: words the dictionary does not know that are right all the same. */
export function wordListFile(dir: string): string {
  return join(dir, 'words.txt');
}

/**
 * Reads `<dir>/words.txt`: one word a line, `#` starts a comment, blank lines are ignored. A
 * folder without one (a fresh import) has an empty list.
 */
export async function readWordList(dir: string): Promise<{ words: string[]; issues: Issue[] }> {
  const file = wordListFile(dir);
  // A folder or a FIFO by that name: reading it would fail, or wait for ever.
  const stats = await stat(file).catch(() => undefined);
  if (stats !== undefined && !stats.isFile()) {
    return {
      words: [],
      issues: [
        {
          code: 'schema',
          severity: 'error',
          message: 'is not a plain file',
          file,
          path: [],
          hint: 'move it away: the word list is a text file, one word a line',
          sv: {
            message: 'är inte en vanlig fil',
            hint: 'flytta den: ordlistan är en textfil med ett ord per rad',
          },
        },
      ],
    };
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { words: [], issues: [] };
    return {
      words: [],
      issues: [
        {
          code: 'schema',
          severity: 'error',
          message: `cannot be read (${code ?? String(error)})`,
          file,
          path: [],
          hint: 'the word list is a text file: one word a line, # for comments',
          sv: {
            message: `går inte att läsa (${code ?? String(error)})`,
            hint: 'ordlistan är en textfil: ett ord per rad, # för kommentarer',
          },
        },
      ],
    };
  }
  const words = text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*/, '').trim())
    .flatMap((line) => (line === '' ? [] : line.split(/\s+/)));
  return { words, issues: [] };
}

import { readFile } from 'node:fs/promises';
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

import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../../errors.js';
import { describeFileSystemError } from '../../io/file-system-error.js';

const slug = '[a-z0-9]+(?:-[a-z0-9]+)*';

/**
 * The files of a data folder the studio may write, by their path inside it: brand.yaml, a
 * campaign, an interview, and the word list. Nothing else, and never a path that climbs out.
 */
const writablePattern = new RegExp(
  `^(?:brand\\.yaml|words\\.txt|campaigns/${slug}\\.yaml|interviews/${slug}/${slug}\\.yaml)$`,
);

/** The word list's path inside the data folder. */
export const wordListPath = 'words.txt';

/**
 * The file at `path` inside the data folder, as the loader names it (`join(dataDir, path)`);
 * an InputError for a path that is not one of the data files the studio writes.
 */
export function dataFileOf(dataDir: string, path: string): string {
  if (!writablePattern.test(path)) {
    throw new InputError(`${JSON.stringify(path)} is not a data file the studio writes`, {
      hint: 'give brand.yaml, words.txt, campaigns/<id>.yaml or interviews/<campaign>/<party>.yaml',
    });
  }
  return join(dataDir, ...path.split('/'));
}

/** Whether `path` names a file the studio may write (see dataFileOf). */
export function isDataFilePath(path: string): boolean {
  return writablePattern.test(path);
}

/**
 * A file's version: a hash of its bytes, so a file changed on disk since the page read it is
 * seen whoever changed it, whatever its time stamp says. Null for a file that does not exist.
 */
export function versionOf(text: string | null): string | null {
  return text === null ? null : createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * A file's text, or null when there is none; any other refusal is a FileSystemError. What is
 * there but is no plain file (a folder, a FIFO, whose read would wait for ever) is refused.
 */
export async function readTextOrNull(file: string): Promise<string | null> {
  const stats = await stat(file).catch(() => undefined);
  if (stats !== undefined && !stats.isFile()) {
    throw new InputError(`${file} is not a plain file`, {
      hint: 'move it away: the studio reads and writes only plain text files there',
      sv: {
        message: `${file} är inte en vanlig fil`,
        hint: 'flytta den: studion läser och skriver bara vanliga textfiler där',
      },
    });
  }
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw await describeFileSystemError(error, file);
  }
}

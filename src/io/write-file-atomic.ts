import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { onFileSystem } from './file-system-error.js';

/** The prefix of every temporary file: a run that was killed leaves only such names behind. */
export const tempPrefix = '.excerpt-tmp-';

/**
 * Writes a file whole: to a temporary name in the same folder, then renamed over the target, so
 * a reader (or a run killed halfway) sees the old file or the new one, never half of one. The
 * file system's refusals (a full disk, no permission) become FileSystemErrors naming the path.
 * Every file excerpt writes, output and data alike, goes through here.
 */
export async function writeFileAtomic(path: string, data: Buffer | string): Promise<void> {
  const dir = dirname(path);
  await onFileSystem(dir, () => mkdir(dir, { recursive: true }));
  const temp = join(dir, `${tempPrefix}${basename(path)}-${randomBytes(4).toString('hex')}`);
  await onFileSystem(path, async () => {
    try {
      await writeFile(temp, data);
      await rename(temp, path);
    } catch (error) {
      await rm(temp, { force: true }).catch(() => undefined);
      throw error;
    }
  });
}

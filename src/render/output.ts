import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * The one module that writes output files. Every file is written whole: to a temporary name in
 * the same folder, then renamed over the target, so a reader (or a killed run) never sees half a
 * file. It deletes only files it wrote, as recorded in the folder's `.excerpt.json`.
 */

const tempPrefix = '.excerpt-tmp-';
export const recordName = '.excerpt.json';

/** What a folder's record says we wrote there, and the inputs' hash it was written from. */
export interface FolderRecord {
  hash: string;
  files: string[];
  /** Sub-folders written by us (a campaign's post folders), each with a record of its own. */
  folders?: string[];
}

/** Writes a file atomically: temporary file in the same folder, then rename. */
export async function writeFileAtomic(path: string, data: Buffer | string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(
    dirname(path),
    `${tempPrefix}${basename(path)}-${randomBytes(4).toString('hex')}`,
  );
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Reads a folder's record, or undefined when there is none (or it is damaged). */
export async function readFolderRecord(dir: string): Promise<FolderRecord | undefined> {
  try {
    const record = JSON.parse(
      await readFile(join(dir, recordName), 'utf8'),
    ) as Partial<FolderRecord>;
    if (typeof record.hash !== 'string' || !Array.isArray(record.files)) return undefined;
    const strings = (list: unknown): string[] =>
      Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
    return {
      hash: record.hash,
      files: strings(record.files),
      ...(record.folders === undefined ? {} : { folders: strings(record.folders) }),
    };
  } catch {
    return undefined;
  }
}

/** True when every file the record lists is there: the folder was written completely. */
export async function isFolderComplete(dir: string, record: FolderRecord): Promise<boolean> {
  const present = new Set(await readdir(dir).catch(() => []));
  return record.files.every((file) => present.has(file));
}

/**
 * Writes a set of files into a folder and records them. Files from an earlier write that are
 * no longer part of the set (slide 09 of a post that now has 8) are removed, but only those the
 * record says we wrote; temporary files left by a killed run are swept away. Files whose
 * content is unchanged are not rewritten. The record goes last, so it exists only when all
 * files do. Returns the names written.
 */
export async function writeFolder(
  dir: string,
  files: ReadonlyMap<string, Buffer>,
  hash: string,
  folders?: readonly string[],
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const previous = await readFolderRecord(dir);
  const entries = await readdir(dir);
  await Promise.all(
    entries
      .filter((name) => name.startsWith(tempPrefix))
      .map((name) => rm(join(dir, name), { force: true })),
  );
  const written: string[] = [];
  for (const [name, data] of files) {
    const path = join(dir, name);
    const existing = await readFile(path).catch(() => undefined);
    if (existing !== undefined && existing.equals(data)) continue;
    await writeFileAtomic(path, data);
    written.push(name);
  }
  for (const stale of previous?.files ?? []) {
    if (!files.has(stale) && isPlainName(stale)) await rm(join(dir, stale), { force: true });
  }
  if (folders !== undefined) {
    for (const stale of previous?.folders ?? []) {
      if (!folders.includes(stale) && isPlainName(stale))
        await removeWrittenFolder(join(dir, stale));
    }
  }
  const record: FolderRecord = {
    hash,
    files: [...files.keys()],
    ...(folders === undefined ? {} : { folders: [...folders] }),
  };
  const recordText = `${JSON.stringify(record, null, 2)}\n`;
  const recordPath = join(dir, recordName);
  const existingRecord = await readFile(recordPath, 'utf8').catch(() => undefined);
  if (existingRecord !== recordText) await writeFileAtomic(recordPath, recordText);
  return written;
}

/** A bare file name: a record never makes us touch anything outside its own folder. */
function isPlainName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\]/.test(name);
}

/**
 * Removes a folder we wrote (a post dropped from the schedule): the files its record lists and
 * the record, then the folder itself only if nothing else is left in it.
 */
async function removeWrittenFolder(dir: string): Promise<void> {
  const record = await readFolderRecord(dir);
  if (record === undefined) return;
  for (const file of record.files)
    if (isPlainName(file)) await rm(join(dir, file), { force: true });
  await rm(join(dir, recordName), { force: true });
  const left = await readdir(dir).catch(() => ['?']);
  if (left.length === 0) await rmdir(dir).catch(() => undefined);
}

import { createHash } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { onFileSystem } from '../io/file-system-error.js';
import { tempPrefix, writeFileAtomic } from '../io/write-file-atomic.js';

/**
 * The one module that writes output files, each whole (writeFileAtomic). What it wrote in a folder is recorded in the folder's `.excerpt.json`, with each file's
 * sha256, size and modification time: it overwrites or deletes only files the record names, and
 * calls a folder current only when every file on disk is what the record says.
 */

export const recordName = '.excerpt.json';

/** What we know of a file we wrote. */
export interface FileStamp {
  sha256: string;
  size: number;
  mtimeMs: number;
  /** A hash of what the file was made from, when it is made apart from the rest of the folder. */
  source?: string;
}

/** What a folder's record says we wrote there, and the inputs' hash it was written from. */
export interface FolderRecord {
  /** The inputs' hash; null while a write is under way (or was interrupted). */
  hash: string | null;
  /** Every file we wrote there, by name; a null stamp is ours, but of unknown content. */
  files: Record<string, FileStamp | null>;
  /** Sub-folders written by us (a campaign's post folders), each with a record of its own. */
  folders?: string[];
}

/** A file to write into a folder, or one written earlier to keep as it is. */
export type FolderEntry = { data: Buffer; source?: string } | { keep: true };

/** Raised when writing would overwrite or write through something excerpt did not write. */
export class ForeignFileError extends InputError {
  readonly paths: readonly string[];

  constructor(paths: readonly string[]) {
    const head =
      paths.length === 1
        ? `${paths[0]!} exists and was not written by excerpt`
        : `${paths.length} files exist that were not written by excerpt:\n${paths.map((path) => `  ${path}`).join('\n')}`;
    const headSv =
      paths.length === 1
        ? `${paths[0]!} finns redan och skrevs inte av excerpt`
        : `${paths.length} filer finns redan som inte skrevs av excerpt:\n${paths.map((path) => `  ${path}`).join('\n')}`;
    super(`${head}; nothing was written`, {
      hint: 'move them away (excerpt never overwrites what it did not write), or choose another --out',
      sv: {
        message: `${headSv}; inget skrevs`,
        hint: 'flytta bort dem (excerpt skriver aldrig över filer som det inte själv har skrivit), eller välj en annan mapp för bygget (--out)',
      },
    });
    this.paths = paths;
  }
}

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/**
 * Reads a folder's record, or undefined when there is none or it is damaged. A record of the
 * first format (a list of names) still says which files are ours, but not what they hold.
 */
export async function readFolderRecord(dir: string): Promise<FolderRecord | undefined> {
  const path = join(dir, recordName);
  // Only a plain file is read: a FIFO put there would block the read for ever, and a link is
  // not ours (findForeignFiles names both).
  const stats = await lstat(path).catch(() => undefined);
  if (stats?.isFile() !== true) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const record = parsed as { hash?: unknown; files?: unknown; folders?: unknown };
  const folders = Array.isArray(record.folders)
    ? record.folders.filter((name): name is string => typeof name === 'string' && isPlainName(name))
    : undefined;
  const files = nameTable<FileStamp | null>();
  if (Array.isArray(record.files)) {
    for (const name of record.files) if (typeof name === 'string') files[name] = null;
    return { hash: null, files, ...(folders === undefined ? {} : { folders }) };
  }
  if (typeof record.files !== 'object' || record.files === null) return undefined;
  for (const [name, stamp] of Object.entries(record.files)) {
    if (isPlainName(name)) files[name] = isStamp(stamp) ? stamp : null;
  }
  return {
    hash: typeof record.hash === 'string' ? record.hash : null,
    files,
    ...(folders === undefined ? {} : { folders }),
  };
}

/**
 * True when the folder holds exactly what its record says was written from inputs hashing to
 * `hash`: every file there, a plain file, of the recorded size and time, or else of the
 * recorded content. A write that was interrupted, or a file changed since, makes it false.
 */
export async function isFolderCurrent(
  dir: string,
  record: FolderRecord | undefined,
  hash: string,
): Promise<boolean> {
  if (record === undefined || record.hash !== hash) return false;
  const names = Object.keys(record.files);
  const results = await Promise.all(
    names.map((name) => isFileCurrent(join(dir, name), record.files[name] ?? null)),
  );
  return results.every(Boolean);
}

/** True when the file at `path` is the one `stamp` describes. */
export async function isFileCurrent(path: string, stamp: FileStamp | null): Promise<boolean> {
  if (stamp === null) return false;
  const stats = await lstat(path).catch(() => undefined);
  if (stats === undefined || !stats.isFile() || stats.size !== stamp.size) return false;
  if (stats.mtimeMs === stamp.mtimeMs) return true;
  // Touched but perhaps not changed (a copy, a backup tool): the content decides.
  const data = await readFile(path).catch(() => undefined);
  return data !== undefined && sha256(data) === stamp.sha256;
}

/**
 * The paths among `names` in `dir` that excerpt may not write: files there that the folder's
 * record does not name, and anything that is not a plain file (a folder, a symbolic link). The
 * folder itself must be a real folder (not a link that leads elsewhere) unless `mayBeLink`.
 */
export async function findForeignFiles(
  dir: string,
  names: Iterable<string>,
  options: { mayBeLink?: boolean } = {},
): Promise<string[]> {
  const folder = await lstat(dir).catch(() => undefined);
  if (folder === undefined) return [];
  if (folder.isSymbolicLink() && options.mayBeLink !== true) return [dir];
  if (!folder.isDirectory() && !folder.isSymbolicLink()) return [dir];
  const record = await readFolderRecord(dir);
  const foreign: string[] = [];
  // The record is written in every folder, so a FIFO or a link in its place is named too.
  for (const name of new Set([...names, recordName])) {
    const path = join(dir, name);
    const stats = await lstat(path).catch(() => undefined);
    if (stats === undefined) continue;
    // The record itself is ours whatever it holds: a damaged one is rewritten.
    const isOurs = name === recordName || (record !== undefined && name in record.files);
    if (!stats.isFile() || !isOurs) {
      foreign.push(path);
    }
  }
  return foreign;
}

/** Refuses, naming them, when any of `names` in `dir` may not be written (see findForeignFiles). */
export async function assertWritable(
  dir: string,
  names: Iterable<string>,
  options: { mayBeLink?: boolean } = {},
): Promise<void> {
  const foreign = await findForeignFiles(dir, names, options);
  if (foreign.length > 0) throw new ForeignFileError(foreign);
}

/**
 * Writes a set of files into a folder and records them. Before the first file is replaced, the
 * record is marked as being written, so a run killed halfway leaves a folder that no later run
 * takes for current. Files whose content is unchanged are not rewritten; files from an earlier
 * write that are no longer part of the set (slide 09 of a post that now has 8) are removed, but
 * only those the record says we wrote; temporary files left by a killed run are swept away.
 * Returns the names written.
 */
export async function writeFolder(
  dir: string,
  entries: ReadonlyMap<string, FolderEntry | Buffer>,
  hash: string,
  options: { folders?: readonly string[]; mayBeLink?: boolean } = {},
): Promise<string[]> {
  await onFileSystem(dir, () => mkdir(dir, { recursive: true }));
  await assertWritable(dir, [...entries.keys(), recordName], options);
  const previous = await readFolderRecord(dir);
  const present = await onFileSystem(dir, () => readdir(dir));
  await Promise.all(
    present
      .filter((name) => name.startsWith(tempPrefix))
      .map((name) => rm(join(dir, name), { force: true }).catch(() => undefined)),
  );

  const stamps = nameTable<FileStamp | null>();
  const pending: [string, Buffer, string | undefined][] = [];
  for (const [name, value] of entries) {
    const entry: FolderEntry = Buffer.isBuffer(value) ? { data: value } : value;
    const earlier = previous?.files[name] ?? null;
    if ('keep' in entry) {
      if (earlier === null) throw new Error(`writeFolder: nothing recorded to keep as ${name}`);
      stamps[name] = earlier;
      continue;
    }
    const digest = sha256(entry.data);
    if (earlier?.sha256 === digest && (await isFileCurrent(join(dir, name), earlier))) {
      stamps[name] = withSource(earlier, entry.source);
      continue;
    }
    pending.push([name, entry.data, entry.source]);
  }
  const stale = Object.keys(previous?.files ?? {}).filter((name) => !entries.has(name));
  const staleFolders = (previous?.folders ?? []).filter(
    (name) => options.folders !== undefined && !options.folders.includes(name),
  );
  const folders =
    options.folders === undefined
      ? undefined
      : [...new Set([...options.folders, ...(previous?.folders ?? [])])];

  if (pending.length > 0 || stale.length > 0 || staleFolders.length > 0) {
    // Claim every name first, with no hash: if the run dies while files are being replaced,
    // the folder is ours to finish, and nobody's to trust.
    const claimed = Object.assign(nameTable<FileStamp | null>(), previous?.files, stamps);
    for (const [name] of pending) claimed[name] = null;
    await writeRecord(dir, { hash: null, files: claimed, ...(folders ? { folders } : {}) });
  }
  for (const [name, data, source] of pending) {
    const path = join(dir, name);
    await writeFileAtomic(path, data);
    const stats = await onFileSystem(path, () => lstat(path));
    stamps[name] = {
      sha256: sha256(data),
      size: stats.size,
      mtimeMs: stats.mtimeMs,
      ...(source === undefined ? {} : { source }),
    };
  }
  for (const name of stale) await removeWrittenFile(join(dir, name), previous?.files[name]);
  for (const name of staleFolders) await removeWrittenFolder(join(dir, name));

  const record: FolderRecord = {
    hash,
    files: stamps,
    ...(options.folders === undefined ? {} : { folders: [...options.folders] }),
  };
  const recordPath = join(dir, recordName);
  const text = `${JSON.stringify(record, null, 2)}\n`;
  const existing = await readFile(recordPath, 'utf8').catch(() => undefined);
  if (existing !== text) await writeFileAtomic(recordPath, text);
  return pending.map(([name]) => name);
}

async function writeRecord(dir: string, record: FolderRecord): Promise<void> {
  await writeFileAtomic(join(dir, recordName), `${JSON.stringify(record, null, 2)}\n`);
}

/** A table keyed by file names read from disk: no prototype, so no name is special. */
function nameTable<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function withSource(stamp: FileStamp, source: string | undefined): FileStamp {
  const { sha256: digest, size, mtimeMs } = stamp;
  return { sha256: digest, size, mtimeMs, ...(source === undefined ? {} : { source }) };
}

function isStamp(value: unknown): value is FileStamp {
  if (typeof value !== 'object' || value === null) return false;
  const stamp = value as Partial<FileStamp>;
  return (
    typeof stamp.sha256 === 'string' &&
    typeof stamp.size === 'number' &&
    typeof stamp.mtimeMs === 'number' &&
    (stamp.source === undefined || typeof stamp.source === 'string')
  );
}

/** A bare file name: a record never makes us touch anything outside its own folder. */
function isPlainName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\]/.test(name);
}

/**
 * Removes a file we wrote, if it is still a plain file: a folder or link put there is left, and
 * so is a file whose content is no longer what the record says we wrote (someone put their own
 * there). A null stamp is a file of a write that was cut short: ours, whatever it holds.
 */
async function removeWrittenFile(path: string, stamp?: FileStamp | null): Promise<void> {
  const stats = await lstat(path).catch(() => undefined);
  if (stats?.isFile() !== true) return;
  if (stamp != null && !(await isFileCurrent(path, stamp))) return;
  await onFileSystem(path, () => rm(path, { force: true }));
}

/**
 * Removes a folder we wrote (a post dropped from the schedule): the files its record lists and
 * the record, then the folder itself only if nothing else is left in it.
 */
async function removeWrittenFolder(dir: string): Promise<void> {
  const folder = await lstat(dir).catch(() => undefined);
  if (folder?.isDirectory() !== true) return;
  const record = await readFolderRecord(dir);
  if (record === undefined) return;
  for (const [name, stamp] of Object.entries(record.files)) {
    await removeWrittenFile(join(dir, name), stamp);
  }
  await removeWrittenFile(join(dir, recordName));
  const left = await readdir(dir).catch(() => ['?']);
  if (left.length === 0) await rmdir(dir).catch(() => undefined);
}

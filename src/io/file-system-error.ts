import { constants } from 'node:fs';
import { access, lstat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InputError } from '../errors.js';

/**
 * The file system said no: a full disk, no permission, a file where a folder should be. That is
 * the user's machine, not a bug in excerpt, so it is an input error (exit 2) that names the path
 * and says what would fix it.
 */
export class FileSystemError extends InputError {
  readonly path: string;
  readonly code: string;

  constructor(path: string, code: string, message: string, hint: string, cause: unknown) {
    super(message, { hint, cause });
    this.path = path;
    this.code = code;
  }
}

type Describe = (path: string) => { message: string; hint: string };

/** What each refusal means for someone who did not write the code, and what would fix it. */
const refusals: Record<string, Describe> = {
  ENOSPC: (path) => ({
    message: `cannot write ${path}: the disk is full`,
    hint: 'free some space and run it again: no file is left half-written, and the rerun finishes the job',
  }),
  EDQUOT: (path) => ({
    message: `cannot write ${path}: the disk quota is used up`,
    hint: 'free some space and run it again: no file is left half-written, and the rerun finishes the job',
  }),
  EACCES: (path) => ({
    message: `no permission to write ${path}`,
    hint: `choose another --out, or give yourself write permission on ${dirname(path)}`,
  }),
  EPERM: (path) => ({
    message: `not permitted to write ${path}`,
    hint: `choose another --out, or give yourself write permission on ${dirname(path)}`,
  }),
  EROFS: (path) => ({
    message: `cannot write ${path}: the disk is read-only`,
    hint: 'choose another --out, on a disk that can be written',
  }),
  ENOTDIR: (path) => ({
    message: `${path} is a file, where a folder is needed`,
    hint: 'move the file away, or choose another --out',
  }),
  EEXIST: (path) => ({
    message: `${path} is a file, where a folder is needed`,
    hint: 'move the file away, or choose another --out',
  }),
  EISDIR: (path) => ({
    message: `${path} is a folder, where a file is needed`,
    hint: 'move the folder away, or choose another --out',
  }),
  ENAMETOOLONG: (path) => ({
    message: `the path ${path} is too long for this file system`,
    hint: 'choose a shorter --out',
  }),
  ELOOP: (path) => ({
    message: `${path} leads through a loop of symbolic links`,
    hint: 'fix or remove the links, or choose another --out',
  }),
  EIO: (path) => ({
    message: `the disk reported an input/output error writing ${path}`,
    hint: 'check the disk (or the network share), then run it again',
  }),
};

/**
 * The error to throw for a failed file operation on `path`: a FileSystemError when the file
 * system refused for a reason the user can fix, else the error as it was. For ENOTDIR and
 * EEXIST, the message names the file that stands in the way, not the path being written.
 */
export async function describeFileSystemError(error: unknown, path: string): Promise<unknown> {
  if (error instanceof FileSystemError) return error;
  const code =
    (await refusalBehindMissing(error as NodeJS.ErrnoException | undefined)) ??
    (error as NodeJS.ErrnoException | undefined)?.code;
  const describe = code === undefined ? undefined : refusals[code];
  if (code === undefined || describe === undefined) return error;
  const culprit =
    code === 'ENOTDIR' || code === 'EEXIST' ? ((await fileInTheWay(path)) ?? path) : path;
  const { message, hint } = describe(culprit);
  return new FileSystemError(culprit, code, message, hint, error);
}

/** Runs a file operation on `path`, turning the file system's refusals into FileSystemErrors. */
export async function onFileSystem<T>(path: string, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw await describeFileSystemError(error, path);
  }
}

/** The nearest of `path` and its parents that exists and is not a folder. */
async function fileInTheWay(path: string): Promise<string | undefined> {
  for (let current = path; ; current = dirname(current)) {
    const stats = await lstat(current).catch(() => undefined);
    if (stats !== undefined && !stats.isDirectory()) return current;
    if (dirname(current) === current) return undefined;
  }
}

/**
 * Node 20's `mkdir(…, { recursive: true })` says ENOENT when the folder it would make in is
 * read-only or not ours: the refusal is asked of the nearest folder that exists (access(2)
 * tells EROFS and EACCES apart, and changes nothing).
 */
async function refusalBehindMissing(
  error: NodeJS.ErrnoException | undefined,
): Promise<string | undefined> {
  if (error?.code !== 'ENOENT' || error.syscall !== 'mkdir' || error.path === undefined) {
    return undefined;
  }
  for (let current = dirname(error.path); ; current = dirname(current)) {
    const stats = await lstat(current).catch(() => undefined);
    if (stats?.isDirectory() === true) {
      return access(current, constants.W_OK).then(
        () => undefined,
        (refusal: NodeJS.ErrnoException) => refusal.code,
      );
    }
    if (stats !== undefined || dirname(current) === current) return undefined;
  }
}

import { constants } from 'node:fs';
import { access, lstat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InputError } from '../errors.js';
import type { InSwedish } from '../issue.js';

/**
 * The file system said no: a full disk, no permission, a file where a folder should be. That is
 * the user's machine, not a bug in excerpt, so it is an input error (exit 2) that names the path
 * and says what would fix it.
 */
export class FileSystemError extends InputError {
  readonly path: string;
  readonly code: string;

  constructor(
    path: string,
    code: string,
    message: string,
    hint: string,
    cause: unknown,
    sv?: InSwedish,
  ) {
    super(message, { hint, cause, sv });
    this.path = path;
    this.code = code;
  }
}

type Describe = (path: string) => { message: string; hint: string; sv: InSwedish };

/**
 * What each refusal means for someone who did not write the code, and what would fix it: in the
 * terminal's English, and in Swedish for the studio (where the folder is the data folder as
 * often as --out, so its words name no option).
 */
const refusals: Record<string, Describe> = {
  ENOSPC: (path) => ({
    message: `cannot write ${path}: the disk is full`,
    hint: 'free some space and run it again: no file is left half-written, and the rerun finishes the job',
    sv: {
      message: `${path} kunde inte sparas: disken är full`,
      hint: 'Frigör utrymme och försök igen: ingen fil har skrivits till hälften.',
    },
  }),
  EDQUOT: (path) => ({
    message: `cannot write ${path}: the disk quota is used up`,
    hint: 'free some space and run it again: no file is left half-written, and the rerun finishes the job',
    sv: {
      message: `${path} kunde inte sparas: din diskkvot är slut`,
      hint: 'Frigör utrymme och försök igen: ingen fil har skrivits till hälften.',
    },
  }),
  EACCES: (path) => ({
    message: `no permission to write ${path}`,
    hint: `choose another --out, or give yourself write permission on ${dirname(path)}`,
    sv: {
      message: `Du har inte behörighet att skriva ${path}`,
      hint: `Välj en annan mapp, eller ge dig skrivrätt till ${dirname(path)}.`,
    },
  }),
  EPERM: (path) => ({
    message: `not permitted to write ${path}`,
    hint: `choose another --out, or give yourself write permission on ${dirname(path)}`,
    sv: {
      message: `Det är inte tillåtet att skriva ${path}`,
      hint: `Välj en annan mapp, eller ge dig skrivrätt till ${dirname(path)}.`,
    },
  }),
  EROFS: (path) => ({
    message: `cannot write ${path}: the disk is read-only`,
    hint: 'choose another --out, on a disk that can be written',
    sv: {
      message: `${path} kunde inte sparas: disken är skrivskyddad`,
      hint: 'Välj en mapp på en disk som går att skriva till.',
    },
  }),
  ENOTDIR: (path) => ({
    message: `${path} is a file, where a folder is needed`,
    hint: 'move the file away, or choose another --out',
    sv: {
      message: `${path} är en fil där en mapp behövs`,
      hint: 'Flytta undan filen, eller välj en annan mapp.',
    },
  }),
  EEXIST: (path) => ({
    message: `${path} is a file, where a folder is needed`,
    hint: 'move the file away, or choose another --out',
    sv: {
      message: `${path} är en fil där en mapp behövs`,
      hint: 'Flytta undan filen, eller välj en annan mapp.',
    },
  }),
  EISDIR: (path) => ({
    message: `${path} is a folder, where a file is needed`,
    hint: 'move the folder away, or choose another --out',
    sv: {
      message: `${path} är en mapp där en fil behövs`,
      hint: 'Flytta undan mappen, eller välj en annan mapp.',
    },
  }),
  ENAMETOOLONG: (path) => ({
    message: `the path ${path} is too long for this file system`,
    hint: 'choose a shorter --out',
    sv: {
      message: `Sökvägen ${path} är för lång för filsystemet`,
      hint: 'Välj en mapp med kortare sökväg, eller ett kortare namn.',
    },
  }),
  ELOOP: (path) => ({
    message: `${path} leads through a loop of symbolic links`,
    hint: 'fix or remove the links, or choose another --out',
    sv: {
      message: `${path} leder genom en slinga av symboliska länkar`,
      hint: 'Rätta eller ta bort länkarna, eller välj en annan mapp.',
    },
  }),
  EIO: (path) => ({
    message: `the disk reported an input/output error writing ${path}`,
    hint: 'check the disk (or the network share), then run it again',
    sv: {
      message: `Disken rapporterade ett läs- eller skrivfel för ${path}`,
      hint: 'Kontrollera disken (eller nätverksenheten) och försök igen.',
    },
  }),
};

/**
 * The error to throw for a failed file operation on `path`: a FileSystemError when the file
 * system refused for a reason the user can fix, else the error as it was. For ENOTDIR and
 * EEXIST, the message names the file that stands in the way, not the path being written.
 */
export async function describeFileSystemError(error: unknown, path: string): Promise<unknown> {
  if (error instanceof FileSystemError) return error;
  const code = await refusalCode(error, path);
  const describe = code === undefined ? undefined : refusals[code];
  if (code === undefined || describe === undefined) return error;
  const culprit =
    code === 'ENOTDIR' || code === 'EEXIST' ? ((await fileInTheWay(path)) ?? path) : path;
  const { message, hint, sv } = describe(culprit);
  return new FileSystemError(culprit, code, message, hint, error, sv);
}

/**
 * An error's code. Node's recursive mkdir says ENOENT where the disk is read-only (or a folder
 * is not writable): then the refusal is asked of the nearest folder that exists.
 */
async function refusalCode(error: unknown, path: string): Promise<string | undefined> {
  const { code, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  if (code !== 'ENOENT' || syscall !== 'mkdir') return code;
  for (let current = dirname(path); ; current = dirname(current)) {
    const stats = await lstat(current).catch(() => undefined);
    if (stats?.isDirectory() === true) {
      const refusal = await access(current, constants.W_OK).then(
        () => undefined,
        (denied: NodeJS.ErrnoException) => denied.code,
      );
      return refusal ?? code;
    }
    if (stats !== undefined || dirname(current) === current) return code;
  }
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

import { mkdir, rmdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import lockfile from 'proper-lockfile';
import { InputError } from '../errors.js';
import { onFileSystem } from '../io/file-system-error.js';

/** The lock's name inside the folder it guards. */
export const lockName = '.excerpt.lock';

/**
 * A lock older than this is taken to be left by a run that died (a kill, a power cut): the
 * holder refreshes it every `updateMs`, so a live run never looks that old.
 */
const staleMs = 10_000;
const updateMs = 2_000;

export interface OutputLock {
  /** Throws when the lock was lost (refreshing it failed, or another run took it over). */
  assertHeld(): void;
  release(): Promise<void>;
}

export interface LockOptions {
  /**
   * How long to wait for another run to finish before giving up. By default as long as it runs:
   * a live run refreshes its lock, a dead one's goes stale and is taken over, so the wait ends
   * either way (a build of hundreds of posts takes minutes, and the second must not fail then).
   */
  waitMs?: number;
  /** Called once when another run holds the lock and this one starts waiting. */
  onWait?: () => void;
  /**
   * When a lock not refreshed is taken to be left by a run that died; default ten seconds.
   * proper-lockfile takes no less than two seconds.
   */
  staleMs?: number;
  /** What to say when another run keeps the folder locked; default: a build writing into it. */
  locked?: { message: string; hint: string };
}

/** Raised when another run keeps the folder locked for longer than we wait. */
export class FolderLockedError extends InputError {}

/**
 * Locks an output folder (creating it) so that two runs never write into it at once: the second
 * waits for the first (given `waitMs`, it gives up after that with an input error). A lock left by a
 * run that died is stale after ten seconds (`staleMs`) and taken over. Any folder excerpt
 * writes can be locked so: `excerpt publish` locks its ledger's. proper-lockfile does the work: an
 * atomic mkdir, refreshed while held, removed on exit (even on Ctrl-C).
 */
export async function lockOutputFolder(
  dir: string,
  options: LockOptions = {},
): Promise<OutputLock> {
  // The first folder this made, if any: a run that ends having written nothing leaves none.
  let created = await onFileSystem(dir, () => mkdir(dir, { recursive: true }));
  const lockfilePath = join(dir, lockName);
  let lost: Error | undefined;
  const stale = Math.max(2_000, options.staleMs ?? staleMs);
  const settings = {
    lockfilePath,
    stale,
    update: Math.min(updateMs, stale / 2),
    realpath: false,
    onCompromised: (error: Error) => {
      lost = error;
    },
  };
  const deadline = Date.now() + (options.waitMs ?? Number.POSITIVE_INFINITY);
  let hasWaited = false;
  for (;;) {
    try {
      const release = await onFileSystem(lockfilePath, () => lockfile.lock(dir, settings));
      return {
        assertHeld() {
          if (lost !== undefined) {
            throw new InputError(`lost the lock on ${dir}: ${lost.message}`, {
              hint: 'another run may have written into it meanwhile: run it again',
              cause: lost,
            });
          }
        },
        async release() {
          if (lost === undefined) await release().catch(() => undefined);
          if (created !== undefined) await removeEmptyFolders(dir, created);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        // The run waited for made the folder, wrote nothing and removed it as it ended.
        created ??= await onFileSystem(dir, () => mkdir(dir, { recursive: true }));
        continue;
      }
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      if (Date.now() >= deadline) {
        throw new FolderLockedError(
          options.locked?.message ?? `another excerpt run is writing into ${dir}`,
          {
            hint:
              options.locked?.hint ??
              'wait for it to finish and run this again, or choose another --out',
          },
        );
      }
      if (!hasWaited) options.onWait?.();
      hasWaited = true;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** Removes `dir` and its parents up to `top` while they are empty. */
async function removeEmptyFolders(dir: string, top: string): Promise<void> {
  for (let current = resolve(dir); ; current = dirname(current)) {
    const isRemoved = await rmdir(current).then(
      () => true,
      () => false,
    );
    if (!isRemoved || current === resolve(top) || dirname(current) === current) return;
  }
}

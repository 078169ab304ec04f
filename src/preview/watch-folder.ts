import { relative, resolve } from 'node:path';
import { watch } from 'chokidar';

/** A folder being watched. */
export interface FolderWatch {
  /** Settles once the folder's files are known: every change from then on is reported. */
  ready: Promise<void>;
  /** Stops watching; nothing is reported after it. */
  close(): Promise<void>;
}

export interface WatchFolderOptions {
  /** How long a burst of changes must settle before `onChange`. */
  debounceMs: number;
  onChange: () => void;
  /**
   * Called once if watching ends by itself (the folder removed, the watch failed), after a last
   * `onChange`; never after `close`.
   */
  onStop: (reason: string) => void;
}

// A file's event waits until its size has kept still this long, so a file still being written
// is not read half done. Kept short: with the debounce, a save reaches `onChange` ~140 ms after
// it is written (measured), leaving most of a second for reading the data and drawing.
const writeFinish = { stabilityThreshold: 50, pollInterval: 10 };

/**
 * Calls `onChange` once a burst of changes anywhere under `dir` has settled for `debounceMs`:
 * an editor's save is often several events (write, rename, chmod). Dot files and folders (an
 * editor's swap files, .git) and `~` backups are left out; folders made later are watched too.
 * chokidar, not Node 20's recursive fs.watch, which on Linux goes deaf to a folder once a file
 * in it is replaced by rename, as `sed -i` and many editors save.
 */
export function watchFolder(dir: string, options: WatchFolderOptions): FolderWatch {
  const root = resolve(dir);
  let timer: NodeJS.Timeout | undefined;
  let isOver = false;
  const watcher = watch(root, {
    ignoreInitial: true,
    ignored: (path) => /(^|[\\/])\.|~$/.test(relative(root, path)),
    awaitWriteFinish: writeFinish,
  });
  let settleReady = (): void => undefined;
  const ready = new Promise<void>((settle) => (settleReady = settle));
  watcher.once('ready', settleReady);

  /** Ends the watch for good; says nothing more. */
  const end = (): Promise<void> => {
    isOver = true;
    clearTimeout(timer);
    settleReady();
    const closed = watcher.close();
    // close() drops every listener, but chokidar may still report an error of a stat under way:
    // an 'error' with no listener would crash the preview.
    watcher.on('error', () => undefined);
    return closed;
  };

  const stop = (reason: string): void => {
    if (isOver) return;
    void end();
    // What the folder is now (gone, say) is the last thing the preview can know of it.
    options.onChange();
    options.onStop(reason);
  };

  watcher.on('all', (event, path) => {
    if (isOver) return;
    // The folder itself removed or moved away: chokidar would not notice it coming back.
    if (event === 'unlinkDir' && path === root) {
      stop('the folder was removed or moved away');
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(options.onChange, options.debounceMs);
  });
  watcher.on('error', (error: unknown) => {
    stop(`watching it failed: ${error instanceof Error ? error.message : String(error)}`);
  });

  return {
    ready,
    close: end,
  };
}

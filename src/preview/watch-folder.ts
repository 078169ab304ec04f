import { watch, type FSWatcher } from 'node:fs';

/**
 * Calls `onChange` once a burst of changes anywhere under `dir` has settled for `debounceMs`:
 * an editor's save is often several events (write, rename, chmod). Dot files and folders (an
 * editor's swap files, .git) are left out. Recursive `fs.watch` works on Node 20 on Linux,
 * macOS and Windows; it watches folders made later too.
 */
export function watchFolder(dir: string, debounceMs: number, onChange: () => void): FSWatcher {
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(dir, { recursive: true }, (_event, name) => {
    if (name !== null && /(^|\/)\.|~$/.test(name)) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  });
  // A folder removed while watched ends the watch; the preview keeps serving what it has.
  watcher.on('error', () => undefined);
  watcher.on('close', () => clearTimeout(timer));
  return watcher;
}

/**
 * Wraps `task` so that its runs never overlap: calls made while it runs are folded into one
 * more run after it, and wait for that one. While `isStopped()`, no further run starts.
 */
export function foldCalls(
  task: () => Promise<void>,
  isStopped: () => boolean = () => false,
): () => Promise<void> {
  let running: Promise<void> | undefined;
  let isWanted = false;
  return () => {
    if (running !== undefined) {
      isWanted = true;
      return running;
    }
    running = (async () => {
      do {
        isWanted = false;
        await task();
      } while (isWanted && !isStopped());
    })().finally(() => {
      running = undefined;
    });
    return running;
  };
}

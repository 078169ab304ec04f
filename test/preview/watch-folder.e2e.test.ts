import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Chokidar from 'chokidar';
import type { FSWatcher } from 'chokidar';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { watchFolder, type FolderWatch } from '../../src/preview/watch-folder.js';
import { openEvents, saveByRename, startFixture, waitFor, type PreviewFixture } from './fixture.js';

// Every chokidar watcher made, with the folder it watches: a test can make a real one fail.
const made = vi.hoisted(() => [] as { path: string; watcher: FSWatcher }[]);
vi.mock('chokidar', async (importOriginal) => {
  const chokidar = await importOriginal<typeof Chokidar>();
  return {
    ...chokidar,
    watch: (...args: Parameters<typeof chokidar.watch>): FSWatcher => {
      const watcher = chokidar.watch(...args);
      made.push({ path: String(args[0]), watcher });
      return watcher;
    },
  };
});

/** Open fs.watch handles: a watch left open keeps the process, and the tests, from exiting. */
const openWatchHandles = (): number =>
  process.getActiveResourcesInfo().filter((name) => name === 'FSEventWrap').length;

/** Longer than a write's settling (50 ms) and the debounce (80 ms), with room for a busy machine. */
const quietMs = 600;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A folder like data/: interviews/<campaign>/<party>.yaml. */
function makeFolder(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'excerpt-watch-'));
  folders.push(dir);
  mkdirSync(join(dir, 'interviews', 'campaign'), { recursive: true });
  const file = join(dir, 'interviews', 'campaign', 'party.yaml');
  writeFileSync(file, 'party: Partiet\n');
  return { dir, file };
}

interface Watched {
  watch: FolderWatch;
  changes: () => number;
  stops: string[];
}

const watches: FolderWatch[] = [];
afterEach(async () => {
  await Promise.all(watches.splice(0).map((watch) => watch.close()));
});

async function startWatch(dir: string): Promise<Watched> {
  let changes = 0;
  const stops: string[] = [];
  const watch = watchFolder(dir, {
    debounceMs: 80,
    onChange: () => changes++,
    onStop: (reason) => stops.push(reason),
  });
  watches.push(watch);
  await watch.ready;
  return { watch, changes: () => changes, stops };
}

/** Waits until `onChange` has been called `count` times in all. */
const changesReach = (watched: Watched, count: number, what: string): Promise<true> =>
  waitFor(what, () => (watched.changes() >= count ? true : undefined), 5_000);

describe('watchFolder', () => {
  it('follows a save by rename, then in-place saves and another rename of the same file', async () => {
    const { dir, file } = makeFolder();
    const watched = await startWatch(dir);
    saveByRename(file, 'party: Ett\n');
    await changesReach(watched, 1, 'the save by rename');
    writeFileSync(file, 'party: Två\n');
    await changesReach(watched, 2, 'the in-place save after it');
    writeFileSync(file, 'party: Tre\n');
    await changesReach(watched, 3, 'a second in-place save');
    saveByRename(file, 'party: Fyra\n');
    await changesReach(watched, 4, 'a second save by rename');
    writeFileSync(file, 'party: Fem\n');
    await changesReach(watched, 5, 'an in-place save after that');
    expect(watched.stops).toEqual([]);
  });

  it('folds a burst of writes into one change', async () => {
    const { dir, file } = makeFolder();
    const watched = await startWatch(dir);
    for (let index = 0; index < 5; index++) writeFileSync(file, `party: ${index}\n`);
    saveByRename(file, 'party: sist\n');
    await changesReach(watched, 1, 'the burst');
    await sleep(quietMs);
    expect(watched.changes()).toBe(1);
  });

  it('leaves out dot files, dot folders and ~ backups', async () => {
    const { dir, file } = makeFolder();
    const watched = await startWatch(dir);
    writeFileSync(join(dir, 'interviews', 'campaign', '.party.yaml.swp'), 'swap');
    writeFileSync(`${file}~`, 'backup');
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.git', 'index'), 'git');
    await sleep(quietMs);
    expect(watched.changes()).toBe(0);
    // It was listening all along.
    writeFileSync(file, 'party: Ändrat\n');
    await changesReach(watched, 1, 'a real edit');
  });

  it('sees a folder made after it started, and edits inside it', async () => {
    const { dir } = makeFolder();
    const watched = await startWatch(dir);
    mkdirSync(join(dir, 'interviews', 'new-campaign'));
    const file = join(dir, 'interviews', 'new-campaign', 'party.yaml');
    writeFileSync(file, 'party: Nytt\n');
    await changesReach(watched, 1, 'the new folder');
    await sleep(quietMs);
    const before = watched.changes();
    saveByRename(file, 'party: Nyare\n');
    await changesReach(watched, before + 1, 'a save by rename in the new folder');
    writeFileSync(file, 'party: Nyast\n');
    await changesReach(watched, before + 2, 'an in-place save in the new folder');
  });

  it('stops, with a last change and the reason, when its folder is removed', async () => {
    const { dir } = makeFolder();
    const watched = await startWatch(dir);
    rmSync(dir, { recursive: true });
    await waitFor('the stop', () => (watched.stops.length > 0 ? true : undefined), 5_000);
    expect(watched.stops).toEqual(['the folder was removed or moved away']);
    // The folder's last state is read: a change at the stop, if the debounce had not fired yet.
    const changes = watched.changes();
    expect(changes).toBeGreaterThanOrEqual(1);
    // A folder of the same name made again is not followed: the page has been told so.
    mkdirSync(dir);
    writeFileSync(join(dir, 'brand.yaml'), 'organisation: x\n');
    await sleep(quietMs);
    expect(watched.changes()).toBe(changes);
    expect(watched.stops).toHaveLength(1);
  });

  it('stops, with the reason, when watching fails', async () => {
    const { dir, file } = makeFolder();
    const watched = await startWatch(dir);
    const watcher = made.find((entry) => entry.path === dir)!.watcher;
    watcher.emit(
      'error',
      Object.assign(new Error('ENOSPC: System limit for number of file watchers reached'), {
        code: 'ENOSPC',
      }),
    );
    expect(watched.stops).toEqual([
      'watching it failed: ENOSPC: System limit for number of file watchers reached',
    ]);
    expect(watched.changes()).toBe(1);
    writeFileSync(file, 'party: Efter\n');
    await sleep(quietMs);
    expect(watched.changes()).toBe(1);
  });

  it('reports nothing after close, a pending change included, and leaves no watch open', async () => {
    const before = openWatchHandles();
    const { dir, file } = makeFolder();
    const watched = await startWatch(dir);
    expect(openWatchHandles()).toBeGreaterThan(before);
    writeFileSync(file, 'party: Sent\n');
    await sleep(100); // seen (after ~60 ms of settling), and waiting out the debounce
    await watched.watch.close();
    writeFileSync(file, 'party: Senare\n');
    await sleep(quietMs);
    expect(watched.changes()).toBe(0);
    expect(watched.stops).toEqual([]);
    expect(openWatchHandles()).toBe(before);
  });
});

describe('excerpt preview: when watching stops', () => {
  let fixture: PreviewFixture | undefined;
  afterEach(async () => {
    await fixture?.close();
    fixture = undefined;
  });

  it('tells the page (state, event stream, hello) and the terminal, and says why', async () => {
    const handlesBefore = openWatchHandles();
    fixture = await startFixture('watch-stop');
    const { dataDir, templatesDir } = fixture;
    const first = await fixture.state();
    expect(first.isFollowing).toBe(true);
    expect(first.problems).toEqual([]);
    const stream = await openEvents(fixture.server.url);
    expect(stream.events[0]).toEqual({
      event: 'hello',
      // `started`: which start of the studio answers (a page of another one must reload to save).
      data: { version: first.version, isFollowing: true, started: expect.any(String) },
    });
    try {
      // The templates' watch fails as it would when the system runs out of watches.
      made
        .find((entry) => entry.path === templatesDir)!
        .watcher.emit('error', new Error('ENOSPC: System limit for number of file watchers'));
      const failed = await waitFor('the failed watch in the state', async () => {
        const state = await fixture!.state();
        return state.isFollowing ? undefined : state;
      });
      expect(failed.problems[0]).toEqual({
        title: 'The preview no longer follows changes',
        entries: [
          {
            file: templatesDir,
            message: 'watching it failed: ENOSPC: System limit for number of file watchers',
            hint: 'restart excerpt preview to follow changes again',
          },
        ],
      });
      await waitFor('the change on the event stream', () =>
        stream.events.some(
          (event) =>
            event.event === 'change' && (event.data as { what: string }).what === 'watching',
        )
          ? true
          : undefined,
      );
      expect(fixture.events).toContainEqual({
        type: 'warning',
        message: `no longer following changes to ${templatesDir}: watching it failed: ENOSPC: System limit for number of file watchers; restart excerpt preview to follow changes again`,
      });
      // A page that connects now is told at once.
      const late = await openEvents(fixture.server.url);
      late.close();
      expect(late.events[0]?.data).toMatchObject({ isFollowing: false });

      // The data folder is removed: that is said too, and the data is read one last time.
      rmSync(dataDir, { recursive: true });
      const gone = await waitFor('the removed data folder in the state', async () => {
        const state = await fixture!.state();
        return state.problems[0]!.entries.length === 2 && state.problems.length === 2
          ? state
          : undefined;
      });
      expect(gone.isFollowing).toBe(false);
      expect(gone.problems[0]!.entries[1]).toEqual({
        file: dataDir,
        message: 'the folder was removed or moved away',
        hint: 'restart excerpt preview to follow changes again',
      });
      expect(JSON.stringify(gone.problems[1])).toContain('does not exist');
      // The posts of the last data that loaded are still shown.
      expect(gone.campaigns.flatMap((campaign) => campaign.posts)).toHaveLength(10);
    } finally {
      stream.close();
    }
    await fixture.close();
    fixture = undefined;
    expect(openWatchHandles()).toBe(handlesBefore);
  });

  it('keeps following the other folder when one stops, and closes it on close', async () => {
    const handlesBefore = openWatchHandles();
    fixture = await startFixture('watch-half');
    const before = await fixture.state();
    made
      .find((entry) => entry.path === fixture!.templatesDir)!
      .watcher.emit('error', new Error('EMFILE: too many open files'));
    const interview = before.interviews[0]!;
    const file = join(fixture.dataDir, 'interviews', `${interview.id}.yaml`);
    const role = `${interview.role} och provläsare`;
    saveByRename(
      file,
      readFileSync(file, 'utf8').replace(`role: ${interview.role} }`, `role: ${role} }`),
    );
    const after = await waitFor('the data edit', async () => {
      const state = await fixture!.state();
      return state.interviews[0]?.role === role ? state : undefined;
    });
    expect(after.isFollowing).toBe(false);
    expect(openWatchHandles()).toBeGreaterThan(handlesBefore);
    await fixture.close();
    fixture = undefined;
    expect(openWatchHandles()).toBe(handlesBefore);
  });
});

import { lstat, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { inspectData } from '../data/load.js';
import type { Format } from '../data/schema.js';
import type { ImageFormat } from '../render/rasterize.js';
import type { ChangeEvent } from './page-protocol.js';
import type { PreviewEvent } from './preview-event.js';
import {
  buildState,
  keyOfPost,
  specOfChoice,
  type DataView,
  type KeyedSpec,
  type PreviewState,
} from './preview-state.js';
import { problemOfDataIssues, problemOfError, type Problem, type ProblemEntry } from './problem.js';
import { SlideRenderer, stale, type RenderOutcome } from './slide-renderer.js';
import { watchFolder, type FolderWatch } from './watch-folder.js';

export interface SessionOptions {
  dataDir: string;
  templatesDir: string;
  image: ImageFormat;
  debounceMs: number;
  onEvent: (event: PreviewEvent) => void;
}

/** A change the page should follow: it fetches the state again. */
export type Change = ChangeEvent;

const stopHint = 'restart excerpt preview to follow changes again';

// What a content key stands for, for the page to ask for: about all formats of a few campaigns.
const rememberedKeys = 600;

/**
 * What the preview knows, apart from HTTP: the data as last read (and the last that loaded),
 * the templates' renderer, which post each content key stands for, and who wants to hear of
 * changes. Data and templates are watched; each settled change bumps the version.
 */
export class PreviewSession {
  private view: DataView = { dataset: undefined, problem: undefined };
  private versionNumber = 1;
  private reads = 0;
  private readonly states = new Map<Format | null, PreviewState>();
  private readonly keys = new Map<string, KeyedSpec>();
  private readonly listeners = new Set<(change: Change) => void>();
  private watchers: FolderWatch[] = [];
  /** The folders no longer followed, and why; empty while every change is followed. */
  private readonly stops: ProblemEntry[] = [];
  private renderer!: SlideRenderer;
  /** The data folder's files as last read (fileStamps), to tell a change from a repeat. */
  private stamps: string | undefined;
  private following: Promise<void> = Promise.resolve();

  private constructor(private readonly options: SessionOptions) {}

  /** Compiles the templates, starts the render worker, reads the data and starts watching. */
  static async start(options: SessionOptions): Promise<PreviewSession> {
    const session = new PreviewSession(options);
    session.renderer = await SlideRenderer.start({
      templatesDir: options.templatesDir,
      image: options.image,
      onEvent: (event) => {
        options.onEvent(event);
        if (event.type === 'templates' && event.status !== 'loaded') session.changed('templates');
      },
    });
    try {
      session.stamps = await fileStamps(options.dataDir);
      await session.readData();
      session.watchers = [
        watchFolder(options.dataDir, {
          debounceMs: options.debounceMs,
          onChange: () => void session.followData(),
          onStop: (reason) => session.stopped(options.dataDir, reason),
        }),
        watchFolder(options.templatesDir, {
          debounceMs: options.debounceMs,
          onChange: () => void session.renderer.reloadTemplates(),
          onStop: (reason) => session.stopped(options.templatesDir, reason),
        }),
      ];
      // A change made once start() has returned is seen.
      await Promise.all(session.watchers.map((watcher) => watcher.ready));
    } catch (error) {
      await session.close();
      throw error;
    }
    session.drawAhead();
    return session;
  }

  get version(): number {
    return this.versionNumber;
  }

  /** False once a watched folder is no longer followed: the page must not claim to be live. */
  get isFollowing(): boolean {
    return this.stops.length === 0;
  }

  /** The data as last read: the last dataset that loaded, and why the folder does not load now. */
  get data(): DataView {
    return this.view;
  }

  /** The page's state in a format (null: each campaign's own), made once per version. */
  state(format: Format | null): PreviewState {
    let state = this.states.get(format);
    if (state === undefined) {
      state = buildState(
        this.view,
        {
          format,
          image: this.options.image,
          templates: this.renderer.templates,
          stopped: this.stops.length === 0 ? undefined : this.stoppedProblem(),
          register: (key, keyed) => this.register(key, keyed),
        },
        this.versionNumber,
      );
      this.states.set(format, state);
    }
    return state;
  }

  /** The post a content key stands for, drawn (or from the cache); `stale` for an unknown key. */
  async draw(key: string): Promise<RenderOutcome | typeof stale> {
    const drawn = this.renderer.drawn(key);
    if (drawn !== undefined) return drawn;
    const keyed = this.keys.get(key);
    if (keyed === undefined) return stale;
    const started = performance.now();
    const outcome = await this.renderer.render(key, keyed.spec, keyed.templatesHash);
    if (outcome !== stale && outcome.ok && this.renderer.drawn(key) === outcome) {
      this.options.onEvent({
        type: 'rendered',
        post: outcome.post.id,
        slides: outcome.images.length,
        ms: performance.now() - started,
      });
    }
    return outcome;
  }

  /**
   * Draws the first post of the feed before the page asks for it: what the page shows first
   * is ready (or under way) when the browser opens, and the worker's first, slowest drawing
   * is done by then. Its result is kept like any other; a failure is the page's to show.
   */
  private drawAhead(): void {
    const first = this.state(null).campaigns.find((campaign) => campaign.posts.length > 0)?.posts[0]
      ?.key;
    if (first !== undefined) this.draw(first).catch(() => undefined);
  }

  /** The content key of a carousel of chosen Q&As of an interview, or why there is none. */
  choose(
    interviewId: string,
    qaIds: readonly string[],
    format: Format | null,
    highlight = '',
  ): { ok: true; key: string } | { ok: false; problem: Problem } {
    const { dataset, problem } = this.view;
    if (dataset === undefined || problem !== undefined) {
      return {
        ok: false,
        problem: problem?.problem ?? { title: 'The data does not load', entries: [] },
      };
    }
    const templates = this.renderer.templates;
    if (templates.problem !== undefined) return { ok: false, problem: templates.problem };
    try {
      const spec = specOfChoice(dataset, interviewId, qaIds, format, highlight);
      const key = keyOfPost(spec, this.options.image, templates.hash);
      this.register(key, { spec, templatesHash: templates.hash });
      return { ok: true, key };
    } catch (error) {
      return { ok: false, problem: problemOfError(error, 'This choice cannot be drawn') };
    }
  }

  /**
   * Reads the data again and tells the page, unless no file changed since the last read: the
   * studio calls it as soon as it has written a file, so an edit does not wait for the watcher
   * (~140 ms), whose report of the same write then changes nothing.
   */
  followData(): Promise<void> {
    // One at a time: the watcher's report of a write waits for the read the write asked for.
    const run = this.following.then(() => this.followDataNow());
    this.following = run.catch(() => undefined);
    return run;
  }

  private async followDataNow(): Promise<void> {
    const stamps = await fileStamps(this.options.dataDir);
    if (stamps === this.stamps) return;
    await this.readData();
    this.stamps = stamps;
    const problems = this.view.problem?.problem.entries.length ?? 0;
    this.options.onEvent({ type: 'data', problems });
    this.changed('data');
  }

  /** Calls `listener` on every change; returns what stops it. */
  subscribe(listener: (change: Change) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    await Promise.all(this.watchers.map((watcher) => watcher.close()));
    this.listeners.clear();
    await this.renderer.close();
  }

  /** Reads the data folder; when reads overlap, the one started last wins. */
  private async readData(): Promise<void> {
    const read = ++this.reads;
    const { dataDir } = this.options;
    let next: DataView;
    try {
      const inspection = await inspectData(dataDir);
      next =
        inspection.dataset !== undefined
          ? { dataset: inspection.dataset, problem: undefined }
          : {
              dataset: this.view.dataset,
              problem: {
                problem: problemOfDataIssues(inspection.issues),
                files: new Set(inspection.issues.flatMap((issue) => issue.file ?? [])),
              },
            };
    } catch (error) {
      next = {
        dataset: this.view.dataset,
        problem: { problem: problemOfError(error, 'The data cannot be read'), files: new Set() },
      };
    }
    if (read === this.reads) this.view = next;
  }

  private changed(what: Change['what']): void {
    this.versionNumber++;
    this.states.clear();
    for (const listener of this.listeners) listener({ version: this.versionNumber, what });
  }

  /** A watched folder is no longer followed: the terminal and the page are told. */
  private stopped(dir: string, reason: string): void {
    this.stops.push({ file: dir, message: reason, hint: stopHint });
    this.options.onEvent({
      type: 'warning',
      message: `no longer following changes to ${dir}: ${reason}; ${stopHint}`,
    });
    this.changed('watching');
  }

  private stoppedProblem(): Problem {
    return { title: 'The preview no longer follows changes', entries: [...this.stops] };
  }

  private register(key: string, keyed: KeyedSpec): void {
    this.keys.delete(key);
    this.keys.set(key, keyed);
    if (this.keys.size > rememberedKeys) this.keys.delete(this.keys.keys().next().value!);
  }
}

/**
 * Every file of a data folder (dot files and folders and `~` backups aside, as the watcher
 * leaves them) with its size and modification time: two readings are equal when no file was
 * written, added or removed between them.
 */
async function fileStamps(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const stamps = await Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .filter((path) => !/(^|[\\/])\.|~$/.test(relative(dir, path)))
      .map(async (path) => {
        const stat = await lstat(path).catch(() => undefined);
        return stat === undefined ? '' : `${relative(dir, path)}:${stat.size}:${stat.mtimeMs}`;
      }),
  );
  return stamps.sort().join('\n');
}

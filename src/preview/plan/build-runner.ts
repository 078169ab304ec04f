import { loadData } from '../../data/load.js';
import { InputError } from '../../errors.js';
import type { BuildEvent } from '../../render/build.js';
import type { ImageFormat } from '../../render/rasterize.js';
import type { TemplateSet } from '../../slide/template-set.js';
import type { BuildProgress, BuildRequest } from '../page-protocol.js';
import { problemOfError } from '../problem.js';

export interface BuildRunnerOptions {
  dataDir: string;
  outDir: string;
  image: ImageFormat;
  /** Slides drawn at once. */
  jobs: number;
  loadTemplates: () => Promise<TemplateSet>;
}

/** A build started from the page: what it has reported so far, and who listens. */
interface RunningBuild {
  events: BuildProgress[];
  isDone: boolean;
  listeners: Set<(event: BuildProgress) => void>;
}

/** Builds remembered for a page that comes to follow one late (or reconnects). */
const keptBuilds = 20;

/**
 * Builds started from the page, each run as `excerpt build` runs (render/build.ts): the data
 * read afresh and validated whole, the output folder locked (a second build waits for the first,
 * and says so), nothing written when anything is wrong. Each build's events are kept, so the
 * page can follow it from its start whenever it opens the stream.
 */
export class BuildRunner {
  private readonly builds = new Map<string, RunningBuild>();
  private readonly running = new Set<Promise<void>>();
  /**
   * This studio's builds, one after another: the output lock waits only about 15 s for another
   * run, and a campaign of many posts builds for longer, so a second tab's build failed with
   * "another excerpt run is writing". Another process (the CLI) still meets the lock.
   */
  private queue: Promise<void> = Promise.resolve();
  private count = 0;

  constructor(private readonly options: BuildRunnerOptions) {}

  /** Starts a build of a campaign (or one post of it); returns its id at once. */
  start(request: BuildRequest): string {
    const id = `b${++this.count}`;
    const build: RunningBuild = { events: [], isDone: false, listeners: new Set() };
    this.builds.set(id, build);
    if (this.builds.size > keptBuilds) {
      for (const [old, kept] of this.builds) {
        if (this.builds.size <= keptBuilds) break;
        if (kept.isDone) this.builds.delete(old);
      }
    }
    const previous = this.queue;
    const isQueued = this.running.size > 0;
    const run = this.run(build, request, previous, isQueued).finally(() =>
      this.running.delete(run),
    );
    this.running.add(run);
    this.queue = run;
    return id;
  }

  /**
   * Calls `listener` with every event of a build so far, then with each new one until it ends;
   * returns what stops listening, or undefined for a build not known.
   */
  follow(id: string, listener: (event: BuildProgress) => void): (() => void) | undefined {
    const build = this.builds.get(id);
    if (build === undefined) return undefined;
    for (const event of build.events) listener(event);
    if (build.isDone) return () => undefined;
    build.listeners.add(listener);
    return () => build.listeners.delete(listener);
  }

  /** Whether a build of this id is known (running, or among the last ones). */
  has(id: string): boolean {
    return this.builds.has(id);
  }

  /** Waits for the builds under way: a build stopped halfway would leave its lock behind. */
  async close(): Promise<void> {
    await Promise.all(this.running);
  }

  private async run(
    build: RunningBuild,
    request: BuildRequest,
    previous: Promise<void>,
    isQueued: boolean,
  ): Promise<void> {
    const emit = (event: BuildProgress): void => {
      build.events.push(event);
      for (const listener of build.listeners) listener(event);
    };
    const started = performance.now();
    emit({
      type: 'started',
      campaign: request.campaign,
      ...(request.post === undefined ? {} : { post: request.post }),
    });
    if (isQueued) emit({ type: 'waiting' });
    // run() never rejects: a failed build is an event.
    await previous;
    try {
      if (request.post !== undefined && !request.post.startsWith(`${request.campaign}/`)) {
        throw new InputError(`${request.post} is not a post of ${request.campaign}`);
      }
      const dataset = await loadData(this.options.dataDir);
      // The drawing stack loads with the first build, not with the studio.
      const { buildCampaigns } = await import('../../render/build.js');
      const summary = await buildCampaigns(
        dataset,
        {
          out: this.options.outDir,
          campaigns: [request.campaign],
          posts: request.post === undefined ? undefined : [request.post],
          force: false,
          jobs: this.options.jobs,
          image: this.options.image,
          svg: false,
          loadTemplates: this.options.loadTemplates,
        },
        (event) => emit(progressOf(event)),
      );
      emit({
        type: 'done',
        rendered: summary.posts.rendered,
        unchanged: summary.posts.unchanged,
        slides: summary.slidesRendered,
        ms: Math.round(performance.now() - started),
      });
    } catch (error) {
      emit({ type: 'failed', problem: problemOfError(error, 'The build stopped') });
    } finally {
      build.isDone = true;
      build.listeners.clear();
    }
  }
}

/** A build's event as the page is told it: folders by name only, the output folder left out. */
function progressOf(event: BuildEvent): BuildProgress {
  switch (event.type) {
    case 'waiting':
      return { type: 'waiting' };
    case 'planned':
      return {
        type: 'planned',
        posts: event.posts,
        toRender: event.toRender,
        slides: event.slides,
      };
    case 'post':
      return { type: 'post', folder: event.folder, status: event.status, slides: event.slides };
    case 'campaign':
      return { type: 'campaign', status: event.status };
  }
}

/** The package's own templates, as `excerpt build` draws with (src/cli/templates.ts). */
export async function loadPackageTemplates(): Promise<TemplateSet> {
  return (await import('../../../templates/index.js')).templates;
}

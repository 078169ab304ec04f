import { join } from 'node:path';
import type { Dataset } from '../data/load.js';
import type { Campaign, Format } from '../data/schema.js';
import { DataError, InputError } from '../errors.js';
import type { Issue } from '../issue.js';
import { campaignFileNames, postsPerSheet, writeCampaignFiles } from './campaign-files.js';
import { DrawPool } from './draw-pool.js';
import { drawInProcess, drawPosts, type DrawJob } from './draw-posts.js';
import { findForeignFiles, isFolderCurrent, readFolderRecord, ForeignFileError } from './output.js';
import { lockOutputFolder } from './output-lock.js';
import { hashOfPost } from './post-hash.js';
import type { TemplateSet } from '../slide/template-set.js';
import type { ImageFormat } from './rasterize.js';
import {
  findFolderClashes,
  postFolderName,
  postIdOf,
  specsOfCampaign,
  type PostSpec,
} from './post-spec.js';

export interface BuildOptions {
  out: string;
  /** Campaign ids to build; all when empty. */
  campaigns: readonly string[];
  /** Build only the posts of this date (YYYY-MM-DD). */
  only?: string | undefined;
  /** Build only these posts, by id (`<campaign>/<date>-<party>`): the studio's "build this post". */
  posts?: readonly string[] | undefined;
  format?: Format | undefined;
  /** Ignore the cache: render every post again. */
  force: boolean;
  /** Slides rasterised at once (by each drawing thread). */
  jobs: number;
  /**
   * Drawing worker threads (draw-pool.ts), which import the templates of `templatesUrl`; with
   * none (0, or no URL) posts are drawn on this thread with `loadTemplates`.
   */
  threads?: number | undefined;
  templatesUrl?: string | undefined;
  image: ImageFormat;
  svg: boolean;
  /** The templates to draw with, asked for only when a post is to be drawn. */
  loadTemplates: () => Promise<TemplateSet>;
}

/** What happens during a build, for a progress display. */
export type BuildEvent =
  | { type: 'waiting'; dir: string }
  | { type: 'planned'; posts: number; toRender: number; slides: number }
  | {
      type: 'post';
      campaign: string;
      folder: string;
      status: 'rendered' | 'unchanged';
      slides: number;
    }
  | {
      type: 'campaign';
      campaign: string;
      dir: string;
      status: 'written' | 'unchanged';
    };

export interface BuildSummary {
  posts: { rendered: number; unchanged: number };
  slidesRendered: number;
  campaigns: { id: string; dir: string; posts: number }[];
}

/** Bytes of contact sheet thumbnails a build keeps: ~350 slides (a 200 × 250 thumbnail is 150 kB). */
const thumbnailBudget = 48 * 1024 * 1024;

/** A scheduled post of a campaign being built. */
interface PostJob extends DrawJob {
  campaign: Campaign;
  spec: PostSpec;
  /** The post's index in its campaign file's `posts`. */
  index: number;
  folder: string;
  cached: boolean;
  /** Selected by `--only` (or no `--only` given). */
  isSelected: boolean;
}

/** Picks the campaigns to build, refusing ids that do not exist. */
function selectCampaigns(dataset: Dataset, ids: readonly string[]): Campaign[] {
  if (ids.length === 0) return dataset.campaigns;
  return ids.map((id) => {
    const campaign = dataset.campaigns.find((candidate) => candidate.id === id);
    if (campaign === undefined) {
      throw new InputError(`no campaign with id ${id}`, {
        hint: `use one of ${dataset.campaigns.map((candidate) => candidate.id).join(', ') || '(none: add data/campaigns/<id>.yaml)'}`,
      });
    }
    return campaign;
  });
}

/**
 * Builds every scheduled post of the chosen campaigns into `<out>/<campaign>/<date>-<party>/`,
 * and each campaign's manifest.json, schedule.csv and contact sheet(s).
 *
 * The output folder is locked for the whole build: a second build into it waits. All posts that
 * need rendering are laid out, and their folders checked for files excerpt did not write,
 * before a single file is written: one bad post (a missing glyph, too many slides, a caption
 * over the limit) or one foreign file stops the build with nothing written. A post whose
 * inputs hash as before and whose folder holds what its record says is neither drawn nor
 * rewritten.
 */
export async function buildCampaigns(
  dataset: Dataset,
  options: BuildOptions,
  onEvent: (event: BuildEvent) => void = () => undefined,
): Promise<BuildSummary> {
  const campaigns = selectCampaigns(dataset, options.campaigns);
  const lock = await lockOutputFolder(options.out, {
    onWait: () => onEvent({ type: 'waiting', dir: options.out }),
  });
  try {
    return await buildLocked(dataset, campaigns, options, onEvent, () => lock.assertHeld());
  } finally {
    await lock.release();
  }
}

async function buildLocked(
  dataset: Dataset,
  campaigns: readonly Campaign[],
  options: BuildOptions,
  onEvent: (event: BuildEvent) => void,
  assertLocked: () => void,
): Promise<BuildSummary> {
  const issues: Issue[] = [];
  const jobs: PostJob[] = [];
  for (const campaign of campaigns)
    jobs.push(...(await planJobs(dataset, campaign, options, issues)));
  const selected = jobs.filter((job) => job.isSelected);
  if (options.only !== undefined && selected.length === 0 && issues.length === 0) {
    const dates = [
      ...new Set(campaigns.flatMap((campaign) => campaign.posts.map((post) => post.date))),
    ].sort();
    throw new InputError(`no post is scheduled on ${options.only}`, {
      hint: `dates with posts: ${dates.join(', ')}`,
    });
  }
  if (options.posts !== undefined && selected.length === 0 && issues.length === 0) {
    throw new InputError(`no post ${options.posts.join(', ')} is scheduled`, {
      hint: `the posts: ${jobs.map((job) => postIdOf(job.spec)).join(', ') || '(none)'}`,
    });
  }

  // Folders that are not ours to write through, and campaign files we did not write, are
  // refused now; each post's own files once its slides are counted, still before any write.
  const foreign: string[] = [];
  for (const campaign of campaigns) {
    const dir = join(options.out, campaign.id);
    const posts = jobs.filter((job) => job.campaign === campaign).length;
    if (!jobs.some((job) => job.campaign === campaign && job.isSelected)) continue;
    foreign.push(
      ...(await findForeignFiles(dir, campaignFileNames(Math.ceil(posts / postsPerSheet)))),
    );
  }

  const toRender = selected.filter((job) => !job.cached);
  const reportPlanned = (slides: number): void => {
    onEvent({ type: 'planned', posts: selected.length, toRender: toRender.length, slides });
    for (const { cached, campaign, folder } of selected) {
      if (cached)
        onEvent({ type: 'post', campaign: campaign.id, folder, status: 'unchanged', slides: 0 });
    }
  };
  // The drawing stack (satori, resvg, sharp) loads only when something is to be drawn: an
  // unchanged rebuild finishes without it.
  let slidesRendered = 0;
  const threads = options.templatesUrl === undefined ? 0 : (options.threads ?? 0);
  const pool =
    threads > 0 && toRender.length > 0
      ? new DrawPool({ templatesUrl: options.templatesUrl!, threads, jobs: options.jobs })
      : undefined;
  // Thumbnails of the slides drawn, for the contact sheets, up to a bound: past it the sheets
  // shrink the written slides, so that memory does not grow with the campaign.
  const thumbnails = new Map<string, readonly Buffer[]>();
  let thumbnailBytes = 0;
  try {
    if (toRender.length > 0 || issues.length > 0 || foreign.length > 0) {
      slidesRendered = await drawPosts(toRender, {
        drawer: pool ?? (await drawInProcess(await options.loadTemplates(), options.jobs)),
        image: options.image,
        svg: options.svg,
        issues,
        issueOf: (job, error, code) => ({
          code,
          severity: 'error',
          file: dataset.fileOf.campaign(job.campaign.id),
          path: ['posts', job.index],
          message: error.message,
          ...(error.hint === undefined ? {} : { hint: error.hint }),
          // The studio builds too, and shows the Swedish (a worker's error carries none).
          ...(error.sv === undefined ? {} : { sv: error.sv }),
        }),
        checkFolder: async (job, names) => {
          foreign.push(...(await findForeignFiles(job.dir, names)));
        },
        // eslint-disable-next-line @typescript-eslint/require-await -- the hook may wait (DrawOptions); this one decides at once
        check: async (slides) => {
          if (issues.length > 0) throw new DataError(issues, { hint: 'nothing was written' });
          if (foreign.length > 0) throw new ForeignFileError(foreign);
          reportPlanned(slides);
        },
        beforeWrite: assertLocked,
        onWritten: (job, drawn) => {
          const bytes = drawn.thumbnails.reduce((sum, thumbnail) => sum + thumbnail.length, 0);
          if (thumbnailBytes + bytes <= thumbnailBudget) {
            thumbnails.set(join(job.campaign.id, job.folder), drawn.thumbnails);
            thumbnailBytes += bytes;
          }
          onEvent({
            type: 'post',
            campaign: job.campaign.id,
            folder: job.folder,
            status: 'rendered',
            slides: drawn.slides,
          });
        },
      });
    } else reportPlanned(0);

    const summary: BuildSummary = {
      posts: { rendered: toRender.length, unchanged: selected.length - toRender.length },
      slidesRendered,
      campaigns: [],
    };
    for (const campaign of campaigns) {
      const dir = join(options.out, campaign.id);
      const campaignJobs = jobs.filter((job) => job.campaign === campaign);
      // `--only` touches the campaigns it builds a post of, and no other.
      if (!campaignJobs.some((job) => job.isSelected)) continue;
      summary.campaigns.push({
        id: campaign.id,
        dir,
        posts: campaignJobs.filter((job) => job.isSelected).length,
      });
      assertLocked();
      const status = await writeCampaignFiles(
        campaign,
        dir,
        campaignJobs.map((job) => ({
          folder: job.folder,
          party: job.spec.interview.party,
          interviewee: job.spec.interview.interviewee,
        })),
        {
          force: options.force,
          thumbnails: new Map(
            campaignJobs.flatMap((job) => {
              const made = thumbnails.get(join(campaign.id, job.folder));
              return made === undefined ? [] : [[job.folder, made] as const];
            }),
          ),
          ...(pool === undefined
            ? {}
            : { drawSheet: (heading, rows) => pool.drawSheet(heading, rows) }),
        },
      );
      onEvent({ type: 'campaign', campaign: campaign.id, dir, status });
    }
    return summary;
  } finally {
    await pool?.close();
  }
}

/**
 * The posts of a campaign as jobs: where each goes, its content hash and whether its folder is
 * current. Two posts that would share a folder are an issue (findFolderClashes).
 */
async function planJobs(
  dataset: Dataset,
  campaign: Campaign,
  options: BuildOptions,
  issues: Issue[],
): Promise<PostJob[]> {
  const indexOf = new Map(
    campaign.posts.map((post, index) => [`${post.date} ${post.interview}`, index]),
  );
  issues.push(...findFolderClashes(dataset, campaign));
  const jobs: PostJob[] = [];
  for (const spec of specsOfCampaign(dataset, campaign, { format: options.format })) {
    const index = indexOf.get(`${spec.date} ${spec.interview.id}`) ?? 0;
    const folder = postFolderName(spec.date, spec.interview.party);
    const isSelected =
      (options.only === undefined || spec.date === options.only) &&
      (options.posts === undefined || options.posts.includes(postIdOf(spec)));
    const dir = join(options.out, campaign.id, folder);
    const hash = hashOfPost(spec, options);
    const cached =
      isSelected &&
      !options.force &&
      (await isFolderCurrent(dir, await readFolderRecord(dir), hash));
    jobs.push({ campaign, spec, index, folder, dir, hash, cached, isSelected });
  }
  return jobs;
}

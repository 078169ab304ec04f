import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Dataset } from '../data/load.js';
import type { Campaign, Format } from '../data/schema.js';
import { DataError, InputError, type Issue } from '../errors.js';
import { isFolderComplete, readFolderRecord, writeFolder } from './output.js';
import { hashOfCode, hashOfPost } from './post-hash.js';
import type { ImageFormat } from './rasterize.js';
import { findFolderClashes, postFolderName, specsOfCampaign } from './post-spec.js';
import type { PlannedPost, PostJson, PostSpec } from './render-post.js';
import { formatSwedishDate } from './slide-context.js';

export interface BuildOptions {
  out: string;
  /** Campaign ids to build; all when empty. */
  campaigns: readonly string[];
  /** Build only the posts of this date (YYYY-MM-DD). */
  only?: string | undefined;
  format?: Format | undefined;
  /** Ignore the cache: render every post again. */
  force: boolean;
  /** Slides rasterised at once. */
  jobs: number;
  image: ImageFormat;
  svg: boolean;
}

/** What happens during a build, for a progress display. */
export type BuildEvent =
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
      status: 'written' | 'unchanged' | 'skipped';
    };

export interface BuildSummary {
  posts: { rendered: number; unchanged: number };
  slidesRendered: number;
  campaigns: { id: string; dir: string; posts: number }[];
}

interface PostJob {
  campaign: Campaign;
  spec: PostSpec;
  index: number;
  folder: string;
  dir: string;
  hash: string;
  cached: boolean;
  planned?: PlannedPost;
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
 * and each campaign's manifest.json, schedule.csv and contact-sheet.jpg.
 *
 * All posts that need rendering are laid out first, so one bad post (a missing glyph, too many
 * slides, a caption over the limit) stops the build before a single file is written. A post
 * whose inputs hash as before and whose folder is complete is neither drawn nor rewritten.
 */
export async function buildCampaigns(
  dataset: Dataset,
  options: BuildOptions,
  onEvent: (event: BuildEvent) => void = () => undefined,
): Promise<BuildSummary> {
  const campaigns = selectCampaigns(dataset, options.campaigns);
  const jobs: PostJob[] = [];
  const issues: Issue[] = [];
  for (const campaign of campaigns) {
    const specs = specsOfCampaign(dataset, campaign, { format: options.format });
    issues.push(...findFolderClashes(dataset, campaign));
    for (const spec of specs) {
      const index = campaign.posts.findIndex(
        (post) => post.date === spec.date && post.interview === spec.interview.id,
      );
      const folder = postFolderName(spec.date, spec.interview.party);
      if (options.only !== undefined && spec.date !== options.only) continue;
      const dir = join(options.out, campaign.id, folder);
      const hash = hashOfPost(spec, options);
      const record = options.force ? undefined : await readFolderRecord(dir);
      const cached = record?.hash === hash && (await isFolderComplete(dir, record));
      jobs.push({ campaign, spec, index, folder, dir, hash, cached });
    }
  }
  if (options.only !== undefined && jobs.length === 0 && issues.length === 0) {
    const dates = [
      ...new Set(campaigns.flatMap((campaign) => campaign.posts.map((post) => post.date))),
    ].sort();
    throw new InputError(`no post is scheduled on ${options.only}`, {
      hint: `dates with posts: ${dates.join(', ')}`,
    });
  }

  const toRender = jobs.filter((job) => !job.cached);
  const reportPlanned = (slides: number): void => {
    onEvent({ type: 'planned', posts: jobs.length, toRender: toRender.length, slides });
    for (const { cached, campaign, folder } of jobs) {
      if (cached)
        onEvent({ type: 'post', campaign: campaign.id, folder, status: 'unchanged', slides: 0 });
    }
  };
  // The drawing stack (satori, resvg, sharp) loads only when something is to be drawn: an
  // unchanged rebuild finishes without it.
  let slidesRendered = 0;
  if (toRender.length > 0 || issues.length > 0) {
    slidesRendered = await renderPosts(toRender, issues, dataset, options, reportPlanned, onEvent);
  } else reportPlanned(0);

  const summary: BuildSummary = {
    posts: { rendered: toRender.length, unchanged: jobs.length - toRender.length },
    slidesRendered,
    campaigns: [],
  };
  for (const campaign of campaigns) {
    const dir = join(options.out, campaign.id);
    const campaignJobs = jobs.filter((job) => job.campaign === campaign);
    summary.campaigns.push({ id: campaign.id, dir, posts: campaignJobs.length });
    if (options.only !== undefined) {
      // A partial build leaves the campaign's own files as they are: they describe every post.
      onEvent({ type: 'campaign', campaign: campaign.id, dir, status: 'skipped' });
      continue;
    }
    const status = await writeCampaignFiles(campaign, dir, campaignJobs, options);
    onEvent({ type: 'campaign', campaign: campaign.id, dir, status });
  }
  return summary;
}

/** Quotes a CSV field (RFC 4180) when it needs it. */
function csvField(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * manifest.json, schedule.csv and contact-sheet.jpg for a campaign, from the posts as they are
 * on disk; skipped when no post changed since they were written.
 */
async function writeCampaignFiles(
  campaign: Campaign,
  dir: string,
  jobs: readonly PostJob[],
  options: BuildOptions,
): Promise<'written' | 'unchanged'> {
  const hash = createHash('sha256')
    .update(hashOfCode())
    .update(JSON.stringify({ campaign, posts: jobs.map((job) => [job.folder, job.hash]) }))
    .digest('hex');
  const record = options.force ? undefined : await readFolderRecord(dir);
  if (record?.hash === hash && (await isFolderComplete(dir, record))) return 'unchanged';

  const posts = await Promise.all(
    jobs.map(async (job) => {
      const post = JSON.parse(await readFile(join(job.dir, 'post.json'), 'utf8')) as PostJson;
      const images = await Promise.all(
        post.slides.map((slide) => readFile(join(job.dir, slide.file))),
      );
      return { job, post, images };
    }),
  );
  const manifest = {
    campaign: {
      id: campaign.id,
      title: campaign.title,
      marker: campaign.marker,
      theme: campaign.theme,
      format: options.format ?? campaign.format,
      time: campaign.time,
      timeZone: 'Europe/Stockholm',
    },
    posts: posts.map(({ job, post, images }) => ({
      id: post.id,
      folder: job.folder,
      date: post.date,
      publishAt: post.publishAt,
      party: job.spec.interview.party,
      interviewee: job.spec.interview.interviewee,
      interview: post.interview,
      qa: post.qa,
      format: post.format,
      caption: post.caption,
      hashtags: post.hashtags,
      slides: post.slides.map((slide, index) => ({
        file: `${job.folder}/${slide.file}`,
        kind: slide.kind,
        width: post.width,
        height: post.height,
        bytes: images[index]!.length,
        sha256: slide.sha256,
        altText: slide.altText,
      })),
    })),
  };
  const header = [
    'publish_at',
    'date',
    'time',
    'party',
    'interviewee',
    'role',
    'slides',
    'files',
    'caption',
  ];
  const rows = posts.map(({ job, post }) =>
    [
      post.publishAt,
      post.date,
      campaign.time,
      job.spec.interview.party,
      job.spec.interview.interviewee.name,
      job.spec.interview.interviewee.role,
      post.slides.length,
      post.slides.map((slide) => `${job.folder}/${slide.file}`).join(';'),
      post.caption,
    ]
      .map(csvField)
      .join(','),
  );
  const { renderContactSheet } = await import('./contact-sheet.js');
  const sheet = await renderContactSheet(
    `${campaign.marker} ${campaign.title}`,
    posts.map(({ job, post, images }) => ({
      label: `${formatSwedishDate(post.date)} · ${job.spec.interview.party}`,
      slides: images,
      width: post.width,
      height: post.height,
    })),
  );
  const files = new Map<string, Buffer>([
    ['manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)],
    ['schedule.csv', Buffer.from(`${[header.join(','), ...rows].join('\r\n')}\r\n`)],
    ['contact-sheet.jpg', sheet],
  ]);
  await writeFolder(
    dir,
    files,
    hash,
    jobs.map((job) => job.folder),
  );
  return 'written';
}

/**
 * Lays out every post to render before writing anything: this is where bad input shows, and
 * one bad post stops the build with nothing written. Posts laid out are drawn meanwhile, in
 * memory, two at a time, so resvg and sharp work on the thread pool while this thread lays
 * out; each post is written once every post has been laid out without error. (A drawing worker
 * thread was measured too: on two cores it cost more than it saved.) Returns the slides drawn.
 */
async function renderPosts(
  jobs: readonly PostJob[],
  issues: Issue[],
  dataset: Dataset,
  options: BuildOptions,
  onPlanned: (slides: number) => void,
  onEvent: (event: BuildEvent) => void,
): Promise<number> {
  const { drawPost, Limiter, planPost } = await import('./render-post.js');
  const slideLimiter = new Limiter(Math.max(1, options.jobs));
  const postLimiter = new Limiter(2);
  let openGate!: () => void;
  let closeGate!: (reason: unknown) => void;
  const gate = new Promise<void>((resolve, reject) => {
    openGate = resolve;
    closeGate = reject;
  });
  gate.catch(() => undefined);
  let slidesRendered = 0;
  const posts: Promise<void>[] = [];
  for (const job of jobs) {
    let planned: PlannedPost;
    try {
      planned = await planPost(job.spec);
    } catch (error) {
      if (error instanceof DataError) issues.push(...error.issues);
      else if (error instanceof InputError) {
        issues.push({
          file: dataset.fileOf.campaign(job.campaign.id),
          where: `posts[${job.index}]`,
          message: error.message,
          ...(error.hint === undefined ? {} : { hint: error.hint }),
        });
      } else {
        closeGate(error);
        throw error;
      }
      continue;
    }
    job.planned = planned;
    if (issues.length > 0) continue;
    const drawn = postLimiter.run(() => drawPost(planned, options, slideLimiter));
    posts.push(
      drawn.then(async (rendered) => {
        await gate;
        await writeFolder(job.dir, rendered.files, job.hash);
        slidesRendered += rendered.post.slides.length;
        const slides = rendered.post.slides.length;
        onEvent({
          type: 'post',
          campaign: job.campaign.id,
          folder: job.folder,
          status: 'rendered',
          slides,
        });
      }),
    );
  }
  if (issues.length > 0) {
    const error = new DataError(issues, { hint: 'nothing was written' });
    closeGate(error);
    await Promise.allSettled(posts);
    throw error;
  }
  onPlanned(jobs.reduce((sum, job) => sum + job.planned!.slides.length, 0));
  openGate();
  await Promise.all(posts);
  return slidesRendered;
}

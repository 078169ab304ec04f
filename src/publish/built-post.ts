import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Dataset } from '../data/load.js';
import type { Campaign } from '../data/schema.js';
import { InputError } from '../errors.js';
import type { PublishProblem } from './publish-errors.js';
import { publishProblems } from '../layout/publish-rules.js';
import { stockholmTimestamp } from '../data/publish-time.js';
import { isFolderCurrent, readFolderRecord } from '../render/output.js';
import { hashOfPost } from '../render/post-hash.js';
import { postFolderName, specsOfCampaign } from '../render/post-spec.js';
import type { PostSpec } from '../render/post-spec.js';

/** A post of the schedule, as publishing sees it before reading out/. */
export interface ScheduledPost {
  /** `<campaign>/<date>-<party>`, as in out/ and post.json. */
  id: string;
  campaign: Campaign;
  /** `<date>-<party>`. */
  folder: string;
  spec: PostSpec;
  /** ISO 8601 with the Stockholm offset, as in post.json. */
  publishAt: string;
}

/** A built post whose every file is what its build wrote, ready to publish. */
export interface BuiltPost {
  id: string;
  campaign: string;
  folder: string;
  /** Its folder in out/. */
  dir: string;
  date: string;
  publishAt: string;
  caption: string;
  width: number;
  height: number;
  /** In order; `path` is the slide's path under the public base URL. */
  slides: { file: string; path: string; altText: string; sha256: string }[];
  /** A hash of what is published: caption, slides and alt texts. */
  content: string;
}

/** The campaigns named, or all; an unknown id is an input error saying what exists. */
export function selectCampaigns(dataset: Dataset, ids: readonly string[]): Campaign[] {
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

/** Every scheduled post of the campaigns, in the order they are to be published. */
export function scheduledPosts(dataset: Dataset, campaigns: readonly Campaign[]): ScheduledPost[] {
  const posts = campaigns.flatMap((campaign) =>
    specsOfCampaign(dataset, campaign).map((spec): ScheduledPost => {
      const folder = postFolderName(spec.date, spec.interview.party);
      return {
        id: `${campaign.id}/${folder}`,
        campaign,
        folder,
        spec,
        publishAt: stockholmTimestamp(spec.date, campaign.time),
      };
    }),
  );
  return posts.sort(
    (a, b) =>
      Date.parse(a.publishAt) - Date.parse(b.publishAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

const postJsonSchema = z.object({
  id: z.string(),
  campaign: z.string(),
  date: z.string(),
  publishAt: z.string(),
  width: z.number(),
  height: z.number(),
  caption: z.string(),
  slides: z.array(z.object({ file: z.string(), altText: z.string(), sha256: z.string() })).min(1),
});

const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

const rebuild = 'run excerpt build, then sync out/ to the public place again';

/**
 * Reads a post's folder in out/ and trusts it only when it is whole: its record complete, every
 * file what the record says, every slide the sha256 post.json gives, post.json built from the
 * data as it is now, and nothing in it that Instagram refuses (layout/publish-rules.ts).
 * Returns the post, or the problems found, each naming the folder or file and what would fix it.
 */
export async function readBuiltPost(
  outDir: string,
  scheduled: ScheduledPost,
): Promise<{ post: BuiltPost; problems: [] } | { post: undefined; problems: PublishProblem[] }> {
  const dir = join(outDir, scheduled.campaign.id, scheduled.folder);
  const fail = (message: string, hint = rebuild, file = dir) => ({
    post: undefined,
    problems: [{ file, message, hint }],
  });

  const record = await readFolderRecord(dir);
  if (record === undefined) return fail('is not built');
  if (record.hash === null) return fail('was not built completely (the build was interrupted)');
  if (!(await isFolderCurrent(dir, record, record.hash))) {
    return fail('has changed since it was built (a file edited or removed)');
  }

  const postFile = join(dir, 'post.json');
  let json: unknown;
  try {
    json = JSON.parse(await readFile(postFile, 'utf8'));
  } catch (error) {
    return fail(`cannot be read: ${(error as Error).message}`, rebuild, postFile);
  }
  const parsed = postJsonSchema.safeParse(json);
  if (!parsed.success) return fail('is not a post.json excerpt build writes', rebuild, postFile);
  const post = parsed.data;
  if (post.id !== scheduled.id) {
    return fail(`is the post ${post.id}, not ${scheduled.id}`, rebuild, postFile);
  }
  if (post.slides.some((slide) => !slide.file.endsWith('.jpg'))) {
    return fail(
      'holds PNG slides; Instagram takes JPEG only',
      'run excerpt build without --image png, then sync out/ again',
    );
  }
  // Built from the data as it is now (the words, the date and time, the format), by this version.
  const current = [false, true].map((svg) => hashOfPost(scheduled.spec, { image: 'jpeg', svg }));
  if (!current.includes(record.hash)) {
    return fail(
      'was built from other data than the data folder holds now (or by another version of excerpt, or in another format)',
    );
  }

  const problems: PublishProblem[] = [];
  const slides: BuiltPost['slides'] = [];
  for (const slide of post.slides) {
    const file = join(dir, slide.file);
    const data = await readFile(file).catch(() => undefined);
    if (data === undefined || !(slide.file in record.files)) {
      problems.push({ file, message: 'is missing', hint: rebuild });
      continue;
    }
    if (sha256(data) !== slide.sha256) {
      problems.push({
        file,
        message: `is not the slide post.json describes (sha256 ${sha256(data).slice(0, 12)}…, not ${slide.sha256.slice(0, 12)}…)`,
        hint: rebuild,
      });
      continue;
    }
    slides.push({
      file: slide.file,
      path: `${scheduled.campaign.id}/${scheduled.folder}/${slide.file}`,
      altText: slide.altText,
      sha256: slide.sha256,
    });
  }

  const captionFile = join(dir, 'caption.txt');
  const caption = await readFile(captionFile, 'utf8').catch(() => undefined);
  if (caption === undefined || caption.replace(/\n$/, '') !== post.caption) {
    problems.push({
      file: captionFile,
      message: 'is not the caption post.json holds',
      hint: rebuild,
    });
  }

  for (const problem of publishProblems({
    width: post.width,
    height: post.height,
    caption: post.caption,
    slides: post.slides.map((slide) => ({
      path: `${scheduled.campaign.id}/${scheduled.folder}/${slide.file}`,
      altText: slide.altText,
    })),
  })) {
    problems.push({
      file: dir,
      message: problem.message,
      hint: 'excerpt check says what to change in the data; then build again',
    });
  }
  if (problems.length > 0) return { post: undefined, problems };

  return {
    post: {
      id: post.id,
      campaign: scheduled.campaign.id,
      folder: scheduled.folder,
      dir,
      date: post.date,
      publishAt: post.publishAt,
      caption: post.caption,
      width: post.width,
      height: post.height,
      slides,
      content: sha256(
        JSON.stringify({
          caption: post.caption,
          slides: slides.map(({ file, sha256: digest, altText }) => [file, digest, altText]),
        }),
      ),
    },
    problems: [],
  };
}

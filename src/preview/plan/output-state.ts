import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Dataset } from '../../data/load.js';
import { readPublishStatuses, type PublishStatus } from '../../publish/publish-status.js';
import { scheduledPosts, type ScheduledPost } from '../../publish/built-post.js';
import { isFileCurrent, isFolderCurrent, readFolderRecord } from '../../render/output.js';
import { hashOfPost } from '../../render/post-hash.js';
import { captionOf } from '../../render/post-caption.js';
import type { ImageFormat } from '../../render/rasterize.js';
import type { BuildState, OutputCampaign, OutputPost, OutputState } from '../page-protocol.js';
import { problemOfError } from '../problem.js';

/** The names of a campaign's own files in out/: what the page links to, and nothing else. */
export const campaignFilePattern = /^(manifest\.json|schedule\.csv|contact-sheet(-\d{2,})?\.jpg)$/;

/**
 * What is built of every scheduled post, and where each stands on Instagram: the output view.
 * A folder counts as built only when it holds what its record says (render/output.ts); built
 * from the data as it is now only when its hash is the post's.
 */
export async function readOutputState(
  dataset: Dataset,
  options: { dataDir: string; outDir: string; image: ImageFormat; now?: Date },
): Promise<OutputState> {
  let statuses: Map<string, PublishStatus> | undefined;
  let statusProblem: OutputState['statusProblem'];
  try {
    statuses = await readPublishStatuses(options.dataDir, dataset, options.now);
  } catch (error) {
    statusProblem = problemOfError(error, 'The publish ledger cannot be read');
  }
  const campaigns: OutputCampaign[] = [];
  for (const campaign of dataset.campaigns) {
    const posts: OutputPost[] = [];
    for (const post of scheduledPosts(dataset, [campaign])) {
      const dir = join(options.outDir, campaign.id, post.folder);
      const { build, slides } = await buildStateOf(dir, post, options.image);
      const status = statuses?.get(post.id);
      posts.push({
        id: post.id,
        campaign: campaign.id,
        folder: post.folder,
        interview: post.spec.interview.id,
        party: post.spec.interview.party,
        name: post.spec.interview.interviewee.name,
        date: post.spec.date,
        publishAt: post.publishAt,
        caption: captionOf(post.spec),
        build,
        ...(slides === undefined ? {} : { slides }),
        ...(status === undefined ? {} : { status }),
      });
    }
    campaigns.push({
      id: campaign.id,
      title: campaign.title,
      marker: campaign.marker,
      posts,
      files: await currentCampaignFiles(join(options.outDir, campaign.id)),
    });
  }
  return {
    outDir: options.outDir,
    campaigns,
    ...(statusProblem === undefined ? {} : { statusProblem }),
  };
}

/** Whether a post's folder is built, whole, from the data as it is now. */
export async function buildStateOf(
  dir: string,
  post: ScheduledPost,
  image: ImageFormat,
): Promise<{ build: BuildState; slides?: number }> {
  if (!(await isRealFolder(dir))) return { build: 'missing' };
  const record = await readFolderRecord(dir);
  if (record === undefined) return { build: 'missing' };
  if (record.hash === null || !(await isFolderCurrent(dir, record, record.hash))) {
    return { build: 'broken' };
  }
  const slides = Object.keys(record.files).filter((name) => /^\d{2}\.(jpg|png)$/.test(name)).length;
  // A build from the studio draws no SVG; one from the command line may have.
  const current = [false, true].map((svg) => hashOfPost(post.spec, { image, svg }));
  return { build: current.includes(record.hash) ? 'current' : 'outdated', slides };
}

/** A campaign's own files in out/ that its record names and that are as written. */
export async function currentCampaignFiles(dir: string): Promise<string[]> {
  if (!(await isRealFolder(dir))) return [];
  const record = await readFolderRecord(dir);
  if (record === undefined) return [];
  const names: string[] = [];
  for (const [name, stamp] of Object.entries(record.files)) {
    if (campaignFilePattern.test(name) && (await isFileCurrent(join(dir, name), stamp))) {
      names.push(name);
    }
  }
  return names.sort();
}

/** A folder itself, not a link to one elsewhere: nothing is served through a link. */
export async function isRealFolder(dir: string): Promise<boolean> {
  const stats = await lstat(dir).catch(() => undefined);
  return stats !== undefined && stats.isDirectory();
}

import { createHash } from 'node:crypto';
import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import type { Dataset } from '../../data/load.js';
import { isSlug } from '../../data/slug.js';
import { scheduledPosts } from '../../publish/built-post.js';
import { readFolderRecord, type FileStamp } from '../../render/output.js';
import type { ImageFormat } from '../../render/rasterize.js';
import { textFilesOf, type PostJson } from '../../render/render-post.js';
import { buildStateOf, campaignFilePattern, isRealFolder } from './output-state.js';

/**
 * Files of out/ the studio hands out: a campaign's manifest, schedule and contact sheets, and a
 * post as a zip. No path of a request reaches the file system: the campaign must be one of the
 * data's, the name one of the names a build writes, the file one the folder's record says excerpt
 * wrote, a plain file (no link) in a real folder, and its bytes the ones recorded. Anything else
 * is refused as not there.
 */

/** A file to send, or why there is none to send. */
export type OutFile =
  | { ok: true; name: string; data: Buffer; type: string }
  | { ok: false; status: 404 | 409; message: string };

/** A zip made: always there. */
type ZipFile = Extract<OutFile, { ok: true }>;

const notThere: OutFile = { ok: false, status: 404, message: 'Not Found' };

const types: Record<string, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  jpg: 'image/jpeg',
};

/** `<out>/<campaign>/<name>`: one of a campaign's own files, as the build wrote it. */
export async function readCampaignFile(
  dataset: Dataset,
  outDir: string,
  campaignId: string,
  name: string,
): Promise<OutFile> {
  if (!isSlug(campaignId) || !campaignFilePattern.test(name)) return notThere;
  if (!dataset.campaigns.some((campaign) => campaign.id === campaignId)) return notThere;
  const dir = join(outDir, campaignId);
  const data = await readRecorded(dir, name);
  if (data === undefined) return notThere;
  return { ok: true, name, data, type: types[name.slice(name.lastIndexOf('.') + 1)]! };
}

/**
 * A built post as a zip: its slides, caption.txt, alt.txt and post.json, from its folder in
 * out/, each file checked against the folder's record. A folder built from other data than the
 * data as it is now (or changed since its build) is refused: what would be published is not
 * what the studio shows.
 */
export async function zipPost(
  dataset: Dataset,
  outDir: string,
  image: ImageFormat,
  postId: string,
): Promise<OutFile> {
  const post = scheduledPosts(dataset, dataset.campaigns).find((each) => each.id === postId);
  if (post === undefined) return notThere;
  const dir = join(outDir, post.campaign.id, post.folder);
  const { build } = await buildStateOf(dir, post, image);
  if (build === 'missing') {
    return { ok: false, status: 404, message: `${postId} is not built yet: build it first` };
  }
  if (build !== 'current') {
    return {
      ok: false,
      status: 409,
      message: `${postId} has changed since it was built: build it again, then download it`,
    };
  }
  const json = await readRecorded(dir, 'post.json');
  if (json === undefined) return notThere;
  const slides = (JSON.parse(json.toString('utf8')) as { slides?: { file?: unknown }[] }).slides;
  const slideNames = (slides ?? []).map((slide) => String(slide.file));
  // post.json is the build's own (its bytes are recorded), but a slide is only ever a slide.
  if (slideNames.length === 0 || !slideNames.every((name) => /^\d{2}\.(jpg|png)$/.test(name))) {
    return notThere;
  }
  const names = [...slideNames, 'caption.txt', 'alt.txt', 'post.json'];
  const files = new Map<string, Buffer>();
  for (const name of names) {
    const data = name === 'post.json' ? json : await readRecorded(dir, name);
    if (data === undefined) {
      return { ok: false, status: 409, message: `${postId}: ${name} has changed since the build` };
    }
    files.set(name, data);
  }
  return zipFolder(post.campaign.id, post.folder, post.spec.date, files);
}

/**
 * A carousel the studio drew (chosen Q&As, not necessarily scheduled) as a zip: the same files
 * as a built post's folder, made from the drawing itself; nothing is written to out/.
 */
export function zipDrawnPost(post: PostJson, images: readonly Buffer[]): ZipFile {
  const files = new Map<string, Buffer>();
  post.slides.forEach((slide, index) => files.set(slide.file, images[index]!));
  for (const [name, text] of Object.entries(textFilesOf(post))) files.set(name, Buffer.from(text));
  const folder = post.id.slice(post.id.lastIndexOf('/') + 1);
  const zip = zipFolder(post.campaign, folder, post.date, files);
  // Named by its Q&As too: a choice is not the built post of that date unless it has its Q&As.
  return { ...zip, name: `${post.campaign}-${folder}-${post.qa.join('-')}.zip` };
}

/** A post folder's files as `<campaign>-<folder>.zip`, each under `<folder>/`. */
function zipFolder(
  campaign: string,
  folder: string,
  date: string,
  files: ReadonlyMap<string, Buffer>,
): ZipFile {
  const entries: Zippable = {};
  for (const [name, data] of files) {
    // JPEG and PNG are compressed already: stored as they are.
    entries[`${folder}/${name}`] = [data, { level: /\.(jpg|png)$/.test(name) ? 0 : 6 }];
  }
  // One time for every entry: the same post gives the same zip.
  const zipped = zipSync(entries, { mtime: new Date(`${date}T12:00:00Z`) });
  return {
    ok: true,
    name: `${campaign}-${folder}.zip`,
    data: Buffer.from(zipped),
    type: 'application/zip',
  };
}

/**
 * A file of a folder as excerpt wrote it: named by the folder's record, a plain file in a real
 * folder, and holding the bytes recorded. Undefined for anything else.
 */
async function readRecorded(dir: string, name: string): Promise<Buffer | undefined> {
  if (!(await isRealFolder(dir))) return undefined;
  const record = await readFolderRecord(dir);
  const stamp: FileStamp | null | undefined = record?.files[name];
  if (stamp === undefined || stamp === null) return undefined;
  const path = join(dir, name);
  const stats = await lstat(path).catch(() => undefined);
  if (stats === undefined || !stats.isFile()) return undefined;
  const data = await readFile(path).catch(() => undefined);
  if (data === undefined) return undefined;
  return createHash('sha256').update(data).digest('hex') === stamp.sha256 ? data : undefined;
}

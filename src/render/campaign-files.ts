import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Campaign } from '../data/schema.js';
import { onFileSystem } from '../io/file-system-error.js';
import type { SheetHeading, SheetRow } from './contact-sheet.js';
import type { FolderEntry, FolderRecord } from './output.js';
import { isFileCurrent, isFolderCurrent, readFolderRecord, writeFolder } from './output.js';
import { hashOfCode } from './post-hash.js';
import type { PostJson } from './render-post.js';
import { formatSwedishDate } from '../slide/slide-context.js';

/** A scheduled post of a campaign and where its folder is. */
export interface CampaignPost {
  /** `<date>-<party>`, inside the campaign's folder. */
  folder: string;
  party: string;
  interviewee: { name: string; role: string };
}

/**
 * Posts a contact sheet page shows: a page stays far below JPEG's 65,535 px limit in every
 * format (a story row is about 430 px), and a campaign of hundreds of posts gets many pages, each
 * made from its own posts' slides alone, so memory does not grow with the campaign.
 */
export const postsPerSheet = 20;

/** The names of a campaign's files, for checking before a build that they may be written. */
export function campaignFileNames(pages: number): string[] {
  return ['manifest.json', 'schedule.csv', ...sheetNames(pages)];
}

/** `contact-sheet.jpg` alone, or `contact-sheet-01.jpg` … when the campaign needs pages. */
export function sheetNames(pages: number): string[] {
  if (pages <= 1) return ['contact-sheet.jpg'];
  const width = String(pages).length;
  return Array.from(
    { length: pages },
    (_, index) => `contact-sheet-${String(index + 1).padStart(Math.max(2, width), '0')}.jpg`,
  );
}

/** A post folder as it is on disk: its record and post.json, when it was written whole. */
interface WrittenPost {
  post: CampaignPost;
  record: FolderRecord;
  json: PostJson;
}

/**
 * Writes a campaign's manifest.json, schedule.csv and contact sheet(s) from its post folders as
 * they are on disk: every scheduled post whose folder was written whole, whatever build wrote
 * it (a `--only` build included), so they never describe slides that are not there. Skipped
 * when nothing changed; a contact sheet page is redrawn only when one of its posts changed.
 */
export async function writeCampaignFiles(
  campaign: Campaign,
  dir: string,
  posts: readonly CampaignPost[],
  options: {
    force: boolean;
    /** Thumbnails of the posts this build drew, by folder (raw RGB, contact-sheet.ts). */
    thumbnails?: ReadonlyMap<string, readonly Buffer[]>;
    /** Draws a contact sheet page elsewhere (a drawing worker); renderContactSheet otherwise. */
    drawSheet?: (heading: SheetHeading, rows: readonly SheetRow[]) => Promise<Buffer>;
  },
): Promise<'written' | 'unchanged'> {
  const present: { post: CampaignPost; record: FolderRecord }[] = [];
  for (const post of posts) {
    const postDir = join(dir, post.folder);
    const record = await readFolderRecord(postDir);
    if (record?.hash == null || !(await isFolderCurrent(postDir, record, record.hash))) continue;
    present.push({ post, record });
  }
  const hash = digest({
    code: hashOfCode(),
    campaign,
    posts: present.map(({ post, record }) => [post.folder, record.hash]),
  });
  const previous = options.force ? undefined : await readFolderRecord(dir);
  if (await isFolderCurrent(dir, previous, hash)) return 'unchanged';

  const written: WrittenPost[] = [];
  for (const { post, record } of present) {
    const path = join(dir, post.folder, 'post.json');
    const json = JSON.parse(await onFileSystem(path, () => readFile(path, 'utf8'))) as PostJson;
    written.push({ post, record, json });
  }
  const pages = chunk(written, postsPerSheet);
  const names = sheetNames(pages.length);

  const entries = new Map<string, FolderEntry>([
    [
      'manifest.json',
      { data: Buffer.from(`${JSON.stringify(manifestOf(campaign, written, names), null, 2)}\n`) },
    ],
    ['schedule.csv', { data: Buffer.from(scheduleOf(campaign, written)) }],
  ]);
  const drawSheet = options.drawSheet ?? (await import('./contact-sheet.js')).renderContactSheet;
  for (const [index, page] of pages.entries()) {
    const name = names[index]!;
    const title = `${campaign.marker} ${campaign.title}`;
    const source = digest({
      code: hashOfCode(),
      title,
      page: index,
      pages: pages.length,
      total: written.length,
      posts: page.map(({ post, record }) => [post.folder, post.party, record.hash]),
    });
    const earlier = previous?.files[name];
    if (earlier?.source === source && (await isFileCurrent(join(dir, name), earlier))) {
      entries.set(name, { keep: true });
      continue;
    }
    // One page's slides at a time: the thumbnails this build made as it drew, or the slides
    // it did not draw read, shrunk to thumbnails, and let go.
    const rows = await Promise.all(
      page.map(async ({ post, json }) => ({
        label: `${formatSwedishDate(json.date)} · ${post.party}`,
        slides: await Promise.all(
          json.slides.map(async (slide, slideIndex) => {
            const made = options.thumbnails?.get(post.folder);
            if (made?.length === json.slides.length) return { thumbnail: made[slideIndex]! };
            const path = join(dir, post.folder, slide.file);
            return onFileSystem(path, () => readFile(path));
          }),
        ),
        width: json.width,
        height: json.height,
      })),
    );
    const heading =
      pages.length === 1
        ? { title, subtitle: `${written.length} inlägg` }
        : { title, subtitle: `${written.length} inlägg · sida ${index + 1} av ${pages.length}` };
    entries.set(name, { data: await drawSheet(heading, rows), source });
  }
  await writeFolder(dir, entries, hash, { folders: posts.map((post) => post.folder) });
  return 'written';
}

function manifestOf(campaign: Campaign, written: readonly WrittenPost[], sheets: string[]) {
  return {
    campaign: {
      id: campaign.id,
      title: campaign.title,
      marker: campaign.marker,
      theme: campaign.theme,
      // The posts' format: a `--format` build may differ from the campaign's.
      format: commonFormat(written) ?? campaign.format,
      time: campaign.time,
      timeZone: 'Europe/Stockholm',
    },
    contactSheets: written.length === 0 ? [] : sheets,
    posts: written.map(({ post, record, json }) => ({
      id: json.id,
      folder: post.folder,
      date: json.date,
      publishAt: json.publishAt,
      party: post.party,
      interviewee: post.interviewee,
      interview: json.interview,
      qa: json.qa,
      format: json.format,
      caption: json.caption,
      hashtags: json.hashtags,
      slides: json.slides.map((slide) => ({
        file: `${post.folder}/${slide.file}`,
        kind: slide.kind,
        width: json.width,
        height: json.height,
        bytes: record.files[slide.file]?.size ?? 0,
        sha256: slide.sha256,
        altText: slide.altText,
      })),
    })),
  };
}

/** The format every written post has, if they agree. */
function commonFormat(written: readonly WrittenPost[]): PostJson['format'] | undefined {
  const formats = new Set(written.map(({ json }) => json.format));
  return formats.size === 1 ? [...formats][0] : undefined;
}

const scheduleHeader = [
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

function scheduleOf(campaign: Campaign, written: readonly WrittenPost[]): string {
  const rows = written.map(({ post, json }) =>
    [
      json.publishAt,
      json.date,
      campaign.time,
      post.party,
      post.interviewee.name,
      post.interviewee.role,
      json.slides.length,
      json.slides.map((slide) => `${post.folder}/${slide.file}`).join(';'),
      json.caption,
    ]
      .map(csvField)
      .join(','),
  );
  return `${[scheduleHeader.join(','), ...rows].join('\r\n')}\r\n`;
}

/** Quotes a CSV field (RFC 4180) when it needs it. */
function csvField(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    chunks.push(items.slice(start, start + size));
  }
  return chunks;
}

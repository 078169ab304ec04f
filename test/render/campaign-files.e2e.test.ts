import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignSchema } from '../../src/data/schema.js';
import {
  postsPerSheet,
  sheetNames,
  writeCampaignFiles,
  type CampaignPost,
} from '../../src/render/campaign-files.js';
import { writeFolder } from '../../src/render/output.js';
import type { PostJson } from '../../src/render/render-post.js';

const campaign = campaignSchema.parse({
  id: 'storskalig-2026',
  title: 'Storskalig kampanj 2026',
  marker: '🎄',
  theme: 'advent',
});
const dir = mkdtempSync(join(tmpdir(), 'excerpt-campaign-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const postCount = 500;
const posts: CampaignPost[] = Array.from({ length: postCount }, (_, index) => ({
  folder: `2026-03-01-lokala-listan-${String(index + 1).padStart(3, '0')}`,
  party: `Lokala listan ${index + 1}`,
  interviewee: { name: `Kim Andersson ${index + 1}`, role: 'gruppledare' },
}));

/** Writes a post folder as a build would: three slides, post.json, under its own hash. */
async function writePost(post: CampaignPost, slide: Buffer, hash: string): Promise<void> {
  const json: PostJson = {
    id: `${campaign.id}/${post.folder}`,
    campaign: campaign.id,
    interview: `${campaign.id}/x`,
    date: '2026-03-01',
    publishAt: '2026-03-01T08:00:00+01:00',
    format: 'square',
    width: 1080,
    height: 1080,
    qa: ['q1'],
    caption: `${post.party}\n#Huddinge`,
    hashtags: ['Huddinge'],
    slides: ['01.jpg', '02.jpg', '03.jpg'].map((file) => ({
      file,
      kind: 'qa' as const,
      text: post.party,
      altText: post.party,
      sha256: 'x',
    })),
  };
  await writeFolder(
    join(dir, post.folder),
    new Map([
      ['01.jpg', slide],
      ['02.jpg', slide],
      ['03.jpg', slide],
      ['post.json', Buffer.from(JSON.stringify(json))],
    ]),
    hash,
  );
}

describe('the campaign files of a campaign of 500 posts', () => {
  beforeAll(async () => {
    const slide = await sharp({
      create: { width: 1080, height: 1080, channels: 3, background: '#1b3a2b' },
    })
      .jpeg()
      .toBuffer();
    for (const post of posts) await writePost(post, slide, 'first');
  }, 120_000);

  it('come as contact sheet pages of 20 posts, each a JPEG well within the format’s limit', async () => {
    expect(await writeCampaignFiles(campaign, dir, posts, { force: false })).toBe('written');
    const sheets = sheetNames(Math.ceil(postCount / postsPerSheet));
    expect(sheets).toHaveLength(25);
    expect(sheets[0]).toBe('contact-sheet-01.jpg');
    for (const name of sheets) {
      const { format, height, width } = await sharp(join(dir, name)).metadata();
      expect(format).toBe('jpeg');
      expect(height).toBeLessThan(65_535);
      expect(width).toBeLessThan(65_535);
    }
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      contactSheets: string[];
      posts: { folder: string; slides: { bytes: number }[] }[];
    };
    expect(manifest.contactSheets).toEqual(sheets);
    expect(manifest.posts).toHaveLength(postCount);
    expect(manifest.posts[0]!.slides[0]!.bytes).toBeGreaterThan(0);
    const schedule = readFileSync(join(dir, 'schedule.csv'), 'utf8').trimEnd().split('\r\n');
    expect(schedule).toHaveLength(postCount + 1);
  }, 180_000);

  it('are left alone when nothing changed, and only the page of a changed post is redrawn', async () => {
    expect(await writeCampaignFiles(campaign, dir, posts, { force: false })).toBe('unchanged');
    const times = new Map(
      readdirSync(dir)
        .filter((name) => name.startsWith('contact-sheet'))
        .map((name) => [name, statSync(join(dir, name)).mtimeMs]),
    );
    const slide = await sharp({
      create: { width: 1080, height: 1080, channels: 3, background: '#8a1c2b' },
    })
      .jpeg()
      .toBuffer();
    // Post 250 is on page 13 (posts 241–260).
    await writePost(posts[249]!, slide, 'second');
    expect(await writeCampaignFiles(campaign, dir, posts, { force: false })).toBe('written');
    const redrawn = [...times].filter(([name, time]) => statSync(join(dir, name)).mtimeMs !== time);
    expect(redrawn.map(([name]) => name)).toEqual(['contact-sheet-13.jpg']);
  }, 120_000);
});

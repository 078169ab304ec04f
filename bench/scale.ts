import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runExcerpt } from './excerpt-process.js';
import { generateCampaign, generatedCampaignId } from './generate-campaign.js';
import { formatTable } from './table.js';

/**
 * `npm run bench:scale`: builds generated campaigns of growing size (one short Q&A a post, three
 * slides) and reports time and peak memory a post, to show both stay flat as campaigns grow.
 *
 *   npm run bench:scale                    100, 250 and 500 posts
 *   npm run bench:scale -- --posts 50,1000 other sizes
 *   npm run bench:scale -- --json          …and a last line with the rows as JSON
 */

const { values: flags } = parseArgs({
  options: {
    posts: { type: 'string', default: '100,250,500' },
    json: { type: 'boolean', default: false },
  },
});
const sizes = flags.posts.split(',').map(Number);
if (sizes.some((size) => !Number.isInteger(size) || size < 1)) {
  throw new Error(`--posts takes whole numbers, comma-separated, not ${flags.posts}`);
}
const log = (text: string): void => void process.stderr.write(`${text}\n`);

interface Row {
  posts: number;
  slides: number;
  sheets: number;
  ms: number;
  msPerPost: number;
  peakRssMb: number;
  rebuildMs: number;
}

const rows: Row[] = [];
for (const posts of sizes) {
  const scratch = await mkdtemp(join(tmpdir(), 'excerpt-bench-scale-'));
  try {
    const data = join(scratch, 'data');
    const out = join(scratch, 'out');
    await generateCampaign(data, posts);
    log(`${posts} posts: excerpt build (fresh process)…`);
    const build = await runExcerpt(['build', '--data', data, '--out', out]);
    const rebuild = await runExcerpt(['build', '--data', data, '--out', out]);
    const campaignDir = join(out, generatedCampaignId);
    const names = await readdir(campaignDir);
    const sheets = names.filter((name) => name.startsWith('contact-sheet')).length;
    const slides = Number(/(\d+) slides drawn/.exec(build.stdout)?.[1] ?? 0);
    rows.push({
      posts,
      slides,
      sheets,
      ms: Math.round(build.ms),
      msPerPost: Math.round((build.ms / posts) * 10) / 10,
      peakRssMb: Math.round(build.peakRssMb),
      rebuildMs: Math.round(rebuild.ms),
    });
    log(
      `${posts} posts: ${Math.round(build.ms)} ms, peak RSS ${Math.round(build.peakRssMb)} MB, ${sheets} contact sheets`,
    );
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

const first = rows[0]!;
const last = rows.at(-1)!;
const lines = [
  '',
  `generated campaigns, one short Q&A a post; ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.versions.node}`,
  '',
  formatTable(
    [
      'posts',
      'slides',
      'contact sheets',
      'build ms',
      'ms a post',
      'peak RSS MB',
      'unchanged rebuild ms',
    ],
    rows.map((row) => [
      String(row.posts),
      String(row.slides),
      String(row.sheets),
      String(row.ms),
      row.msPerPost.toFixed(1),
      String(row.peakRssMb),
      String(row.rebuildMs),
    ]),
  ),
  '',
  `time a post, ${last.posts} posts ÷ ${first.posts}: ${(last.msPerPost / first.msPerPost).toFixed(2)} (1 is linear); peak RSS ${last.peakRssMb} MB ÷ ${first.peakRssMb} MB: ${(last.peakRssMb / first.peakRssMb).toFixed(2)}`,
];
process.stdout.write(`${lines.join('\n')}\n`);
if (flags.json) process.stdout.write(`${JSON.stringify(rows)}\n`);

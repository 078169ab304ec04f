import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createElement } from 'react';
import { loadData } from '../src/data/load.js';
import { packageRoot } from '../src/paths.js';
import { renderContactSheet, thumbnailOf } from '../src/render/contact-sheet.js';
import { renderAsync } from '../src/render/drawing-stack.js';
import { fontFamily } from '../src/render/fonts.js';
import { writeFolder } from '../src/render/output.js';
import { hashOfPost } from '../src/render/post-hash.js';
import { postFolderName, specsOfCampaign } from '../src/render/post-spec.js';
import { rasterize } from '../src/render/rasterize.js';
import { planPost, type PlannedPost } from '../src/render/render-post.js';
import { formatSwedishDate } from '../src/slide/slide-context.js';
import { renderSvg } from '../src/render/svg.js';
import { templates } from '../templates/index.js';
import { formatTable } from './table.js';

/**
 * The stage profile: excerpt's pipeline for the bundled build, one stage at a time, each timed
 * with performance.now() around the library calls `excerpt build` makes. Stages run one after
 * the other and a slide at a time (the build overlaps satori with resvg and sharp, 3 slides in
 * flight), so the sum is the work, not the build's wall time. Run in a fresh process so first
 * calls (font parsing, file hashing) count as they do in a build.
 */

export interface Stage {
  stage: string;
  ms: number;
  /** How many calls or items the time is spread over. */
  count?: number;
}

export interface Profile {
  slides: number;
  /** One after the other, they add up to the work of a build. */
  stages: Stage[];
  /** rasterize() split into its parts, measured apart: not part of the total. */
  breakdown: Stage[];
}

const importSteps: [string, string][] = [
  // What `excerpt build` imports, statically or once the command runs; the drawing stack
  // (satori, resvg, sharp, through require) first, to time it alone.
  ...[
    'src/render/drawing-stack.js',
    'src/cli/index.js',
    'src/data/load.js',
    'src/render/build.js',
  ].map((file): [string, string] => [
    `dist/${file}`,
    pathToFileURL(join(packageRoot, 'dist', file)).href,
  ]),
];

/**
 * Node's start-up and the imports of bin/excerpt.js, in a plain `node` process (no TypeScript
 * loader): performance.now() counts from the process's start, so its first reading is the boot.
 */
async function measureStartup(): Promise<Stage[]> {
  const script = `
    const times = [performance.now()];
    for (const specifier of ${JSON.stringify(importSteps.map(([, specifier]) => specifier))}) {
      await import(specifier);
      times.push(performance.now());
    }
    process.stdout.write(JSON.stringify(times));`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    cwd: packageRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`the start-up probe exited with ${code}`);
  const times = JSON.parse(output) as number[];
  return [
    { stage: 'node start-up', ms: times[0]! },
    ...importSteps.map(([name], index) => ({
      stage: `import ${name}`,
      ms: times[index + 1]! - times[index]!,
    })),
  ];
}

/** Times `task`, adding its duration to `stage`. */
async function timed<T>(stage: Stage, task: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  try {
    return await task();
  } finally {
    stage.ms += performance.now() - started;
  }
}

/** Profiles the build of every scheduled post in `dataDir`. */
export async function profileBuild(dataDir: string): Promise<Profile> {
  const stages = await measureStartup();
  const stage = (name: string, count?: number): Stage => {
    const created: Stage = { stage: name, ms: 0, ...(count === undefined ? {} : { count }) };
    stages.push(created);
    return created;
  };
  const out = await mkdtemp(join(tmpdir(), 'excerpt-bench-profile-'));
  try {
    const dataset = await timed(stage('load data: YAML, zod, references'), () => loadData(dataDir));

    const hashing = stage('cache keys: hash of code, data');
    const jobs = await timed(hashing, () =>
      dataset.campaigns.flatMap((campaign) =>
        specsOfCampaign(dataset, campaign).map((spec) => ({
          campaign,
          spec,
          hash: hashOfPost(spec, { image: 'jpeg', svg: false }),
          folder: postFolderName(spec.date, spec.interview.party),
        })),
      ),
    );
    hashing.count = jobs.length;

    // The first satori call reads the fonts and parses them (cached from then on): count it on
    // its own, so that the layout stage below shows the steady cost.
    await timed(stage('fonts: read, satori first call'), () =>
      renderSvg(
        createElement('div', { style: { display: 'flex', fontFamily, fontWeight: 700 } }, 'Å'),
        { width: 200 },
      ),
    );

    const planning = stage('layout: planPost (pagination by satori measurement)', jobs.length);
    const planned: PlannedPost[] = [];
    for (const job of jobs)
      planned.push(await timed(planning, () => planPost(job.spec, templates)));
    const slides = planned.flatMap((post) => post.slides);

    const satori = stage('satori: final render of each slide', slides.length);
    const rasterizing = stage('rasterize(): resvg → sharp JPEG', slides.length);
    // rasterize() is one call; to split it, resvg alone runs on the same SVG right after (as
    // rasterize() calls it today), so that the machine's load weighs on both alike: the rest of
    // rasterize()'s time is sharp. Not counted in the total.
    const resvg: Stage = {
      stage: '  of which resvg renderAsync + pixels',
      ms: 0,
      count: slides.length,
    };
    const thumbnailing = stage('thumbnails for the contact sheets', slides.length);
    const images: Buffer[][] = [];
    const thumbnails: Buffer[][] = [];
    for (const post of planned) {
      const postImages: Buffer[] = [];
      const postThumbnails: Buffer[] = [];
      for (const slide of post.slides) {
        const { width, height } = slide.ctx;
        const { svg } = await timed(satori, () => renderSvg(slide.element, { width, height }));
        const image = await timed(rasterizing, () => rasterize(svg, 'jpeg'));
        postImages.push(image);
        postThumbnails.push(await timed(thumbnailing, () => thumbnailOf(image, width, height)));
        await timed(resvg, async () => {
          const image = await renderAsync(svg, {
            font: { loadSystemFonts: false },
            background: '#ffffff',
          });
          return image.pixels;
        });
      }
      images.push(postImages);
      thumbnails.push(postThumbnails);
    }
    const breakdown: Stage[] = [
      resvg,
      {
        stage: '  of which the rest: sharp (by difference)',
        ms: rasterizing.ms - resvg.ms,
        count: slides.length,
      },
    ];

    const writing = stage('write post folders (atomic, with records)', jobs.length);
    for (const [index, job] of jobs.entries()) {
      const files = new Map<string, Buffer>();
      images[index]!.forEach((image, slide) =>
        files.set(`${String(slide + 1).padStart(2, '0')}.jpg`, image),
      );
      files.set('caption.txt', Buffer.from(`${planned[index]!.caption}\n`));
      files.set('alt.txt', Buffer.from(`${planned[index]!.altTexts.join('\n\n')}\n`));
      await timed(writing, () =>
        writeFolder(join(out, job.campaign.id, job.folder), files, job.hash),
      );
    }

    const sheets = stage('contact sheets', dataset.campaigns.length);
    for (const campaign of dataset.campaigns) {
      const rows = jobs.flatMap((job, index) =>
        job.campaign === campaign
          ? [
              {
                label: `${formatSwedishDate(job.spec.date)} · ${job.spec.interview.party}`,
                slides: thumbnails[index]!.map((thumbnail) => ({ thumbnail })),
                width: planned[index]!.slides[0]!.ctx.width,
                height: planned[index]!.slides[0]!.ctx.height,
              },
            ]
          : [],
      );
      await timed(sheets, () =>
        renderContactSheet(
          { title: `${campaign.marker} ${campaign.title}`, subtitle: `${rows.length} inlägg` },
          rows,
        ),
      );
    }

    return { slides: slides.length, stages, breakdown };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** The profile as a table: stage, count, ms, ms a slide, share of the total. */
export function formatProfile(profile: Profile): string {
  const total = profile.stages.reduce((sum, stage) => sum + stage.ms, 0);
  const row = (stage: Stage): string[] => [
    stage.stage,
    stage.count === undefined ? '' : String(stage.count),
    stage.ms.toFixed(0),
    (stage.ms / profile.slides).toFixed(1),
    `${((100 * stage.ms) / total).toFixed(1)} %`,
  ];
  const rows = profile.stages.flatMap((stage) =>
    stage.stage.startsWith('rasterize()')
      ? [row(stage), ...profile.breakdown.map(row)]
      : [row(stage)],
  );
  rows.push([
    'total (one stage at a time)',
    '',
    total.toFixed(0),
    (total / profile.slides).toFixed(1),
    '100 %',
  ]);
  return formatTable(['stage', 'n', 'ms', 'ms/slide', 'share'], rows);
}

// Run on its own (run.ts does, for a fresh process): prints the table, or with --json the
// profile as JSON on the last line.
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dataDir = join(packageRoot, 'data');
  const profile = await profileBuild(dataDir);
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(profile)}\n`);
  else process.stdout.write(`${formatProfile(profile)}\n`);
}

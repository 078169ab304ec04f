import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { packageRoot } from '../src/paths.js';
import { renderWithChromium } from './chromium.js';
import { compareSlides, countChanges, listSlides, snapshotFiles } from './compare.js';
import { runExcerpt } from './excerpt-process.js';
import { describeJpeg } from './jpeg.js';
import { planBundledPosts } from './plan.js';
import { formatProfile, type Profile } from './profile.js';
import { formatTable } from './table.js';

/**
 * `npm run bench`: the bundled build (every scheduled post in data/) drawn by excerpt and by
 * headless Chromium, an unchanged rebuild, excerpt's peak memory, and a stage profile.
 *
 *   npm run bench                      tables
 *   npm run bench -- --json            …and a last line {"slides", "excerptMs", "chromiumMs",
 *                                      "rebuildMs", "peakRssMb"}
 *   npm run bench -- --runs 3          medians of 3 runs
 *   npm run bench -- --no-profile      skip the stage profile
 *   npm run bench -- --samples .scratch  write a cover and a Q&A slide from each side there
 *   npm run bench -- --keep            keep the output folders (their paths go to stderr)
 *   npm run bench -- --threads 2       excerpt builds with 2 drawing worker threads (0: on the
 *                                      main thread; default: the build's own default)
 *
 * What each time includes is written beside the code that measures it: runExcerpt()
 * (excerpt-process.ts), renderWithChromium() (chromium.ts), profileBuild() (profile.ts).
 *
 * The importer has a benchmark of its own, on generated pages of 100 to 5,000 interviews:
 * `node --import tsx bench/import.ts` (see there).
 */

const { values: flags } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    runs: { type: 'string', default: '1' },
    'no-profile': { type: 'boolean', default: false },
    samples: { type: 'string' },
    keep: { type: 'boolean', default: false },
    threads: { type: 'string' },
  },
});
const runs = Number(flags.runs);
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`--runs takes a whole number ≥ 1, not ${flags.runs}`);

const threadArgs = flags.threads === undefined ? [] : ['--threads', flags.threads];
const dataDir = join(packageRoot, 'data');
const log = (text: string): void => void process.stderr.write(`${text}\n`);
const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** The stage profile, in a fresh process of its own (first calls count as in a build). */
async function runProfile(): Promise<Profile> {
  const script = fileURLToPath(new URL('profile.ts', import.meta.url));
  const child = spawn(process.execPath, [...process.execArgv, script, '--json'], {
    cwd: packageRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const code = await new Promise<number | null>((done, fail) => {
    child.on('error', fail);
    child.on('close', done);
  });
  if (code !== 0) throw new Error(`the profile exited with ${code}`);
  return JSON.parse(output.trim().split('\n').at(-1)!) as Profile;
}

interface RunResult {
  slides: number;
  excerptMs: number;
  chromiumMs: number;
  chromiumTunedMs: number;
  rebuildMs: number;
  rebuildWrites: number;
  chromiumLaunchMs: number;
  peakRssMb: number;
  rebuildPeakRssMb: number;
  cpuMs: number;
}

log('laying out the bundled posts for Chromium (excerpt’s own planning, not timed)…');
const posts = await planBundledPosts(dataDir);
const plannedSlides = posts.reduce((sum, post) => sum + post.planned.slides.length, 0);

const results: RunResult[] = [];
const warnings: string[] = [];
for (let run = 1; run <= runs; run++) {
  const prefix = runs > 1 ? `run ${run}/${runs}: ` : '';
  const excerptOut = await mkdtemp(join(tmpdir(), 'excerpt-bench-out-'));
  const chromiumOut = await mkdtemp(join(tmpdir(), 'excerpt-bench-chromium-out-'));
  const tunedOut = await mkdtemp(join(tmpdir(), 'excerpt-bench-chromium-tuned-out-'));
  try {
    log(`${prefix}excerpt build --force (fresh process)…`);
    const build = await runExcerpt([
      'build',
      '--force',
      ...threadArgs,
      '--data',
      dataDir,
      '--out',
      excerptOut,
    ]);
    const files = await listSlides(excerptOut);

    log(`${prefix}excerpt build again, nothing changed…`);
    const before = await snapshotFiles(excerptOut);
    const rebuild = await runExcerpt([
      'build',
      ...threadArgs,
      '--data',
      dataDir,
      '--out',
      excerptOut,
    ]);
    const rebuildWrites = countChanges(before, await snapshotFiles(excerptOut));

    log(`${prefix}Chromium, typical: setContent() per slide (launch included)…`);
    const chromium = await renderWithChromium(posts, chromiumOut, 'typical');
    log(`${prefix}Chromium, tuned: one page, body swapped per slide (launch included)…`);
    const tuned = await renderWithChromium(posts, tunedOut, 'tuned');

    if (
      files.length !== plannedSlides ||
      chromium.slides !== plannedSlides ||
      tuned.slides !== plannedSlides
    ) {
      throw new Error(
        `slide counts differ: excerpt wrote ${files.length}, planning gave ${plannedSlides}, Chromium drew ${chromium.slides}`,
      );
    }
    if (rebuildWrites > 0) warnings.push(`the unchanged rebuild wrote ${rebuildWrites} files`);
    if (run === 1) {
      // A benchmark against a broken peer is worthless: check that both sides made the same
      // slides, in the same kind of file.
      const [ours, theirs] = await Promise.all([
        describeJpeg(join(excerptOut, files[0]!)),
        describeJpeg(join(chromiumOut, files[0]!)),
      ]);
      log(`JPEG files: excerpt ${ours}; Chromium ${theirs}`);
      if (ours !== theirs)
        warnings.push(`the JPEG files differ: excerpt ${ours}, Chromium ${theirs}`);
      for (const [name, dir] of [
        ['typical', chromiumOut],
        ['tuned', tunedOut],
      ] as const) {
        const pixels = await compareSlides(excerptOut, dir, files);
        log(
          `same slides (${name})? mean difference ${pixels.mean.toFixed(2)} of 255 at ¼ size, most ${pixels.worst.difference.toFixed(2)} (${pixels.worst.file})`,
        );
        // Measured: the same slides differ by ~1.7 (most ~3.7), with Chromium's default serif in
        // place of the bundled font by ~9.4 (most ~17).
        if (pixels.worst.difference > 6) {
          warnings.push(
            `Chromium (${name})'s ${pixels.worst.file} differs from excerpt's by ${pixels.worst.difference.toFixed(1)}: look at both; fonts or emoji may not have loaded`,
          );
        }
      }
      if (flags.samples !== undefined) {
        const dir = resolve(flags.samples);
        await mkdir(dir, { recursive: true });
        const cover = files[0]!;
        const qa = files[1]!;
        for (const [name, file] of [
          ['cover', cover],
          ['qa', qa],
        ] as const) {
          await copyFile(join(excerptOut, file), join(dir, `bench-excerpt-${name}.jpg`));
          await copyFile(join(chromiumOut, file), join(dir, `bench-chromium-${name}.jpg`));
        }
        log(`samples: ${dir}/bench-{excerpt,chromium}-{cover,qa}.jpg (${cover}, ${qa})`);
      }
    }
    results.push({
      slides: files.length,
      excerptMs: build.ms,
      chromiumMs: chromium.ms,
      chromiumTunedMs: tuned.ms,
      rebuildMs: rebuild.ms,
      rebuildWrites,
      chromiumLaunchMs: chromium.launchMs,
      peakRssMb: build.peakRssMb,
      rebuildPeakRssMb: rebuild.peakRssMb,
      cpuMs: build.cpuMs,
    });
    log(
      `${prefix}excerpt ${build.ms.toFixed(0)} ms, Chromium ${chromium.ms.toFixed(0)} ms (tuned ${tuned.ms.toFixed(0)} ms), rebuild ${rebuild.ms.toFixed(0)} ms, peak RSS ${build.peakRssMb.toFixed(0)} MB`,
    );
  } finally {
    if (flags.keep) log(`kept ${excerptOut}, ${chromiumOut} and ${tunedOut}`);
    else {
      await rm(excerptOut, { recursive: true, force: true });
      await rm(chromiumOut, { recursive: true, force: true });
      await rm(tunedOut, { recursive: true, force: true });
    }
  }
}

let profile: Profile | undefined;
if (!flags['no-profile']) {
  log('stage profile (a fresh process)…');
  profile = await runProfile();
}

const pick = (key: keyof RunResult): number => median(results.map((result) => result[key]));
const summary = {
  slides: pick('slides'),
  excerptMs: Math.round(pick('excerptMs')),
  chromiumMs: Math.round(pick('chromiumMs')),
  rebuildMs: Math.round(pick('rebuildMs')),
  peakRssMb: Math.round(pick('peakRssMb')),
};
const chromiumTunedMs = Math.round(pick('chromiumTunedMs'));
const ratio = summary.chromiumMs / summary.excerptMs;
const tunedRatio = chromiumTunedMs / summary.excerptMs;
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const perSlide = (ms: number): string => (ms / summary.slides).toFixed(1);

const lines: string[] = [
  '',
  `bundled build: ${posts.length} posts, ${summary.slides} slides; ${cpus().length} × ${cpu}, Node ${process.versions.node}` +
    (runs > 1 ? `; medians of ${runs} runs` : ''),
  '',
  formatTable(
    ['stage', 'slides', 'ms', 'ms/slide', 'ratio'],
    [
      [
        'excerpt build --force (fresh process, start-up included)',
        String(summary.slides),
        String(summary.excerptMs),
        perSlide(summary.excerptMs),
        '1.00',
      ],
      [
        'headless Chromium, setContent() per slide (launch included, same slides and JPEGs)',
        String(summary.slides),
        String(summary.chromiumMs),
        perSlide(summary.chromiumMs),
        ratio.toFixed(2),
      ],
      [
        'headless Chromium, tuned: fonts loaded once, body swapped per slide',
        String(summary.slides),
        String(chromiumTunedMs),
        perSlide(chromiumTunedMs),
        tunedRatio.toFixed(2),
      ],
      [
        'excerpt build, unchanged (fresh process)',
        '0',
        String(summary.rebuildMs),
        '',
        (summary.rebuildMs / summary.excerptMs).toFixed(2),
      ],
    ],
  ),
  '',
  `ratio: time ÷ excerpt's build time. chromiumMs / excerptMs = ${ratio.toFixed(2)} (the goal: 4 or more); against the tuned peer ${tunedRatio.toFixed(2)} (the goal: 2 or more)`,
  `Chromium's launch, to a page with the fonts loaded: ${Math.round(pick('chromiumLaunchMs'))} ms of its time`,
  `peak RSS of the excerpt build: ${summary.peakRssMb} MB (the unchanged rebuild: ${Math.round(pick('rebuildPeakRssMb'))} MB)`,
  `CPU time of the excerpt build: ${Math.round(pick('cpuMs'))} ms, all threads (drawing threads: ${flags.threads ?? 'the default'}); machine load ${loadavg()[0]!.toFixed(1)} at the end`,
];
if (profile !== undefined) {
  lines.push(
    '',
    `stage profile of excerpt's pipeline, in-process, one stage at a time (${profile.slides} slides):`,
    '',
    formatProfile(profile),
  );
}
for (const warning of warnings) lines.push('', `warning: ${warning}`);
process.stdout.write(`${lines.join('\n')}\n`);
if (flags.json) process.stdout.write(`${JSON.stringify({ ...summary, chromiumTunedMs })}\n`);

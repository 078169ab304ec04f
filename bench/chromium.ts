import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { encodeJpeg } from './jpeg.js';
import type { BenchPost } from './plan.js';
import { chromiumArgs, chromiumPath } from '../test/helpers/chromium.js';
import { fontLoads, pageHtml, slideHtml } from './slide-html.js';

/** The little of the DOM the page functions use: this is Node code, compiled without the DOM lib. */
interface PageGlobals {
  document: {
    body: { innerHTML: string };
    images: Iterable<{ decode(): Promise<void> }>;
    fonts: { ready: Promise<unknown>; load(font: string): Promise<unknown> };
  };
}

export interface ChromiumRun {
  ms: number;
  /** Of `ms`: from the start to a page with the fonts loaded, before the first slide. */
  launchMs: number;
  slides: number;
  /** The JPEG files written, `<campaign>/<folder>/NN.jpg` under `out`. */
  files: string[];
}

/**
 * How the peer drives the page:
 * - `typical`: a page.setContent() of the whole document (fonts included) for every slide, as
 *   screenshot scripts and HTML-to-image libraries do; the peer of ../shared/FACTS.md.
 * - `tuned`: one page with the fonts loaded once, only the body swapped per slide, as a tuned
 *   screenshot service would.
 */
export type ChromiumMode = 'typical' | 'tuned';

/**
 * The peer: headless Chromium drawing the same slide elements and writing the same JPEGs.
 *
 * Timed, from the first step to the browser's exit: a fresh empty profile folder, launching
 * Chromium, the page with the bundled fonts (loaded once, as a tuned screenshot service would),
 * then a slide at a time: react-dom/server markup with emoji swapped for the Twemoji images,
 * set as the body, fonts ready, PNG screenshot of the viewport, sharp encode with excerpt's JPEG
 * settings (overlapping the next screenshot, as excerpt overlaps satori and rasterising), and
 * the file written. (Measured here: a page.setContent() of the whole document, fonts included,
 * for every slide takes 2–2.5 times as long; this peer is the stronger one.) Not timed: loading the data and laying out the posts (excerpt's planning,
 * pagination included, which Chromium gets for free), and this Node process's start-up.
 */
export async function renderWithChromium(
  posts: readonly BenchPost[],
  out: string,
  mode: ChromiumMode = 'tuned',
): Promise<ChromiumRun> {
  const started = performance.now();
  const profile = await mkdtemp(join(tmpdir(), 'excerpt-bench-chromium-profile-'));
  const first = posts[0]?.planned.slides[0]?.ctx;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    viewport: { width: first?.width ?? 1080, height: first?.height ?? 1080 },
    deviceScaleFactor: 1,
  });
  const files: string[] = [];
  let launchMs = 0;
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.setContent(pageHtml());
    await page.evaluate(async (loads) => {
      const { document } = globalThis as unknown as PageGlobals;
      await Promise.all(loads.map((font) => document.fonts.load(font)));
    }, fontLoads);
    launchMs = performance.now() - started;
    let viewport = page.viewportSize();
    const encoding: Promise<void>[] = [];
    for (const post of posts) {
      const dir = join(out, post.campaign, post.folder);
      await mkdir(dir, { recursive: true });
      for (const [index, slide] of post.planned.slides.entries()) {
        const { width, height } = slide.ctx;
        if (viewport?.width !== width || viewport.height !== height) {
          viewport = { width, height };
          await page.setViewportSize(viewport);
        }
        if (mode === 'typical') {
          await page.setContent(pageHtml(slideHtml(slide.element)));
          await page.evaluate(async (loads) => {
            const { document } = globalThis as unknown as PageGlobals;
            await Promise.all(loads.map((font) => document.fonts.load(font)));
            await Promise.all([...document.images].map((image) => image.decode()));
            await document.fonts.ready;
          }, fontLoads);
        } else {
          await page.evaluate(async (html) => {
            const { document } = globalThis as unknown as PageGlobals;
            document.body.innerHTML = html;
            // Emoji images are data: URLs, decoded asynchronously: wait for them, and the fonts.
            await Promise.all([...document.images].map((image) => image.decode()));
            await document.fonts.ready;
          }, slideHtml(slide.element));
        }
        const png = await page.screenshot({ type: 'png' });
        const file = join(post.campaign, post.folder, `${String(index + 1).padStart(2, '0')}.jpg`);
        files.push(file);
        encoding.push(encodeJpeg(png).then((jpeg) => writeFile(join(out, file), jpeg)));
      }
    }
    await Promise.all(encoding);
  } finally {
    await context.close();
  }
  const ms = performance.now() - started;
  await rm(profile, { recursive: true, force: true });
  return { ms, launchMs, slides: files.length, files };
}

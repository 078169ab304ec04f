import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import sharp from 'sharp';

/** Every slide image under a build's output: `<campaign>/<folder>/NN.jpg`, sorted. */
export async function listSlides(out: string): Promise<string[]> {
  const entries = await readdir(out, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /^\d\d\.jpg$/.test(entry.name))
    .map((entry) => relative(out, join(entry.parentPath, entry.name)))
    .sort();
}

/** Size and modification time of every file under `dir`, to tell whether a rerun wrote any. */
export async function snapshotFiles(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const snapshot = new Map<string, string>();
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const info = await stat(path);
    snapshot.set(relative(dir, path), `${info.size} ${info.mtimeMs}`);
  }
  return snapshot;
}

/** How many files were added, removed or rewritten between two snapshots. */
export function countChanges(before: Map<string, string>, after: Map<string, string>): number {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).length;
}

export interface PixelComparison {
  slides: number;
  /** Mean absolute difference of the channels, 0–255, over all slides, at a quarter of the size. */
  mean: number;
  /** The slide that differs most, and by how much. */
  worst: { file: string; difference: number };
}

// At a quarter of the size a slide's layout still shows (a line broken elsewhere, another
// font, a missing emoji), while antialiasing and JPEG noise average out.
const scale = 4;

async function smallPixels(file: string): Promise<Buffer> {
  const meta = await sharp(file).metadata();
  return sharp(file)
    .resize({ width: Math.round(meta.width / scale), height: Math.round(meta.height / scale) })
    .removeAlpha()
    .raw()
    .toBuffer();
}

/**
 * How far Chromium's slides are from excerpt's: the benchmark is only worth something if the
 * peer draws the same slides (the same fonts, line breaks and emoji), not a broken version.
 */
export async function compareSlides(
  excerptOut: string,
  chromiumOut: string,
  files: readonly string[],
): Promise<PixelComparison> {
  let sum = 0;
  let worst = { file: '', difference: -1 };
  for (const file of files) {
    const [a, b] = await Promise.all([
      smallPixels(join(excerptOut, file)),
      smallPixels(join(chromiumOut, file)),
    ]);
    if (a.length !== b.length) throw new Error(`${file}: the two sides' slides differ in size`);
    let total = 0;
    for (let index = 0; index < a.length; index++) total += Math.abs(a[index]! - b[index]!);
    const difference = total / a.length;
    sum += difference;
    if (difference > worst.difference) worst = { file, difference };
  }
  return { slides: files.length, mean: sum / files.length, worst };
}

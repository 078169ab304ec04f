import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { expect } from 'vitest';

const goldenDir = join(import.meta.dirname, '..', 'golden');

/** Goldens are kept at half size: enough to see any change of layout, colour or text. */
const goldenWidth = 540;
/** A pixel differs when a channel is off by more than this (anti-aliasing noise stays below). */
const channelTolerance = 40;
/** The share of pixels allowed to differ. */
const pixelTolerance = 0.002;

async function normalise(image: Buffer): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(image)
    .resize({ width: goldenWidth })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/**
 * Compares a rendered image with `test/golden/<name>.png`. With UPDATE_GOLDEN=1 it writes the
 * golden instead: do that on purpose, after looking at the new image, never to turn a test green.
 */
export async function expectGolden(name: string, image: Buffer): Promise<void> {
  const file = join(goldenDir, `${name}.png`);
  const actual = await normalise(image);
  if (process.env.UPDATE_GOLDEN === '1') {
    await mkdir(dirname(file), { recursive: true });
    await sharp(actual.data, { raw: { width: actual.width, height: actual.height, channels: 3 } })
      .png({ compressionLevel: 9 })
      .toFile(file);
    return;
  }
  expect(existsSync(file), `no golden ${file}: run with UPDATE_GOLDEN=1, then look at it`).toBe(
    true,
  );
  const expected = await normalise(await sharp(file).toBuffer());
  expect([actual.width, actual.height], `${name}: size`).toEqual([expected.width, expected.height]);
  let differing = 0;
  for (let index = 0; index < actual.data.length; index += 3) {
    for (let channel = 0; channel < 3; channel++) {
      if (
        Math.abs(actual.data[index + channel]! - expected.data[index + channel]!) > channelTolerance
      ) {
        differing++;
        break;
      }
    }
  }
  const share = differing / (actual.width * actual.height);
  expect(
    share,
    `${name}: ${(share * 100).toFixed(2)} % of pixels differ from the golden`,
  ).toBeLessThanOrEqual(pixelTolerance);
}

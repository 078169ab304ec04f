import sharp from 'sharp';

import { jpegOptions } from '../src/render/rasterize.js';

// excerpt's own JPEG settings (quality 92, 4:4:4 chroma, baseline, sRGB ICC), for Chromium's
// screenshots; run.ts still compares what can be read back of both sides' files.
export { jpegOptions };

/** An encoded image (Chromium's PNG screenshot of an opaque page) to a slide JPEG. */
export function encodeJpeg(image: Buffer): Promise<Buffer> {
  return sharp(image).removeAlpha().withIccProfile('srgb').jpeg(jpegOptions).toBuffer();
}

/** What can be read back of a JPEG's settings, to compare the two sides' files. */
export async function describeJpeg(file: Buffer | string): Promise<string> {
  const meta = await sharp(file).metadata();
  return [
    meta.format,
    `${meta.width}x${meta.height}`,
    meta.chromaSubsampling,
    meta.isProgressive === true ? 'progressive' : 'baseline',
    meta.icc === undefined ? 'no ICC' : 'ICC',
    meta.space,
    `${meta.channels} channels`,
  ].join(' ');
}

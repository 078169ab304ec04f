import sharp from 'sharp';

/**
 * The JPEG settings of src/render/rasterize.ts (quality 92, 4:4:4 chroma, baseline, sRGB ICC,
 * the alpha channel dropped: every slide paints an opaque background), for Chromium's
 * screenshots. rasterize() keeps them inline, so this is a copy: run.ts compares what can be
 * read back of both sides' files (size, chroma, baseline, ICC) and says so when they differ.
 */
export const jpegOptions = {
  quality: 92,
  chromaSubsampling: '4:4:4',
  progressive: false,
  mozjpeg: false,
} as const;

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

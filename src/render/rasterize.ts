import { Resvg, renderAsync, sharp } from './drawing-stack.js';

export type ImageFormat = 'jpeg' | 'png';

/**
 * The JPEG settings of every slide: sharp's defaults (q80, 4:2:0) smear coloured text. The
 * Huffman tables are the standard ones rather than optimised per image: the pixels are the
 * same, the file ~8 % larger, and the encode takes less than half the time (15 → 6 ms).
 */
export const jpegOptions = {
  quality: 92,
  chromaSubsampling: '4:4:4',
  progressive: false,
  mozjpeg: false,
  optimiseCoding: false,
} as const;

let iccSegment: Promise<Buffer> | undefined;

/**
 * The APP2 segment that carries sharp's sRGB ICC profile, taken once from a 1×1 JPEG that sharp
 * encodes with `withIccProfile('srgb')`: the very bytes it would write into every slide.
 */
function srgbIccSegment(): Promise<Buffer> {
  iccSegment ??= sharp({ create: { width: 1, height: 1, channels: 3, background: '#ffffff' } })
    .withIccProfile('srgb')
    .jpeg(jpegOptions)
    .toBuffer()
    .then((jpeg) => {
      // SOI (FFD8), then the APP2 marker (FFE2) and its big-endian length, which counts itself.
      if (jpeg.readUInt16BE(2) !== 0xffe2) throw new Error('sharp wrote no ICC segment first');
      return Buffer.from(jpeg.subarray(2, 4 + jpeg.readUInt16BE(4)));
    });
  return iccSegment;
}

const resvgOptions = { font: { loadSystemFonts: false }, background: '#ffffff' };

/**
 * SVG → pixels → encoded image. resvg needs no fonts (satori emits glyphs as paths) and hands
 * its raw RGBA straight to sharp, which skips a PNG encode and decode. resvg runs on libuv's
 * pool, so the thread can lay out the next slide meanwhile, or, with `onThisThread` (a drawing
 * worker, which is a core's worth of work already), on this thread: the same pixels, and its
 * memory stays with the thread rather than spread over every thread of the pool.
 */
export async function rasterize(
  svg: string,
  format: ImageFormat,
  options: { onThisThread?: boolean } = {},
): Promise<Buffer> {
  const image =
    options.onThisThread === true
      ? new Resvg(svg, resvgOptions).render()
      : await renderAsync(svg, resvgOptions);
  const pixels = sharp(image.pixels, {
    raw: { width: image.width, height: image.height, channels: 4 },
    // Every slide paints its own opaque background (and resvg fills white beneath), so the
    // alpha channel is all 255: dropping it is exact, and far cheaper than flatten().
  }).removeAlpha();
  if (format === 'png') {
    return pixels
      .withIccProfile('srgb')
      .png({ compressionLevel: 9, adaptiveFiltering: true })
      .toBuffer();
  }
  // resvg's pixels are sRGB already, so `withIccProfile('srgb')` would run a colour transform
  // that changes nothing (a third of the encode time) before attaching the profile. Attaching
  // the same profile segment ourselves gives byte-identical files (test/render/rasterize.test.ts).
  return withSrgbProfile(pixels.jpeg(jpegOptions).toBuffer());
}

/**
 * A JPEG of sRGB pixels (resvg's) with sharp's sRGB profile attached, as `withIccProfile('srgb')`
 * would attach it, without the colour transform from sRGB to sRGB it runs first.
 */
export async function withSrgbProfile(encoding: Promise<Buffer>): Promise<Buffer> {
  const [jpeg, icc] = await Promise.all([encoding, srgbIccSegment()]);
  return Buffer.concat([jpeg.subarray(0, 2), icc, jpeg.subarray(2)]);
}

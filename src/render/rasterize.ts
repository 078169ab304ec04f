import { renderAsync } from '@resvg/resvg-js';
import sharp from 'sharp';

export type ImageFormat = 'jpeg' | 'png';

/**
 * SVG → pixels → encoded image. resvg needs no fonts (satori emits glyphs as paths) and hands
 * its raw RGBA straight to sharp, which skips a PNG encode and decode. `renderAsync` runs on the
 * libuv pool, so the main thread can lay out the next slide meanwhile.
 */
export async function rasterize(svg: string, format: ImageFormat): Promise<Buffer> {
  const image = await renderAsync(svg, { font: { loadSystemFonts: false }, background: '#ffffff' });
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
  // sharp's defaults (q80, 4:2:0) smear coloured text: keep full chroma, high quality, baseline.
  return pixels
    .withIccProfile('srgb')
    .jpeg({ quality: 92, chromaSubsampling: '4:4:4', progressive: false, mozjpeg: false })
    .toBuffer();
}

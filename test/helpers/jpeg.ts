import sharp from 'sharp';
import { expect } from 'vitest';

/**
 * What the publishing API and PRODUCT.md ask of a slide: a baseline JPEG, sRGB with its ICC
 * profile, full-resolution chroma (4:4:4), at exactly the format's size.
 */
export async function expectPublishableJpeg(
  image: Buffer | string,
  size: { width: number; height: number },
): Promise<void> {
  expect(await sharp(image).metadata()).toMatchObject({
    format: 'jpeg',
    width: size.width,
    height: size.height,
    space: 'srgb',
    chromaSubsampling: '4:4:4',
    isProgressive: false,
    hasProfile: true,
  });
}

import { readFile } from 'node:fs/promises';
import { renderAsync } from '@resvg/resvg-js';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadBrand } from '../../src/data/load.js';
import { interviewSchema } from '../../src/data/schema.js';
import { jpegOptions, rasterize } from '../../src/render/rasterize.js';
import { renderSvg } from '../../src/render/svg.js';
import { planTestCarousel } from '../helpers/plan.js';

const brand = await loadBrand('test/fixtures/brand');
const interview = interviewSchema.parse(
  parse(await readFile('test/fixtures/golden/interview.yaml', 'utf8')),
);

describe('rasterize', () => {
  it.each(['advent', 'pride'])(
    'writes exactly the JPEG sharp writes with withIccProfile("srgb") (%s)',
    async (themeName) => {
      const slides = await planTestCarousel(brand, interview, { qaIds: ['q1'], themeName });
      for (const slide of slides) {
        const { svg } = await renderSvg(slide.element, {
          width: slide.ctx.width,
          height: slide.ctx.height,
        });
        const image = await renderAsync(svg, {
          font: { loadSystemFonts: false },
          background: '#ffffff',
        });
        const reference = await sharp(image.pixels, {
          raw: { width: image.width, height: image.height, channels: 4 },
        })
          .removeAlpha()
          .withIccProfile('srgb')
          .jpeg(jpegOptions)
          .toBuffer();
        expect((await rasterize(svg, 'jpeg')).equals(reference)).toBe(true);
      }
    },
  );

  it('writes a baseline sRGB JPEG with full chroma and its ICC profile', async () => {
    const { svg } = await renderSvg(
      {
        type: 'div',
        key: null,
        props: { style: { display: 'flex', width: 64, height: 48, backgroundColor: '#9E1B34' } },
      },
      { width: 64, height: 48 },
    );
    const meta = await sharp(await rasterize(svg, 'jpeg')).metadata();
    expect(meta).toMatchObject({
      format: 'jpeg',
      width: 64,
      height: 48,
      channels: 3,
      space: 'srgb',
      chromaSubsampling: '4:4:4',
      isProgressive: false,
      hasProfile: true,
    });
  });
});

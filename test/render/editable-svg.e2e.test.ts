import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadBrand } from '../../src/data/load.js';
import { interviewSchema } from '../../src/data/schema.js';
import { renderEditableSvg } from '../../src/render/editable-svg.js';
import { fontFiles } from '../../src/render/fonts.js';
import { renderSvg } from '../../src/render/svg.js';
import { fontsDir } from '../../src/paths.js';
import { planTestCarousel } from '../helpers/plan.js';

const brand = await loadBrand('test/fixtures/brand');
const interview = interviewSchema.parse(
  parse(await readFile('test/fixtures/golden/interview.yaml', 'utf8')),
);

/** Pixels of an SVG drawn by resvg with the bundled fonts installed, as a designer's tool would. */
function draw(svg: string): Buffer {
  return new Resvg(svg, {
    background: '#ffffff',
    font: {
      loadSystemFonts: false,
      fontFiles: fontFiles.map(({ file }) => join(fontsDir, file)),
      defaultFontFamily: 'Source Sans 3',
    },
  })
    .render()
    .asPng();
}

/** The share of pixels of two same-sized images whose channels differ by more than a quarter. */
async function differingShare(a: Buffer, b: Buffer): Promise<number> {
  const [left, right] = await Promise.all(
    [a, b].map((image) => sharp(image).removeAlpha().raw().toBuffer()),
  );
  let differing = 0;
  for (let index = 0; index < left!.length; index += 3) {
    if (
      [0, 1, 2].some((channel) => Math.abs(left![index + channel]! - right![index + channel]!) > 64)
    )
      differing++;
  }
  return differing / (left!.length / 3);
}

// `--svg` is for designers: its text must be text they can edit, in the slide's font, and look
// like the slide when drawn with that font.
describe('the editable SVG of a slide', () => {
  it.each(['square', 'story'] as const)(
    'has its text as text and looks like the slide (%s)',
    async (format) => {
      const slides = await planTestCarousel(brand, interview, { qaIds: ['q1'], format });
      for (const slide of slides) {
        const size = { width: slide.ctx.width, height: slide.ctx.height };
        const editable = await renderEditableSvg(slide.element, size);
        const texts = [...editable.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map(
          (match) => match[1]!,
        );
        // Every line drawn on the slide is among the SVG's texts, a line one element.
        const joined = texts.join(' ').replace(/\s+/g, ' ');
        for (const line of slide.text.split('\n')) {
          for (const word of line.split(/\s+/).filter((w) => /^[\p{L}\p{N}]+$/u.test(w))) {
            expect(joined).toContain(word);
          }
        }
        expect(editable).toContain('font-family="source sans 3"');
        expect(texts.length).toBeLessThan(60);
        const { svg: outlined } = await renderSvg(slide.element, size);
        expect(await differingShare(draw(editable), draw(outlined))).toBeLessThan(0.01);
      }
    },
  );
});

import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadBrand } from '../../src/data/load.js';
import { interviewSchema } from '../../src/data/schema.js';
import type { PlannedSlide } from '../../src/render/carousel.js';
import { rasterize } from '../../src/render/rasterize.js';
import { renderSvg } from '../../src/render/svg.js';
import { expectGolden } from '../helpers/golden.js';
import { planTestCarousel } from '../helpers/plan.js';

const brand = await loadBrand('test/fixtures/brand');
const interview = interviewSchema.parse(
  parse(await readFile('test/fixtures/golden/interview.yaml', 'utf8')),
);
const markers: Record<string, string> = { advent: '🎄', pride: '🌈', default: '💬' };

// Each template in each theme, drawn from bundled fonts only, against a reviewed reference.
describe.each(['advent', 'pride', 'default'])('the %s theme', (themeName) => {
  let slides: PlannedSlide[];

  it('lays the fixture out as cover, question, continuation and closing', async () => {
    slides = await planTestCarousel(brand, interview, {
      qaIds: ['q1'],
      themeName,
      campaign: {
        title: 'Testkampanj 2026',
        marker: markers[themeName]!,
        subtitle: 'Politiker svarar om killars våld mot tjejer',
      },
      // The pride cover shows a highlight as its hook, the others the first question.
      ...(themeName === 'pride'
        ? { highlight: 'Alla barn ska mötas av vuxna som vågar prata om normer, kropp och gränser' }
        : {}),
    });
    expect(slides.map((slide) => slide.kind)).toEqual(['cover', 'qa', 'continuation', 'closing']);
  });

  it.each(['cover', 'qa', 'continuation', 'closing'])(
    'draws the %s template as its golden',
    async (kind) => {
      const slide = slides.find((candidate) => candidate.kind === kind)!;
      const { svg } = await renderSvg(slide.element, {
        width: slide.ctx.width,
        height: slide.ctx.height,
      });
      await expectGolden(`${themeName}-${kind}`, await rasterize(svg, 'png'));
    },
  );
});

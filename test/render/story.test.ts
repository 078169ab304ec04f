import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadBrand } from '../../src/data/load.js';
import { interviewSchema } from '../../src/data/schema.js';
import { planTestCarousel } from '../helpers/plan.js';

const brand = await loadBrand('test/fixtures/brand');
const interview = interviewSchema.parse(
  parse(await readFile('test/fixtures/golden/interview.yaml', 'utf8')),
);

// Stories are not swiped like a carousel: Instagram moves on by itself, so in the story format
// no slide asks to swipe or counts "2/4 →".
describe('slides in the story format', () => {
  it.each([
    ['story', false],
    ['square', true],
    ['portrait', true],
  ] as const)('in %s: carousel furniture shown: %s', async (format, isCarousel) => {
    const slides = await planTestCarousel(brand, interview, { qaIds: ['q1'], format });
    const texts = slides.map((slide) => slide.text);
    expect(texts.some((text) => text.includes('Svep'))).toBe(isCarousel);
    expect(texts.some((text) => /\b\d+\/\d+\b/.test(text))).toBe(isCarousel);
  });
});

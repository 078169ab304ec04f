import { describe, expect, it } from 'vitest';
import { loadBrand } from '../../src/data/load.js';
import { contrastRatio, themeContrast } from '../../src/layout/contrast.js';

describe('contrastRatio', () => {
  it.each([
    ['#000000', '#FFFFFF', 21],
    ['#FFFFFF', '#FFFFFF', 1],
    ['#767676', '#FFFFFF', 4.54],
    ['#FFFFFF', '#767676', 4.54],
  ])('%s on %s is %d:1', (a, b, ratio) => {
    expect(contrastRatio(a, b)).toBeCloseTo(ratio, 2);
  });
});

describe('every bundled theme', async () => {
  const brand = await loadBrand('data');
  const pairs = Object.entries(brand.themes).flatMap(([name, theme]) =>
    themeContrast(theme).map((pair) => [`${name} ${pair.surface} ${pair.role}`, pair] as const),
  );

  it('covers text, muted and accent on both surfaces of each theme', () => {
    expect(pairs).toHaveLength(Object.keys(brand.themes).length * 6);
  });

  it.each(pairs)('%s reaches its contrast minimum', (_name, pair) => {
    expect(pair.ratio).toBeGreaterThanOrEqual(pair.required);
  });
});

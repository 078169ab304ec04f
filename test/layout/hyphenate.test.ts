import { describe, expect, it } from 'vitest';
import { breakLongWords } from '../../src/layout/hyphenate.js';
import { insertedHyphen } from '../../src/layout/slide-plan.js';

/** A monospaced measure: 10 px a code point. */
const measure = (texts: readonly string[]): Promise<number[]> =>
  Promise.resolve(texts.map((text) => [...text].length * 10));

const pieces = (text: string): string[] => text.split(insertedHyphen);

describe('breakLongWords', () => {
  it.each([
    ['a text whose words all fit', 'Vi arbetar mot våld i nära relationer', 200],
    ['a long word that still fits its line', 'kvinnofridsarbetet', 180],
    ['a short word too wide (under 12 letters: never broken)', 'relationer', 50],
  ])('leaves %s alone', async (_name, text, width) => {
    expect(await breakLongWords(text, width, measure)).toBe(text);
  });

  it.each([
    ['kvinnofridsarbetet', 100],
    ['våldsförebyggande', 90],
    ['jämställdhetsintegrering', 120],
  ])(
    'breaks %s at Swedish points, with a visible hyphen, each piece fitting',
    async (word, width) => {
      const broken = await breakLongWords(word, width, measure);
      expect(broken).not.toBe(word);
      expect(broken.replaceAll(insertedHyphen, '')).toBe(word);
      const parts = pieces(broken);
      for (const [index, part] of parts.entries()) {
        const drawn = index < parts.length - 1 ? part + insertedHyphen : part;
        expect([...drawn].length * 10).toBeLessThanOrEqual(width);
        // At least three letters either side of a hyphen: the patterns split too eagerly.
        expect([...part].length).toBeGreaterThanOrEqual(3);
      }
    },
  );

  it('falls back to any character for a word the patterns cannot split', async () => {
    const word = 'x'.repeat(30);
    const broken = await breakLongWords(word, 100, measure);
    expect(broken.replaceAll(insertedHyphen, '')).toBe(word);
    expect(pieces(broken).every((part) => (part.length + 1) * 10 <= 100 || part.length <= 10)).toBe(
      true,
    );
  });

  it('breaks after a hard hyphen first, measuring the pieces between', async () => {
    const text = 'HBTQ+-personer och jämställdhetsintegrering';
    const broken = await breakLongWords(text, 160, measure);
    expect(broken.startsWith('HBTQ+-personer och ')).toBe(true);
    expect(broken.replaceAll(insertedHyphen, '')).toBe(text);
  });

  it('gives up without looping when not even one letter fits', async () => {
    const word = 'abcdefghijklmnop';
    expect(await breakLongWords(word, 5, measure)).toBe(word);
  });
});

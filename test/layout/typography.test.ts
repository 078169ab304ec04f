import { describe, expect, it } from 'vitest';
import { swedishQuotes } from '../../src/layout/typography.js';

describe('swedishQuotes', () => {
  it.each([
    ['Projektet "En porrfri kommun" är viktigt.', 'Projektet ”En porrfri kommun” är viktigt.'],
    ['Projektet “En porrfri kommun” är viktigt.', 'Projektet ”En porrfri kommun” är viktigt.'],
    ['Projektet ”En porrfri kommun” är viktigt.', 'Projektet ”En porrfri kommun” är viktigt.'],
    ['RFSL:s arbete, 12" skärm', 'RFSL:s arbete, 12” skärm'],
    ['Inga citat här.', 'Inga citat här.'],
  ])('%s', (text, expected) => {
    expect(swedishQuotes(text)).toBe(expected);
  });
});

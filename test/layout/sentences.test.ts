import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/layout/sentences.js';

describe('splitSentences', () => {
  it.each([
    ['En mening. En till.', ['En mening.', 'En till.']],
    ['Frågar du? Ja! Bra.', ['Frågar du?', 'Ja!', 'Bra.']],
    ['Vi vill t.ex. Stockholm. Nästa.', ['Vi vill t.ex. Stockholm.', 'Nästa.']],
    [
      'Det gäller bl.a. Huddinge och m.m. Vi kommer.',
      ['Det gäller bl.a. Huddinge och m.m.', 'Vi kommer.'],
    ],
    [
      'Citat: ”Ingen ska vara rädd.” Det är ett löfte.',
      ['Citat: ”Ingen ska vara rädd.”', 'Det är ett löfte.'],
    ],
    ['Sedan 2006. 200 miljoner kr.', ['Sedan 2006.', '200 miljoner kr.']],
    ['Ökad kunskap. och små bokstäver', ['Ökad kunskap. och små bokstäver']],
    ['En mening utan slut', ['En mening utan slut']],
    ['Dubbelt mellanslag.  Stannar ihop.', ['Dubbelt mellanslag.  Stannar ihop.']],
  ])('%s', (paragraph, sentences) => {
    expect(splitSentences(paragraph)).toEqual(sentences);
    expect(splitSentences(paragraph).join(' ')).toBe(paragraph);
  });
});

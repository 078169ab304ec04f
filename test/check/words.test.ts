import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnownWords } from '../../src/check/known-words.js';
import { readWordList } from '../../src/check/word-list.js';
import { caseVariants, hashtagWords, wordsOf } from '../../src/check/words.js';

describe('wordsOf', () => {
  it.each([
    ['Vi vill ha en nollvision.', ['Vi', 'vill', 'ha', 'en', 'nollvision']],
    // Single letters, numbers and words glued to digits are not words to look up.
    [
      'I budget för 2021 har vi 55 poliser, 3e plats',
      ['budget', 'för', 'har', 'vi', 'poliser', 'plats'],
    ],
    // A first part cut short before a hyphen keeps it; a hyphenated compound is two words.
    ['kvinno- och tjejjourer', ['kvinno-', 'och', 'tjejjourer']],
    ['unga HBTQ-personer', ['unga', 'HBTQ', 'personer']],
    ['HBTQ+-organisationer', ['HBTQ', 'organisationer']],
    // Addresses and handles are names, not words.
    ['Läs mer på kraftbyran.nu eller https://www.example.se/sida', ['Läs', 'mer', 'på', 'eller']],
    ['Hör av er till info@kraftbyran.nu eller @kraftbyran', ['Hör', 'av', 'er', 'till', 'eller']],
    // A missing space after a full stop is not an address.
    ['slutet.Nu börjar det', ['slutet', 'Nu', 'börjar', 'det']],
    ['RFSL:s HBTQ-certifiering', ['RFSL', 'HBTQ', 'certifiering']],
  ])('%s', (text, words) => {
    expect(wordsOf(text)).toEqual(words);
  });
});

describe('hashtagWords', () => {
  it.each([
    ['KillarsVåldMotTjejer', ['Killars', 'Våld', 'Mot', 'Tjejer']],
    ['HBTQ', ['HBTQ']],
    ['HBTQPride', ['HBTQ', 'Pride']],
    ['Huddinge', ['Huddinge']],
    ['adventsfrågestund', ['adventsfrågestund']],
  ])('%s', (tag, words) => {
    expect(hashtagWords(tag)).toEqual(words);
  });
});

describe('caseVariants', () => {
  it.each([
    ['och', ['och']],
    ['Och', ['Och', 'och']],
    ['HBTQ', ['HBTQ', 'hbtq', 'Hbtq']],
    ['Östersund', ['Östersund', 'östersund']],
    ['McDonald', ['McDonald']],
  ])('%s', (word, variants) => {
    expect(caseVariants(word)).toEqual(variants);
  });
});

describe('KnownWords', () => {
  const known = new KnownWords(['Drevvikenpartiet', 'Tallgården', 'ANDTS', 'förebyggarteam']);

  it.each([
    ['Drevvikenpartiet', true],
    ['Drevvikenpartiets', true],
    ['DREVVIKENPARTIET', true],
    ['drevvikenpartiet', false],
    ['Tallgårdens', true],
    ['ANDTS', true],
    ['Andts', false],
    // A lower-case word is known capitalised too (a sentence's first word), not the reverse.
    ['förebyggarteam', true],
    ['Förebyggarteam', true],
    ['Drevvikenpartie', false],
  ])('%s: %s', (word, isKnown) => {
    expect(known.has(word)).toBe(isKnown);
  });
});

describe('readWordList', () => {
  it('reads one word a line, without comments and blank lines; none without the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'excerpt-words-'));
    try {
      expect(await readWordList(dir)).toEqual({ words: [], issues: [] });
      await writeFile(
        join(dir, 'words.txt'),
        '# Project words\n\nANDTS   # an abbreviation\r\nTallgården\n  situationell  \n',
      );
      expect(await readWordList(dir)).toEqual({
        words: ['ANDTS', 'Tallgården', 'situationell'],
        issues: [],
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reports a words.txt that is a folder, or a FIFO (which would wait for ever), in both languages', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'excerpt-words-'));
    try {
      await mkdir(join(dir, 'words.txt'));
      const notAFile = {
        words: [],
        issues: [
          {
            code: 'schema',
            severity: 'error',
            message: 'is not a plain file',
            file: join(dir, 'words.txt'),
            path: [],
            hint: 'move it away: the word list is a text file, one word a line',
            sv: {
              message: 'är inte en vanlig fil',
              hint: 'flytta den: ordlistan är en textfil med ett ord per rad',
            },
          },
        ],
      };
      expect(await readWordList(dir)).toEqual(notAFile);
      await rm(join(dir, 'words.txt'), { recursive: true });
      execFileSync('mkfifo', [join(dir, 'words.txt')]);
      expect(await readWordList(dir)).toEqual(notAFile);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

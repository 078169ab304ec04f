import { describe, expect, it } from 'vitest';
import { en } from '../../src/preview/client/i18n/en.js';
import { sv } from '../../src/preview/client/i18n/sv.js';

/** The server's problem titles (English, as the terminal says them) on the Swedish page. */
describe('problem titles on the page', () => {
  it('are said in Swedish, counts and campaign names kept', () => {
    expect(sv.problemTitle('The data does not load')).toBe('Datat går inte att läsa in');
    expect(sv.problemTitle('The data has a problem')).toBe('Datat har ett problem');
    expect(sv.problemTitle('The data has 3 problems')).toBe('Datat har 3 problem');
    expect(sv.problemTitle('Digital Pride 2020 cannot be laid out')).toBe(
      'Digital Pride 2020 går inte att dela upp i bilder',
    );
    expect(sv.problemTitle('The preview no longer follows changes')).toBe(
      'Studion följer inte längre ändringar',
    );
  });

  it('are left as they are in English, and when not known', () => {
    expect(en.problemTitle('The data has 3 problems')).toBe('The data has 3 problems');
    expect(sv.problemTitle('Sidan kunde inte läsas')).toBe('Sidan kunde inte läsas');
    expect(sv.problemTitle('constructor')).toBe('constructor');
  });
});

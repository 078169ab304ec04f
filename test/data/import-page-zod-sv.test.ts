import { describe, expect, it } from 'vitest';
import { importPage } from '../../src/data/import-page.js';
import { DataError } from '../../src/errors.js';

describe('importPage on an interview that does not come out valid', () => {
  it("passes on the Swedish of zod's problems with each one", () => {
    // A heading with no letter a–z or digit makes an empty campaign id.
    const page = [
      'Ωμέγα',
      'Vi intervjuade Anna Ek (kommunalråd). Ett utdrag publicerades på vår Instagram 16 december 2020.',
      '🎄 Hur arbetar Centerpartiet för att motverka våld?',
      'Med skolan.',
    ].join('\n\n');
    let caught: unknown;
    try {
      importPage(page, { source: 'page.txt' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DataError);
    expect((caught as DataError).issues.map(({ file, path, sv }) => ({ file, path, sv }))).toEqual([
      {
        file: 'page.txt',
        path: ['interviews', 0, 'id'],
        sv: {
          message:
            'ska vara <kampanj>/<parti>, båda kortnamn, till exempel adventsfragestund-2020/centerpartiet',
        },
      },
      {
        file: 'page.txt',
        path: ['interviews', 0, 'campaign'],
        sv: {
          message: 'ska vara ett kortnamn: små bokstäver a–z, siffror 0–9 och enstaka bindestreck',
        },
      },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { importPage } from '../../src/data/import-page.js';
import { generatePage, partyName } from '../helpers/generate-page.js';

describe('importPage on generated pages', () => {
  it.each([1, 2, 3, 5, 8, 13, 40])(
    'reads a page of %i interviews in one campaign as written',
    (interviews) => {
      const page = generatePage({ interviews });
      expect(importPage(page.text)).toEqual(page.expected);
    },
  );

  it.each([2, 3, 7, 40])(
    'reads a page of %i interviews in two campaigns as written',
    (interviews) => {
      const page = generatePage({ interviews, campaigns: 2 });
      expect(importPage(page.text)).toEqual(page.expected);
    },
  );

  it('gives distinct parties, every tenth of two words', () => {
    const names = Array.from({ length: 5000 }, (_, index) => partyName(index));
    expect(new Set(names).size).toBe(5000);
    expect(names.slice(8, 11)).toEqual(['Lubobopartiet', 'Mibobo Framåt', 'Nobobopartiet']);
  });
});

describe('importPage on a page of 1,000 interviews', () => {
  const page = generatePage({ interviews: 1000 });

  it('imports every interview with its party, date and questions', () => {
    const result = importPage(page.text);
    expect(result.campaigns).toEqual([
      { id: 'adventsfragestund-2020', title: 'Adventsfrågestund 2020', marker: '🎄' },
    ]);
    expect(result.interviews).toHaveLength(1000);
    expect(new Set(result.interviews.map((interview) => interview.id)).size).toBe(1000);
    expect(result.interviews.map((interview) => interview.party)).toEqual(
      page.expected.interviews.map((interview) => interview.party),
    );
    expect(result.interviews.map((interview) => interview.publishedOn)).toEqual(
      page.expected.interviews.map((interview) => interview.publishedOn),
    );
    expect(result.interviews.every((interview) => interview.qa.length === 6)).toBe(true);
    // And every word of every answer, where it belongs.
    expect(result).toEqual(page.expected);
  });

  it('takes about ten times as long as a page of 100, not a hundred times', () => {
    // The importer used to compare every interview of a campaign with every other: 1,000
    // interviews took minutes, 100 about a second. The machine is shared and noisy, so this
    // compares processor time (not wall time), the least of a few runs each, and the bound
    // leaves room both ways: linear work gives ~10, quadratic ~100.
    const small = generatePage({ interviews: 100 }).text;
    const leastTime = (text: string): number => {
      let least = Infinity;
      for (let run = 0; run < 3; run += 1) {
        const before = process.cpuUsage();
        importPage(text);
        const used = process.cpuUsage(before);
        least = Math.min(least, used.user + used.system);
      }
      return least;
    };
    leastTime(small); // compiles and warms up
    const ratio = leastTime(page.text) / leastTime(small);
    expect(ratio).toBeLessThan(30);
  });
});

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as DescribeZodIssues from '../../src/data/describe-zod-issues.js';
import type * as ImportPage from '../../src/data/import-page.js';
import type * as Errors from '../../src/errors.js';

// The Swedish of zod's problems is written in describeZodIssues, not in the importer: stand in for
// it with words of our own, to see that the importer passes them on. The unit tests share their
// modules between files (isolate: false), so the importer is loaded afresh over the stand-in, and
// the real modules are loaded afresh again afterwards for the files that follow.
const describer = '../../src/data/describe-zod-issues.js';
let importPage: typeof ImportPage.importPage;
let DataError: typeof Errors.DataError;

beforeAll(async () => {
  vi.doMock(describer, async (importOriginal) => {
    const actual = await importOriginal<typeof DescribeZodIssues>();
    return {
      ...actual,
      describeZodIssues: (...args: Parameters<typeof actual.describeZodIssues>) =>
        actual
          .describeZodIssues(...args)
          .map((issue) => ({ ...issue, sv: { message: `på svenska: ${issue.message}` } })),
    };
  });
  vi.resetModules();
  ({ importPage } = await import('../../src/data/import-page.js'));
  ({ DataError } = await import('../../src/errors.js'));
});

afterAll(() => {
  vi.doUnmock(describer);
  vi.resetModules();
});

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
    expect(
      (caught as Errors.DataError).issues.map(({ file, path, sv }) => ({ file, path, sv })),
    ).toEqual([
      {
        file: 'page.txt',
        path: ['interviews', 0, 'id'],
        sv: {
          message:
            'på svenska: must be <campaign-id>/<party>, both slugs, e.g. adventsfragestund-2020/centerpartiet',
        },
      },
      {
        file: 'page.txt',
        path: ['interviews', 0, 'campaign'],
        sv: { message: 'på svenska: must be a slug: lower case a–z, 0–9 and single dashes' },
      },
    ]);
  });
});

import { copyFileSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingOf, type Finding } from '../../src/cli/commands/check.js';
import { runChecks, type CheckReport } from '../../src/check/run-checks.js';
import { importPage, type ImportResult } from '../../src/data/import-page.js';
import { writeImport } from '../../src/data/write-import.js';
import { templates } from '../../templates/index.js';
import { makeWorkspace, removeWorkspaces, root, runExcerpt } from '../helpers/cli.js';

const page = join(root, 'test', 'fixtures', 'pages', 'politisk-paverkan-i-kommunen.txt');

// The source page as `excerpt import` writes it, typos and all: the communicator's first check.
let dataDir: string;
let imported: ImportResult;
let report: CheckReport;
/** The report's issues as `check --json` prints them. */
let errors: Finding[];
let warnings: Finding[];
beforeAll(async () => {
  dataDir = join(await mkdtemp(join(tmpdir(), 'excerpt-check-import-')), 'data');
  imported = importPage(readFileSync(page, 'utf8'), { source: page });
  await writeImport(imported, { dataDir });
  report = await runChecks(dataDir, { templates });
  errors = report.errors.map(findingOf);
  warnings = report.warnings.map(findingOf);
});
afterAll(async () => {
  await rm(join(dataDir, '..'), { recursive: true, force: true });
  removeWorkspaces();
});

const interviewFile = (id: string): string => join(dataDir, 'interviews', `${id}.yaml`);

describe('excerpt check on an unedited import of the source page', () => {
  it('reports the missing brand.yaml as the one error, with what it needs', () => {
    expect(errors).toEqual([
      {
        code: 'schema',
        message: 'is missing',
        file: join(dataDir, 'brand.yaml'),
        hint: 'every data folder needs a brand.yaml: organisation, handle, website, interviewsUrl, email, contactLine and themes',
      },
    ]);
    // Posts are not laid out without a brand: no slide counts yet.
    expect(report.fairness).toBeUndefined();
  });

  it("finds the page's real typos as spelling warnings naming file, field, Q&A and word", () => {
    const typo = (id: string, where: string, word: string, qa?: string): Finding =>
      expect.objectContaining({
        code: 'spelling',
        file: interviewFile(id),
        where,
        word,
        ...(qa === undefined ? {} : { qa }),
      }) as Finding;
    const advent = 'adventsfragestund-2020';
    expect(warnings).toEqual(
      expect.arrayContaining([
        typo(`${advent}/centerpartiet`, 'qa[0].answer[1]', 'Möertalet', 'q1'),
        typo(`${advent}/drevvikenpartiet`, 'qa[1].answer[1]', 'kränknigar', 'q2'),
        typo(`${advent}/drevvikenpartiet`, 'qa[3].answer[0]', 'statisik', 'q4'),
        typo(`${advent}/liberalerna`, 'qa[0].answer[1].list[2]', 'uppelever', 'q1'),
        typo(`${advent}/liberalerna`, 'qa[1].answer[2].list[2]', 'uppelever', 'q2'),
        typo(`${advent}/moderaterna`, 'interviewee.role', 'sekreterared'),
        typo(`${advent}/moderaterna`, 'intro', 'sekreterared'),
      ]),
    );
    const kränknigar = warnings.find((finding) => finding.word === 'kränknigar');
    expect(kränknigar).toEqual({
      code: 'spelling',
      message: '”kränknigar” (q2) is not in the Swedish dictionary',
      file: interviewFile(`${advent}/drevvikenpartiet`),
      where: 'qa[1].answer[1]',
      word: 'kränknigar',
      qa: 'q2',
      hint: `did you mean kränkningar, kräkningar or kärnknegar? If it is spelt right, add it to ${join(dataDir, 'words.txt')}`,
      line: 19,
      column: 9,
    });
    // Spelling is never an error.
    expect(errors.filter((finding) => finding.code === 'spelling')).toEqual([]);
  });

  it('flags no name of a person or party, and nothing but these words', () => {
    const flagged = new Set(warnings.map((finding) => finding.word));
    const names = imported.interviews.flatMap((interview) => [
      ...interview.party.split(/\s+/),
      ...interview.interviewee.name.split(/\s+/),
    ]);
    expect(names).toContain('Drevvikenpartiet');
    expect(names).toContain('Heelge');
    expect(names.filter((name) => flagged.has(name))).toEqual([]);
    expect([...flagged].sort((a, b) => (a ?? '').localeCompare(b ?? '', 'sv'))).toEqual(
      [
        // Typos of the page: the five above, and four more.
        'at', // "för at få stöd"
        'jämställshetsintegrering',
        'kontakförbud',
        'kontakförbudet',
        'kränknigar',
        'Möertalet',
        'sekreterared',
        'statisik',
        'uppelever',
        // Right, but not in the dictionary: the bundled data lists them in data/words.txt.
        'ANDTS',
        'Coronapandemin',
        'förebyggarteam',
        'MUCF',
        'MVP',
        'situationell',
        'Tallgårdens',
      ].sort((a, b) => a.localeCompare(b, 'sv')),
    );
    expect(warnings.every((finding) => finding.code === 'spelling')).toBe(true);
  });
});

describe('excerpt check on a fresh import, run as a user would', () => {
  it('exits 2 for the missing brand.yaml, and still reports the spelling', async () => {
    const cwd = makeWorkspace('check-import');
    const imported = await runExcerpt(['import', page], cwd);
    expect(imported.code).toBe(0);

    const result = await runExcerpt(['check', '--json'], cwd);
    expect(result.code).toBe(2);
    const json = JSON.parse(result.stdout) as { errors: Finding[]; warnings: Finding[] };
    expect(json.errors.map((finding) => [finding.file, finding.message])).toEqual([
      ['data/brand.yaml', 'is missing'],
    ]);
    expect(json.warnings.map((finding) => finding.word)).toEqual(
      expect.arrayContaining(['Möertalet', 'kränknigar', 'statisik', 'uppelever', 'sekreterared']),
    );

    // With a brand.yaml, spelling warnings alone exit 0.
    copyFileSync(join(root, 'data', 'brand.yaml'), join(cwd, 'data', 'brand.yaml'));
    const branded = await runExcerpt(['check'], cwd);
    expect(branded.code).toBe(0);
    expect(branded.stdout).toContain(
      '  warning  qa[1].answer[1]: ”kränknigar” (q2) is not in the Swedish dictionary  spelling',
    );
    expect(branded.stdout).toMatch(/! 0 errors, \d+ warnings in 13 files\n$/);
  });
});

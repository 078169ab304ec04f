import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBrand, loadData, loadInterviewFile } from '../../src/data/load.js';
import { DataError } from '../../src/errors.js';
import { formatPath } from '../../src/issue.js';
import type { Issue } from '../../src/issue.js';
import { expectSwedish, inEnglish } from '../helpers/issues.js';

/** Fixture folders as a relative path, the way `--data` is usually given. */
const fixtures = relative(
  process.cwd(),
  fileURLToPath(new URL('../fixtures/data', import.meta.url)),
);
const fixture = (name: string): string => join(fixtures, name);

async function dataErrorOf(promise: Promise<unknown>): Promise<DataError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DataError);
  return error as DataError;
}

const temporary: string[] = [];
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temporary copy of the valid fixture, to break in one more way. */
function copyOfValid(): string {
  const dir = mkdtempSync(join(tmpdir(), 'excerpt-load-'));
  temporary.push(dir);
  cpSync(fixture('valid'), dir, { recursive: true });
  return dir;
}

describe('loadData', () => {
  it('reads a valid data folder, sorted by id, with defaults applied and files known', async () => {
    const dir = fixture('valid');
    const data = await loadData(dir);

    expect(data.dir).toBe(dir);
    expect(data.brand.handle).toBe('@kraftbyran');
    expect(Object.keys(data.brand.themes)).toEqual(['default', 'advent', 'pride']);
    expect(data.campaigns.map((campaign) => campaign.id)).toEqual([
      'adventsfragestund-2020',
      'digital-pride-2020',
    ]);
    expect(data.interviews.map((interview) => interview.id)).toEqual([
      'adventsfragestund-2020/centerpartiet',
      'adventsfragestund-2020/vansterpartiet',
      'digital-pride-2020/centerpartiet',
    ]);

    const [advent, pride] = data.campaigns;
    expect(advent).toMatchObject({ format: 'square', time: '08:00', theme: 'advent' });
    expect(pride).toMatchObject({ format: 'portrait', time: '09:30', theme: 'pride' });
    expect(advent?.posts).toEqual([
      { date: '2020-12-16', interview: 'adventsfragestund-2020/centerpartiet', qa: ['q1', 'q2'] },
      { date: '2020-12-21', interview: 'adventsfragestund-2020/vansterpartiet', qa: ['q1'] },
    ]);
    expect(data.interviews[0]?.qa[1]?.answer).toEqual([
      'Några exempel på det som vi i Centerpartiet vill är:',
      {
        list: [
          'Fortsätta satsa på föräldrautbildningar.',
          'Fortsätta stödja kvinnojouren och Kraftbyrån.',
        ],
      },
    ]);

    expect(data.fileOf.brand).toBe(`${dir}/brand.yaml`);
    expect(data.fileOf.campaign('digital-pride-2020')).toBe(
      `${dir}/campaigns/digital-pride-2020.yaml`,
    );
    expect(data.fileOf.interview('adventsfragestund-2020/vansterpartiet')).toBe(
      `${dir}/interviews/adventsfragestund-2020/vansterpartiet.yaml`,
    );
  });

  const broken: [name: string, issues: Issue[]][] = [
    [
      'syntax-error',
      [
        {
          code: 'syntax',
          severity: 'error',
          file: `${fixture('syntax-error')}/interviews/adventsfragestund-2020/vansterpartiet.yaml`,
          path: [],
          message: 'Nested mappings are not allowed in compact mappings',
          hint: "put the text in quotes: a ': ' inside it, or a ':' ending the line, reads as a key in YAML",
          line: 12,
          column: 15,
        },
      ],
    ],
    [
      'missing-field',
      [
        {
          code: 'schema',
          severity: 'error',
          file: `${fixture('missing-field')}/interviews/digital-pride-2020/centerpartiet.yaml`,
          path: ['interviewee', 'role'],
          message: 'is missing',
          line: 4,
          column: 1,
        },
      ],
    ],
    [
      'unknown-qa',
      [
        {
          code: 'reference',
          severity: 'error',
          file: `${fixture('unknown-qa')}/campaigns/adventsfragestund-2020.yaml`,
          path: ['posts', 0, 'qa', 1],
          message: 'q9 is not a Q&A of adventsfragestund-2020/centerpartiet',
          hint: 'its Q&A ids are: q1, q2, q3',
          line: 9,
          column: 14,
        },
      ],
    ],
    [
      'duplicate-qa',
      [
        {
          code: 'reference',
          severity: 'error',
          file: `${fixture('duplicate-qa')}/interviews/adventsfragestund-2020/vansterpartiet.yaml`,
          path: ['qa', 1, 'id'],
          message: 'q1 is already the id of qa[0]',
          hint: 'every Q&A of an interview needs its own id (q1, q2, …)',
          line: 11,
          column: 5,
        },
      ],
    ],
    [
      'unknown-interview',
      [
        {
          code: 'reference',
          severity: 'error',
          file: `${fixture('unknown-interview')}/campaigns/adventsfragestund-2020.yaml`,
          path: ['posts', 1, 'interview'],
          message: 'no interview has the id adventsfragestund-2020/vansterpartie',
          hint: 'did you mean adventsfragestund-2020/vansterpartiet?',
          line: 11,
          column: 5,
        },
      ],
    ],
    [
      'campaign-id-mismatch',
      [
        {
          code: 'reference',
          severity: 'error',
          file: `${fixture('campaign-id-mismatch')}/campaigns/digital-pride-2020.yaml`,
          path: ['id'],
          message: 'is digital-pride but the file is named digital-pride-2020.yaml',
          hint: "a campaign's id and file name must match: set id: digital-pride-2020, or rename the file to digital-pride.yaml",
          line: 1,
          column: 1,
        },
      ],
    ],
    [
      'colon-list-item',
      [
        {
          code: 'schema',
          severity: 'error',
          file: `${fixture('colon-list-item')}/interviews/adventsfragestund-2020/centerpartiet.yaml`,
          path: ['qa', 1, 'answer', 0],
          message:
            'is a mapping {"Några exempel på det som vi i Centerpartiet vill är": null}, not text',
          hint: "put the text in quotes: a line ending in ':' reads as a key in YAML",
          line: 16,
          column: 9,
        },
      ],
    ],
  ];

  it.each(broken)('reports %s with its file and field', async (name, issues) => {
    const error = await dataErrorOf(loadData(fixture(name)));
    expect(inEnglish(error.issues)).toEqual(issues);
    expectSwedish(error.issues);
  });

  it('says it all in the message: file, field, what is wrong and the hint', async () => {
    const error = await dataErrorOf(loadData(fixture('colon-list-item')));
    expect(error.message).toBe(
      [
        'The data has a problem:',
        `  ${fixture('colon-list-item')}/interviews/adventsfragestund-2020/centerpartiet.yaml: qa[1].answer[0]: ` +
          `is a mapping {"Några exempel på det som vi i Centerpartiet vill är": null}, not text ` +
          "(put the text in quotes: a line ending in ':' reads as a key in YAML)",
      ].join('\n'),
    );
  });

  it('collects the problems of every file before it throws, in file order', async () => {
    const dir = copyOfValid();
    writeFileSync(
      join(dir, 'campaigns', 'digital-pride-2020.yaml'),
      'id: digital-pride-2020\ntitle: Digital Pride 2020\nmarker: 🌈\ntheme: prid\n',
    );
    writeFileSync(
      join(dir, 'interviews', 'adventsfragestund-2020', 'vansterpartiet.yaml'),
      'id: adventsfragestund-2020/vansterpartiet\n',
    );
    writeFileSync(join(dir, 'interviews', 'digital-pride-2020', 'centerpartiet.yaml'), 'a: [\n');

    const error = await dataErrorOf(loadData(dir));
    expect(
      error.issues.map((issue) => [
        issue.file?.slice(dir.length),
        formatPath(issue.path),
        issue.message,
      ]),
    ).toEqual([
      [
        '/campaigns/digital-pride-2020.yaml',
        'theme',
        'the theme prid is not defined in brand.yaml',
      ],
      ['/interviews/adventsfragestund-2020/vansterpartiet.yaml', 'campaign', 'is missing'],
      ['/interviews/adventsfragestund-2020/vansterpartiet.yaml', 'party', 'is missing'],
      ['/interviews/adventsfragestund-2020/vansterpartiet.yaml', 'interviewee', 'is missing'],
      ['/interviews/adventsfragestund-2020/vansterpartiet.yaml', 'publishedOn', 'is missing'],
      ['/interviews/adventsfragestund-2020/vansterpartiet.yaml', 'qa', 'is missing'],
      [
        '/interviews/digital-pride-2020/centerpartiet.yaml',
        'a',
        'the [ here is never closed: a list written this way ends with ]',
      ],
    ]);
    expect(error.issues.at(-1)).toMatchObject({ code: 'syntax', line: 1, column: 4 });
    // The post naming the unreadable interview is not reported again as unknown.
    expect(error.issues.find((issue) => issue.path[0] === 'posts')).toBeUndefined();
    expect(error.issues[0]?.hint).toBe(
      'did you mean pride? the themes are: default, advent, pride',
    );
  });

  it('says when the data folder does not exist', async () => {
    const error = await dataErrorOf(loadData(fixture('nowhere')));
    expect(error.issues).toEqual([
      {
        code: 'schema',
        severity: 'error',
        file: fixture('nowhere'),
        path: [],
        message: 'the data folder does not exist',
        hint: 'point --data at the folder that holds brand.yaml, campaigns/ and interviews/',
        sv: {
          message: 'datamappen finns inte',
          hint: 'starta studion med --data satt till mappen som har brand.yaml, campaigns/ och interviews/',
        },
      },
    ]);
  });

  it('says when brand.yaml is missing', async () => {
    const dir = copyOfValid();
    rmSync(join(dir, 'brand.yaml'));
    const error = await dataErrorOf(loadData(dir));
    expect(error.issues).toEqual([
      {
        code: 'schema',
        severity: 'error',
        file: join(dir, 'brand.yaml'),
        path: [],
        message: 'is missing',
        hint: 'every data folder needs a brand.yaml: organisation, handle, website, interviewsUrl, email, contactLine and themes',
        sv: {
          message: 'saknas',
          hint: 'varje datamapp behöver en brand.yaml: organisation, handle, website, interviewsUrl, email, contactLine och themes',
        },
      },
    ]);
  });

  it('does not silently skip a .yml file', async () => {
    const dir = copyOfValid();
    writeFileSync(join(dir, 'campaigns', 'sommar.yml'), 'id: sommar\n');
    const error = await dataErrorOf(loadData(dir));
    expect(error.issues).toEqual([
      {
        code: 'schema',
        severity: 'error',
        file: join(dir, 'campaigns', 'sommar.yml'),
        path: [],
        message: 'is not read: data files end in .yaml',
        hint: 'rename it to sommar.yaml',
        sv: {
          message: 'läses inte: datafiler slutar på .yaml',
          hint: 'byt namn på den till sommar.yaml',
        },
      },
    ]);
  });

  it('says so, rather than skipping it, when a data file is a link, a folder or a FIFO', async () => {
    const dir = copyOfValid();
    const elsewhere = mkdtempSync(join(tmpdir(), 'excerpt-load-elsewhere-'));
    temporary.push(elsewhere);
    const campaign = join(dir, 'campaigns', 'digital-pride-2020.yaml');
    renameSync(campaign, join(elsewhere, 'digital-pride-2020.yaml'));
    symlinkSync(join(elsewhere, 'digital-pride-2020.yaml'), campaign);
    const interviews = join(dir, 'interviews', 'adventsfragestund-2020');
    renameSync(interviews, join(elsewhere, 'adventsfragestund-2020'));
    symlinkSync(join(elsewhere, 'adventsfragestund-2020'), interviews);
    mkdirSync(join(dir, 'campaigns', 'sommar.yaml'));
    execFileSync('mkfifo', [join(dir, 'campaigns', 'vinter.yaml')]);
    rmSync(join(dir, 'brand.yaml'));
    execFileSync('mkfifo', [join(dir, 'brand.yaml')]);

    const issues = (await dataErrorOf(loadData(dir))).issues;
    const about = (file: string) => issues.find((issue) => issue.file === file)?.message;
    expect(about(campaign)).toMatch(/is a symbolic link/);
    expect(about(interviews)).toMatch(/is a symbolic link/);
    expect(about(join(dir, 'campaigns', 'sommar.yaml'))).toBe('is a folder, not a data file');
    expect(about(join(dir, 'campaigns', 'vinter.yaml'))).toBe('is not a plain file');
    expect(about(join(dir, 'brand.yaml'))).toBe('is not a plain file');
    // The linked campaign's interviews are not also told that their campaign is missing.
    expect(issues.filter((issue) => /no campaign has the id/.test(issue.message))).toEqual([]);
    const links = issues.filter((issue) => /symbolic/.test(issue.message));
    for (const issue of links) expect(issue.hint).toContain(issue.file);
    expectSwedish(links);
  });
});

describe('loadInterviewFile', () => {
  it('reads one interview, schema-checked', async () => {
    const interview = await loadInterviewFile(
      join(fixture('valid'), 'interviews', 'digital-pride-2020', 'centerpartiet.yaml'),
    );
    expect(interview.id).toBe('digital-pride-2020/centerpartiet');
    expect(interview.qa.map((qa) => qa.id)).toEqual(['q1', 'q2']);
  });

  it.each([
    ['colon-list-item', 'centerpartiet.yaml', 'qa[1].answer[0]'],
    ['duplicate-qa', 'vansterpartiet.yaml', 'qa[1].id'],
  ])('reports %s', async (name, file, where) => {
    const path = join(fixture(name), 'interviews', 'adventsfragestund-2020', file);
    const error = await dataErrorOf(loadInterviewFile(path));
    expect(error.issues.map((issue) => [issue.file, formatPath(issue.path)])).toEqual([
      [path, where],
    ]);
  });

  it('says when the file does not exist', async () => {
    const path = join(fixture('valid'), 'interviews', 'nobody.yaml');
    const error = await dataErrorOf(loadInterviewFile(path));
    expect(error.issues).toEqual([
      {
        code: 'syntax',
        severity: 'error',
        file: path,
        path: [],
        message: 'does not exist',
        sv: { message: 'finns inte' },
      },
    ]);
  });
});

describe('loadBrand', () => {
  it('reads brand.yaml alone', async () => {
    const brand = await loadBrand(fixture('valid'));
    expect(brand.organisation).toBe('Kraftbyrån');
  });

  it('names the field that is wrong', async () => {
    const dir = copyOfValid();
    writeFileSync(
      join(dir, 'brand.yaml'),
      'organisation: Kraftbyrån\nhandle: kraftbyran\nwebsite: kraftbyran.nu\ninterviewsUrl: kraftbyran.nu\n' +
        'email: info@kraftbyran.nu\ncontactLine: Hör av er!\nthemes: {}\n',
    );
    const error = await dataErrorOf(loadBrand(dir));
    expect(error.issues).toEqual([
      {
        code: 'schema',
        severity: 'error',
        file: join(dir, 'brand.yaml'),
        path: ['handle'],
        message: 'must be an Instagram handle, e.g. @kraftbyran',
        sv: { message: 'ska vara ett Instagramkonto, till exempel @kraftbyran' },
        line: 2,
        column: 1,
      },
      {
        code: 'schema',
        severity: 'error',
        file: join(dir, 'brand.yaml'),
        path: ['themes'],
        message: 'needs a theme named default',
        sv: { message: 'behöver ett tema som heter default' },
        line: 7,
        column: 1,
      },
    ]);
  });
});

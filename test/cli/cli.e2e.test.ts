import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Campaign, Interview } from '../../src/data/schema.js';
import { loadData } from '../../src/data/load.js';

/** The real binary, run as a user would: `node bin/excerpt.js …` (test/global-setup.ts builds). */
const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'excerpt.js');
const fixtures = join(root, 'test', 'fixtures', 'data');

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function excerpt(args: readonly string[], cwd: string): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const workspaces: string[] = [];
afterAll(() => {
  for (const dir of workspaces) rmSync(dir, { recursive: true, force: true });
});

/** A temporary folder holding a copy of a fixture as `data/`, so paths read `data/…`. */
function workspace(fixture: string): string {
  const dir = mkdtempSync(join(tmpdir(), `excerpt-cli-${fixture}-`));
  workspaces.push(dir);
  cpSync(join(fixtures, fixture), join(dir, 'data'), { recursive: true });
  return dir;
}

const stackLine = '    at ';

describe('excerpt list', () => {
  it('prints the data model as JSON with --json', async () => {
    const cwd = workspace('valid');
    const result = await excerpt(['list', '--json'], cwd);
    expect(result).toMatchObject({ code: 0, stderr: '' });

    const listed = JSON.parse(result.stdout) as { campaigns: Campaign[]; interviews: Interview[] };
    expect(Object.keys(listed)).toEqual(['campaigns', 'interviews']);
    const data = await loadData(join(cwd, 'data'));
    expect(listed).toEqual({ campaigns: data.campaigns, interviews: data.interviews });
    expect(listed.campaigns.map((campaign) => [campaign.id, campaign.posts.length])).toEqual([
      ['adventsfragestund-2020', 2],
      ['digital-pride-2020', 1],
    ]);
    expect(listed.interviews.map((interview) => interview.qa.map((qa) => qa.id))).toEqual([
      ['q1', 'q2', 'q3'],
      ['q1', 'q2'],
      ['q1', 'q2'],
    ]);
  });

  it('lists campaigns with their posts and interviews with their questions', async () => {
    const result = await excerpt(['list'], workspace('valid'));
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('  adventsfragestund-2020  Adventsfrågestund 2020 🎄');
    expect(result.stdout).toContain(
      '    2020-12-16  Centerpartiet   q1, q2  adventsfragestund-2020/centerpartiet',
    );
    expect(result.stdout).toContain(
      '    q2  Vilka konkreta insatser anser ni vara nödvändiga framöver …',
    );
  });

  it('reads --data after the command too', async () => {
    const cwd = workspace('valid');
    const result = await excerpt(['list', '--json', '--data', join(cwd, 'data')], root);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { interviews: unknown[] }).interviews).toHaveLength(3);
  });

  it('lists the bundled data (the default --data): 2 campaigns, 10 interviews, 10 posts', async () => {
    const result = await excerpt(['list', '--json'], root);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const listed = JSON.parse(result.stdout) as {
      campaigns: Campaign[];
      interviews: Interview[];
    };
    expect(listed.campaigns).toHaveLength(2);
    expect(listed.interviews).toHaveLength(10);
    expect(listed.campaigns.flatMap((campaign) => campaign.posts)).toHaveLength(10);
  });

  it('finds no problem in the bundled data', async () => {
    const result = await excerpt(['check'], root);
    expect(result).toMatchObject({ code: 0, stderr: '' });
  });
});

describe('excerpt check', () => {
  it('passes valid data with exit code 0, showing each party’s slides', async () => {
    const cwd = workspace('valid');
    expect(await excerpt(['check'], cwd)).toEqual({
      code: 0,
      stdout: [
        // The fixture asks Centerpartiet two questions and Vänsterpartiet one: a warning, exit 0.
        'data/campaigns/adventsfragestund-2020.yaml',
        "  9:5  warning  posts[0].qa: the post of 2020-12-16 (Centerpartiet) differs from the campaign's other posts: 2 questions where most parties get 1; asked what most parties are not: q2 “Vilka konkreta insatser anser ni vara nödvändiga framöver för ett framgångsrikt våldspreventivt arbete?”  fairness",
        "       hint: so no party looks favoured, give each party's post the same questions (choose the Q&A ids that ask them)",
        '',
        'Slides per party',
        '  adventsfragestund-2020  square, theme advent, 3–4 slides',
        '    2020-12-16  Centerpartiet   q1, q2   4  ▮▮▮▮',
        '    2020-12-21  Vänsterpartiet  q1       3  ▮▮▮',
        '  digital-pride-2020  portrait, theme pride, 4 slides',
        '    2020-07-31  Centerpartiet  q1, q2   4  ▮▮▮▮',
        '',
        '! 0 errors, 1 warning in 6 files',
        '',
      ].join('\n'),
      stderr: '',
    });
    const result = await excerpt(['check', '--json'], cwd);
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    const json = JSON.parse(result.stdout) as {
      errors: unknown[];
      warnings: unknown[];
      fairness: { campaign: string; posts: { party: string; slides: number }[] }[];
    };
    expect(Object.keys(json)).toEqual(['errors', 'warnings', 'fairness']);
    expect({
      errors: json.errors,
      warnings: json.warnings.map((w) => (w as { code: string }).code),
    }).toEqual({
      errors: [],
      warnings: ['fairness'],
    });
    expect(
      json.fairness.map(({ campaign, posts }) => [
        campaign,
        posts.map(({ party, slides }) => [party, slides]),
      ]),
    ).toEqual([
      [
        'adventsfragestund-2020',
        [
          ['Centerpartiet', 4],
          ['Vänsterpartiet', 3],
        ],
      ],
      ['digital-pride-2020', [['Centerpartiet', 4]]],
    ]);
  });

  it('lists findings by file, then a summary, and exits 2', async () => {
    const result = await excerpt(['check'], workspace('colon-list-item'));
    expect(result).toEqual({
      code: 2,
      stdout: [
        'data/interviews/adventsfragestund-2020/centerpartiet.yaml',
        '  16:9  error    qa[1].answer[0]: is a mapping {"Några exempel på det som vi i Centerpartiet vill är": null}, not text  schema',
        "        hint: put the text in quotes: a line ending in ':' reads as a key in YAML",
        '',
        '✖ 1 error, 0 warnings in 6 files',
        '',
      ].join('\n'),
      stderr: 'error: check found 1 error\nhint: fix it and run excerpt check again\n',
    });
  });

  it('prints {errors, warnings} with --json', async () => {
    const result = await excerpt(['check', '--json'], workspace('unknown-qa'));
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual({
      errors: [
        {
          code: 'reference',
          message: 'q9 is not a Q&A of adventsfragestund-2020/centerpartiet',
          file: 'data/campaigns/adventsfragestund-2020.yaml',
          where: 'posts[0].qa[1]',
          hint: 'its Q&A ids are: q1, q2, q3',
          line: 9,
          column: 14,
        },
      ],
      warnings: [],
    });
  });
});

describe('broken data', () => {
  const broken: [fixture: string, problem: string, hint?: string][] = [
    [
      'syntax-error',
      'data/interviews/adventsfragestund-2020/vansterpartiet.yaml:12:15: Nested mappings are not allowed in compact mappings',
      "put the text in quotes: a ': ' inside it, or a ':' ending the line, reads as a key in YAML",
    ],
    [
      'missing-field',
      'data/interviews/digital-pride-2020/centerpartiet.yaml: interviewee.role: is missing',
    ],
    [
      'unknown-qa',
      'data/campaigns/adventsfragestund-2020.yaml: posts[0].qa[1]: q9 is not a Q&A of adventsfragestund-2020/centerpartiet',
      'its Q&A ids are: q1, q2, q3',
    ],
    [
      'duplicate-qa',
      'data/interviews/adventsfragestund-2020/vansterpartiet.yaml: qa[1].id: q1 is already the id of qa[0]',
      'every Q&A of an interview needs its own id (q1, q2, …)',
    ],
    [
      'unknown-interview',
      'data/campaigns/adventsfragestund-2020.yaml: posts[1].interview: no interview has the id adventsfragestund-2020/vansterpartie',
      'did you mean adventsfragestund-2020/vansterpartiet?',
    ],
    [
      'campaign-id-mismatch',
      'data/campaigns/digital-pride-2020.yaml: id: is digital-pride but the file is named digital-pride-2020.yaml',
      "a campaign's id and file name must match: set id: digital-pride-2020, or rename the file to digital-pride.yaml",
    ],
    [
      'colon-list-item',
      'data/interviews/adventsfragestund-2020/centerpartiet.yaml: qa[1].answer[0]: is a mapping {"Några exempel på det som vi i Centerpartiet vill är": null}, not text',
      "put the text in quotes: a line ending in ':' reads as a key in YAML",
    ],
  ];

  it.each(broken)(
    '%s: list exits 2 naming the file and field, no stack',
    async (fixture, problem, hint) => {
      const result = await excerpt(['list'], workspace(fixture));
      expect(result).toEqual({
        code: 2,
        stdout: '',
        stderr: [
          'error: the data has a problem:',
          `  ${problem}`,
          ...(hint === undefined ? [] : [`    hint: ${hint}`]),
          '',
        ].join('\n'),
      });
      expect(result.stderr).not.toContain(stackLine);
    },
  );

  it.each(broken)('%s: check exits 2 and reports it', async (fixture) => {
    const result = await excerpt(['check', '--json'], workspace(fixture));
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain(stackLine);
    const { errors } = JSON.parse(result.stdout) as { errors: { file: string }[] };
    expect(errors).toHaveLength(1);
    expect(errors[0]?.file).toMatch(/^data\/(campaigns|interviews)\/.+\.yaml$/);
  });

  it('a missing data folder exits 2 with a hint', async () => {
    const result = await excerpt(['--data', 'nowhere', 'list'], workspace('valid'));
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: [
        'error: the data has a problem:',
        '  nowhere: the data folder does not exist',
        '    hint: point --data at the folder that holds brand.yaml, campaigns/ and interviews/',
        '',
      ].join('\n'),
    });
  });
});

describe('usage', () => {
  it('an unknown command exits 2 with a message and a hint, no stack', async () => {
    const result = await excerpt(['lsit'], root);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: "error: unknown command 'lsit'\n(Did you mean list?)\nhint: see excerpt --help\n",
    });
  });

  it('an unknown option exits 2', async () => {
    const result = await excerpt(['list', '--jsno'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "error: unknown option '--jsno'\n(Did you mean --json?)\nhint: see excerpt list --help\n",
    );
  });

  it('no command exits 2, after the help', async () => {
    const result = await excerpt([], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Usage: excerpt \[options\] \[command\]/);
    expect(result.stderr).toMatch(/error: a command is needed\n/);
  });

  it('--help exits 0 and shows the defaults', async () => {
    const result = await excerpt(['--help'], root);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Usage: excerpt \[options\] \[command\]/);
    // Commander wraps help to the terminal's width: compare with the wrapping undone.
    const help = result.stdout.replace(/\s+/g, ' ');
    expect(help).toContain(
      '--data <dir> the data folder: brand.yaml, campaigns/, interviews/ (default: "data")',
    );
    expect(help).toContain('--out <dir> where generated posts are written (default: "out")');
    expect(result.stdout).toMatch(/\n {2}list \[options\]/);
    expect(result.stdout).toMatch(/\n {2}check \[options\]/);
  });

  it('a command’s --help exits 0 and lists the global options', async () => {
    const result = await excerpt(['check', '--help'], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: excerpt check \[options\]/);
    expect(result.stdout).toContain('Global Options:');
  });

  it('--version exits 0 and prints the version', async () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      version: string;
    };
    const result = await excerpt(['--version'], root);
    expect(result).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import {
  makeWorkspace,
  removeWorkspaces,
  root,
  runExcerpt,
  type CliResult,
} from '../helpers/cli.js';

afterAll(removeWorkspaces);

/**
 * Data that tries to drive the terminal: ESC sequences that set the window title and clear the
 * screen, BEL, an 8-bit CSI, a bidi override. Whatever a command prints of it, on stdout or
 * stderr, must show these characters as text (`\u001b`), never raw.
 */
// eslint-disable-next-line no-control-regex -- what must never be printed raw
const raw = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const party = 'Center\u001b]0;PWNED\u0007partiet\u009b2J\u202e';
const shownParty = 'Center\\u001b]0;PWNED\\u0007partiet\\u009b2J\\u202e';
const title = 'Adventsfrågestund\u001b[2J 2020';
const shownTitle = 'Adventsfrågestund\\u001b[2J 2020';

function setIn(file: string, path: (string | number)[], value: unknown): void {
  const document = parseDocument(readFileSync(file, 'utf8'));
  document.setIn(path, value);
  writeFileSync(file, document.toString());
}

function expectNothingRaw(result: CliResult): void {
  expect(result.stdout).not.toMatch(raw);
  expect(result.stderr).not.toMatch(raw);
}

let cwd: string;
beforeAll(() => {
  cwd = makeWorkspace('controls', join(root, 'data'));
  setIn(join(cwd, 'data/interviews/adventsfragestund-2020/centerpartiet.yaml'), ['party'], party);
  setIn(join(cwd, 'data/campaigns/adventsfragestund-2020.yaml'), ['title'], title);
});

describe('control characters in the data are printed escaped', () => {
  it('list', async () => {
    const result = await runExcerpt(['list'], cwd);
    expect(result.code).toBe(0);
    expectNothingRaw(result);
    expect(result.stdout).toContain(`  adventsfragestund-2020  ${shownTitle} 🎄`);
    expect(result.stdout).toContain(`  adventsfragestund-2020/centerpartiet  ${shownParty}: `);
  });

  it('list --json: the same values, as JSON escapes', async () => {
    const result = await runExcerpt(['list', '--json'], cwd);
    expect(result.code).toBe(0);
    expectNothingRaw(result);
    const listed = JSON.parse(result.stdout) as {
      campaigns: { title: string }[];
      interviews: { id: string; party: string }[];
    };
    expect(listed.campaigns[0]?.title).toBe(title);
    expect(
      listed.interviews.find((interview) => interview.id.endsWith('/centerpartiet'))?.party,
    ).toBe(party);
  });

  it('check: its findings and the slides per party', async () => {
    const result = await runExcerpt(['check'], cwd);
    expect(result.code).toBe(2);
    expectNothingRaw(result);
    expect(result.stdout).toContain('cannot draw ”\\u001b” (U+001B)');
    expect(result.stdout).toContain(`2020-12-16  ${shownParty}`);
  });

  it('render: the error naming the character', async () => {
    const result = await runExcerpt(
      ['render', 'adventsfragestund-2020/centerpartiet', '--out', 'post'],
      cwd,
    );
    expect(result.code).toBe(2);
    expectNothingRaw(result);
    expect(result.stderr).toContain('party: cannot draw ”\\u0007” (U+0007)');
  });

  it('render: an interview id from the command line, echoed in the error', async () => {
    const result = await runExcerpt(['render', 'x\u001b]0;t\u0007', '--out', 'post'], cwd);
    expect(result.code).toBe(2);
    expectNothingRaw(result);
    expect(result.stderr).toContain('no interview with id x\\u001b]0;t\\u0007 in data');
  });

  it('build: its progress and summary, naming an --out folder', async () => {
    const out = 'out\u001b]0;x\u0007';
    const result = await runExcerpt(
      ['build', 'digital-pride-2020', '--only', '2020-07-30', '--out', out],
      cwd,
    );
    expect(result.stderr).not.toContain('error');
    expect(result.code).toBe(0);
    expectNothingRaw(result);
    expect(result.stderr).toContain('out\\u001b]0;x\\u0007/digital-pride-2020/');
    expect(result.stdout).toContain('  out\\u001b]0;x\\u0007/digital-pride-2020  1 posts');
  });

  it('a data file whose name holds control characters: check and the loader’s error', async () => {
    const dir = makeWorkspace('controls-file', join(root, 'data'));
    const interviews = join(dir, 'data/interviews/adventsfragestund-2020');
    copyFileSync(join(interviews, 'liberalerna.yaml'), join(interviews, 'x\u001b[2J\u202e.yaml'));
    const checked = await runExcerpt(['check'], dir);
    expect(checked.code).toBe(2);
    expectNothingRaw(checked);
    expect(checked.stdout).toContain(
      'data/interviews/adventsfragestund-2020/x\\u001b[2J\\u202e.yaml',
    );
    const listed = await runExcerpt(['list'], dir);
    expect(listed.code).toBe(2);
    expectNothingRaw(listed);
    expect(listed.stderr).toContain('x\\u001b[2J\\u202e.yaml');
  });

  it('import: the files written, into a --data folder named with control characters', async () => {
    const dir = makeWorkspace('controls-import');
    const result = await runExcerpt(
      ['import', join(root, 'test/fixtures/pages/sommarsnack-2021.txt'), '--data', 'data\u001b[2J'],
      dir,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expectNothingRaw(result);
    expect(result.stdout).toMatch(/^wrote data\\u001b\[2J\/campaigns\//m);
  });
});

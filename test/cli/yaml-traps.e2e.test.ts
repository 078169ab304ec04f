import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/cli/commands/check.js';
import { makeWorkspace, removeWorkspaces, root, runExcerpt, stackLine } from '../helpers/cli.js';

afterAll(removeWorkspaces);

const valid = join(root, 'test', 'fixtures', 'data', 'valid');
const interview = 'data/interviews/adventsfragestund-2020/centerpartiet.yaml';
const campaign = 'data/campaigns/adventsfragestund-2020.yaml';
const brand = 'data/brand.yaml';

/** A copy of the valid fixture as `data/`, with `from` replaced by `to` in `file`. */
function workspaceWith(file: string, from: string, to: string): string {
  const cwd = makeWorkspace('yaml-trap', valid);
  const path = join(cwd, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} does not contain ${from}`);
  writeFileSync(path, text.replace(from, to));
  return cwd;
}

const billionLaughs = [
  'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
  ...'bcdefghijklmnopqrstuvwxyz'.split('').map(
    (name, index) =>
      `${name}: &${name} [${Array(9)
        .fill(`*${'abcdefghijklmnopqrstuvwxy'.charAt(index)}`)
        .join(', ')}]`,
  ),
  '',
].join('\n');

interface Trap {
  name: string;
  /** The file changed, and the text changed in it. */
  file: string;
  from: string;
  to: string;
  /** The one finding `check --json` reports. */
  finding: Omit<Finding, 'code' | 'file'> & { line: number; column: number };
}

const traps: Trap[] = [
  {
    name: 'a " #" in an answer',
    file: interview,
    from: 'nollvision för våld',
    to: 'nollvision för #våld',
    finding: {
      message:
        '"#våld och förtryck i nära relationer." would be lost: YAML reads " #" and the rest of the line as a comment',
      where: 'qa[0].answer[0]',
      hint: 'put the whole text in quotes ("…"), so the # stays part of it; a note of your own goes on a line of its own',
      line: 11,
      column: 49,
    },
  },
  {
    name: 'an answer starting with *',
    file: interview,
    from: '- Centerpartiet stödjer',
    to: '- *Viktigt* Centerpartiet stödjer',
    finding: {
      message: '"*Viktigt*" reads as a YAML alias (a reference to an anchor), not as text',
      where: 'qa[0].answer[1]',
      hint: 'put the whole text in quotes ("…")',
      line: 12,
      column: 9,
    },
  },
  {
    name: 'an interviewee whose } is missing',
    file: interview,
    from: 'role: kommunalråd }',
    to: 'role: kommunalråd',
    finding: {
      message: 'the { here is never closed: a mapping written this way ends with }',
      where: 'interviewee',
      hint: 'end the mapping with }, e.g. { name: …, role: … }; put text holding , [ ] { } or # in quotes',
      line: 4,
      column: 14,
    },
  },
  {
    name: 'a hashtag written with #',
    file: campaign,
    from: 'hashtags: [Huddinge',
    to: 'hashtags: [#Huddinge',
    finding: {
      message:
        '"#Huddinge, Adventsfrågestund]" would be lost: inside [ ], YAML reads # and the rest of the line as a comment, so the [ is never closed',
      where: 'hashtags',
      hint: 'write hashtags without #, e.g. hashtags: [Huddinge, Botkyrka]',
      line: 5,
      column: 12,
    },
  },
  {
    name: 'a colour without quotes',
    file: brand,
    from: '{ background: "#FFFFFF", text',
    to: '{ background: #FFFFFF, text',
    finding: {
      message:
        '"#FFFFFF, text: "#1C1B22", muted: "#55525E", accent: "#6E2160" }" would be lost: inside { }, YAML reads # and the rest of the line as a comment, so the { is never closed',
      where: 'themes.default.light',
      hint: 'put text holding # in quotes ("…")',
      line: 10,
      column: 26,
    },
  },
];

describe('excerpt on YAML that would lose or garble words', () => {
  it.concurrent.each(traps)(
    '$name: list and build exit 2 naming file, line and field, no stack',
    async ({ file, from, to, finding }) => {
      const cwd = workspaceWith(file, from, to);
      const expected = [
        'error: the data has a problem:',
        `  ${file}:${String(finding.line)}:${String(finding.column)}: ${finding.where ?? ''}: ${finding.message}`,
        `    hint: ${finding.hint ?? ''}`,
        '',
      ].join('\n');
      for (const command of ['list', 'build']) {
        const result = await runExcerpt([command], cwd);
        expect({ command, ...result }).toEqual({ command, code: 2, stdout: '', stderr: expected });
      }
    },
  );

  it.concurrent.each(traps)(
    '$name: check --json gives one finding with its line',
    async ({ file, from, to, finding }) => {
      const result = await runExcerpt(['check', '--json'], workspaceWith(file, from, to));
      expect(result.code).toBe(2);
      expect(result.stderr).not.toContain(stackLine);
      const { errors } = JSON.parse(result.stdout) as { errors: Finding[] };
      expect(errors).toEqual([{ code: 'schema', file, ...finding }]);
    },
  );

  it('a "billion laughs" interview: list exits 2 at once, a line per anchor, no stack', async () => {
    const cwd = makeWorkspace('yaml-trap', valid);
    writeFileSync(join(cwd, interview), billionLaughs);
    const started = performance.now();
    const result = await runExcerpt(['list'], cwd);
    // Generous: node starts in about a second; an expansion would take minutes or all memory.
    expect(performance.now() - started).toBeLessThan(5000);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain(stackLine);
    expect(result.stderr).toMatch(/^error: the data has 26 problems:\n/);
    expect(result.stderr).toContain(
      `  ${interview}:2:4: b: "&b" reads as a YAML anchor (a name for reuse) and would be dropped from the text\n`,
    );
  });
});

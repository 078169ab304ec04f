import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { editYamlText } from '../../src/data/edit-yaml.js';
import { InputError } from '../../src/errors.js';
import { diffSequences } from '../../src/data/sequence-diff.js';
import { root } from '../helpers/cli.js';

const interviewFile = join(
  root,
  'data',
  'interviews',
  'adventsfragestund-2020',
  'centerpartiet.yaml',
);
const campaignFile = join(root, 'data', 'campaigns', 'adventsfragestund-2020.yaml');

/** The lines that differ between two texts, as [before, after] pairs. */
function changedLines(before: string, after: string): [string, string][] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b).toHaveLength(a.length);
  return a.flatMap((line, index): [string, string][] =>
    line === b[index] ? [] : [[line, b[index] ?? '']],
  );
}

describe('editYamlText', () => {
  it('changes one answer paragraph and no other byte: comments, { spaced } flow maps and order stay', () => {
    const text = readFileSync(interviewFile, 'utf8');
    const answer = (parse(text) as { qa: { answer: string[] }[] }).qa[0]!.answer[2]!;
    const edited = editYamlText(text, [
      { op: 'set', path: ['qa', 0, 'answer', 2], value: `${answer} Vi ses!` },
    ]);
    expect(changedLines(text, edited)).toEqual([
      [`      - ${answer}`, `      - ${answer} Vi ses!`],
    ]);
    expect(edited).toContain('interviewee: { name: Christian Ottosson, role: kommunalråd }');
    expect(edited.startsWith('# Imported by `excerpt import`.')).toBe(true);
  });

  it('keeps a campaign’s unspaced flow lists, and writes a replaced qa list on one line as before', () => {
    const text = readFileSync(campaignFile, 'utf8');
    const edited = editYamlText(text, [
      { op: 'set', path: ['posts', 1, 'qa'], value: ['q2', 'q3'] },
    ]);
    expect(changedLines(text, edited)).toEqual([['    qa: [q1, q6]', '    qa: [q2, q3]']]);
  });

  it('writes a post added to a schedule as its neighbours are written', () => {
    const text = readFileSync(campaignFile, 'utf8');
    const edited = editYamlText(text, [
      {
        op: 'insert',
        path: ['posts'],
        value: { date: '2020-12-23', interview: 'adventsfragestund-2020/x', qa: ['q1', 'q2'] },
      },
    ]);
    expect(edited).toBe(
      `${text}  - date: 2020-12-23\n    interview: adventsfragestund-2020/x\n    qa: [q1, q2]\n`,
    );
  });

  it.each([
    'Vi redovisar öppet på #Huddinge kommuns webbplats.',
    '*Viktigt* att alla vet.',
    '&ankare först',
    'Några exempel på det som vi vill är:',
    '"Vi vill" sa hon.',
    '| och > betyder något',
    '@kraftbyran tycker',
    '- ett streck först',
    'true',
    '2020-12-16',
    'Två\u00a0ord med hårt mellanslag',
    'nyckel: värde',
  ])('writes %j so that it reads back verbatim', (value) => {
    const text = readFileSync(interviewFile, 'utf8');
    const edited = editYamlText(text, [{ op: 'set', path: ['qa', 1, 'answer', 0], value }]);
    expect((parse(edited) as { qa: { answer: unknown[] }[] }).qa[1]!.answer[0]).toBe(value);
  });

  it('keeps lines it does not touch as written, even where a file spaces its flow collections both ways', () => {
    const text = readFileSync(join(root, 'data', 'brand.yaml'), 'utf8');
    const edited = editYamlText(text, [{ op: 'set', path: ['website'], value: 'example.org' }]);
    expect(changedLines(text, edited)).toEqual([
      [expect.stringMatching(/^website: /), 'website: example.org'],
    ]);
  });

  it('keeps Windows line ends', () => {
    const text = 'a: 1 # one\r\nb: [x, y]\r\nc: text\r\n';
    expect(editYamlText(text, [{ op: 'set', path: ['c'], value: 'other' }])).toBe(
      'a: 1 # one\r\nb: [x, y]\r\nc: other\r\n',
    );
  });

  it('deletes a field and an item, and writes a new file from a value', () => {
    expect(editYamlText('a: 1\nb: [x, y, z]\n', [{ op: 'delete', path: ['b', 1] }])).toBe(
      'a: 1\nb: [x, z]\n',
    );
    expect(editYamlText('a: 1 # keep\nb: 2\n', [{ op: 'delete', path: ['b'] }])).toBe(
      'a: 1 # keep\n',
    );
    expect(editYamlText(null, [{ op: 'set', path: [], value: { id: 'x', tags: ['a'] } }])).toBe(
      'id: x\ntags:\n  - a\n',
    );
  });

  it('refuses a path that is not in the file, naming it', () => {
    const text = readFileSync(interviewFile, 'utf8');
    const edit = (): string =>
      editYamlText(text, [{ op: 'set', path: ['qa', 40, 'question'], value: 'x' }]);
    expect(edit).toThrow(InputError);
    expect(edit).toThrow('qa[40] is not a field in the file');
    expect(() => editYamlText(text, [{ op: 'delete', path: ['nothing'] }])).toThrow(
      'nothing is not a field in the file',
    );
    expect(() =>
      editYamlText(text, [{ op: 'set', path: ['qa', 0, 'answer', 9], value: 'x' }]),
    ).toThrow('qa[0].answer[9] is not an item in the file');
  });
});

describe('diffSequences', () => {
  it.each([
    [[], [], ''],
    [['a', 'b', 'c'], ['a', 'b', 'c'], '=a =b =c'],
    [['a', 'b', 'c'], ['a', 'x', 'c'], '=a -b +x =c'],
    [['a', 'b'], ['a', 'b', 'c'], '=a =b +c'],
    [['a', 'b', 'c', 'd'], ['b', 'd', 'e'], '-a =b -c =d +e'],
  ])('diffs %j to %j', (before, after, expected) => {
    const steps = diffSequences(before, after).map(
      (step) => `${{ same: '=', removed: '-', added: '+' }[step.kind]}${step.item}`,
    );
    expect(steps.join(' ')).toBe(expected);
  });
});

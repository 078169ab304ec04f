import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataWriter, editDataFile } from '../../src/preview/edits/data-writer.js';
import { versionOf } from '../../src/preview/edits/data-files.js';
import { History } from '../../src/preview/edits/history.js';
import { root } from '../helpers/cli.js';

let dataDir: string;
const file = 'interviews/digital-pride-2020/liberalerna.yaml';
const path = (inside: string): string => join(dataDir, ...inside.split('/'));

beforeEach(() => {
  dataDir = join(mkdtempSync(join(tmpdir(), 'excerpt-writer-')), 'data');
  cpSync(join(root, 'data'), dataDir, { recursive: true });
});
afterEach(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));

const current = (inside = file): string | null =>
  existsSync(path(inside)) ? readFileSync(path(inside), 'utf8') : null;

describe('DataWriter', () => {
  it('keeps the last changes only, and prunes the texts no change needs', async () => {
    const writer = new DataWriter(dataDir, { historyLimit: 3 });
    const texts: (string | null)[] = [current()];
    for (const role of ['ett', 'två', 'tre', 'fyra', 'fem']) {
      const result = await writer.change(`roll ${role}`, [
        {
          file,
          baseVersion: versionOf(current()),
          edit: [{ op: 'set', path: ['interviewee', 'role'], value: role }],
        },
      ]);
      expect(result.ok).toBe(true);
      texts.push(current());
    }
    const entries = await new History(dataDir).entries();
    expect(entries.map((entry) => entry.label)).toEqual(['roll tre', 'roll fyra', 'roll fem']);
    // The versions of texts 2–5 are needed (befores and afters of the last three changes).
    const kept = readdirSync(join(dataDir, '.excerpt-history', 'texts')).sort();
    expect(kept).toEqual(
      texts
        .slice(2)
        .map((text) => `${versionOf(text)}.txt`)
        .sort(),
    );

    for (const expected of [texts[4], texts[3], texts[2]]) {
      expect((await writer.undo()).ok).toBe(true);
      expect(current()).toBe(expected);
    }
    expect(await writer.undo()).toEqual({ ok: false, reason: 'nothing' });
  });

  it('makes a change of several files one step: a new file and an edit, undone and redone together', async () => {
    const writer = new DataWriter(dataDir);
    const campaign = 'campaigns/digital-pride-2020.yaml';
    const newInterview = 'interviews/digital-pride-2020/moderaterna.yaml';
    const interviewText = current()!
      .replace('id: digital-pride-2020/liberalerna', 'id: digital-pride-2020/moderaterna')
      .replace('party: Liberalerna', 'party: Moderaterna');
    const before = current(campaign);
    const result = await writer.change('Import', [
      { file: newInterview, baseVersion: null, edit: { text: interviewText } },
      {
        file: campaign,
        baseVersion: versionOf(before),
        edit: [
          {
            op: 'insert',
            path: ['posts'],
            value: { date: '2020-08-01', interview: 'digital-pride-2020/moderaterna', qa: ['q1'] },
          },
        ],
      },
    ]);
    expect(result.ok).toBe(true);
    const after = current(campaign);
    expect(after).toContain('interview: digital-pride-2020/moderaterna');

    expect((await writer.undo()).ok).toBe(true);
    expect(current(newInterview)).toBeNull();
    expect(current(campaign)).toBe(before);
    expect((await writer.redo()).ok).toBe(true);
    expect(current(newInterview)).toBe(interviewText);
    expect(current(campaign)).toBe(after);
  });

  it('refuses a change that would break a reference, and writes no file of it', async () => {
    const writer = new DataWriter(dataDir);
    const campaign = 'campaigns/digital-pride-2020.yaml';
    const before = current(campaign);
    const result = await writer.change('Import', [
      {
        file: campaign,
        baseVersion: versionOf(before),
        edit: [
          {
            op: 'insert',
            path: ['posts'],
            value: { date: '2020-08-01', interview: 'digital-pride-2020/moderaterna', qa: ['q1'] },
          },
        ],
      },
    ]);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.reason).toBe('invalid');
    expect(current(campaign)).toBe(before);
    expect(existsSync(join(dataDir, '.excerpt-history'))).toBe(false);
  });

  it('refuses to break a file, but lets a file broken by hand be: an edit elsewhere and its fix go through', async () => {
    const broken = 'interviews/digital-pride-2020/centerpartiet.yaml';
    const writer = new DataWriter(dataDir);
    const good = current(broken)!;
    const breaking = await writer.change('break', [
      { file: broken, baseVersion: versionOf(good), edit: { text: 'id: [\n' } },
    ]);
    expect(breaking.ok === false && breaking.reason).toBe('invalid');
    expect(current(broken)).toBe(good);

    writeFileSync(path(broken), 'id: [\n');
    const elsewhere = await writer.change('Roll', [
      {
        file,
        baseVersion: versionOf(current()),
        edit: [{ op: 'set', path: ['interviewee', 'role'], value: 'gruppledare' }],
      },
    ]);
    expect(elsewhere.ok).toBe(true);
    const fix = await writer.change('fix', [
      { file: broken, baseVersion: versionOf('id: [\n'), edit: { text: good } },
    ]);
    expect(fix.ok).toBe(true);
    expect(current(broken)).toBe(good);
  });

  it('edits through editDataFile, the one function other modules call', async () => {
    const result = await editDataFile({
      dataDir,
      file,
      baseVersion: versionOf(current()),
      edit: [{ op: 'set', path: ['interviewee', 'role'], value: 'gruppledare' }],
      label: 'Roll',
    });
    expect(result).toMatchObject({ ok: true, change: { label: 'Roll' } });
    expect(current()).toContain('role: gruppledare');
    if (result.ok) expect(result.versions[file]).toBe(versionOf(current()));
  });
});

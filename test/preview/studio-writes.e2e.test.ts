import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inspectData } from '../../src/data/load.js';
import { editYamlText } from '../../src/data/edit-yaml.js';
import type { EditReply, FileReply, HistoryReply } from '../../src/preview/page-protocol.js';
import { startFixture, type PreviewFixture } from './fixture.js';
import { send, tokenOf } from './write-client.js';

/**
 * The studio's write path, through HTTP as the page uses it: the guard in front of every write,
 * conflicts with what changed on disk, validation by the loader, undo and redo.
 */

let fixture: PreviewFixture;
let token: string;
const file = 'interviews/adventsfragestund-2020/centerpartiet.yaml';
let path: string;
let original: string;

beforeAll(async () => {
  fixture = await startFixture('writes');
  token = await tokenOf(fixture.server.url);
  path = join(fixture.dataDir, ...file.split('/'));
  original = readFileSync(path, 'utf8');
});
afterAll(async () => {
  await fixture?.close();
});
beforeEach(() => writeFileSync(path, original));

const fileReply = (): Promise<FileReply> =>
  fixture.getJson<FileReply>(`/api/file?path=${encodeURIComponent(file)}`);

/** An edit of the role, as the page would send it. */
async function roleEdit(role: string): Promise<object> {
  return {
    file,
    baseVersion: (await fileReply()).version,
    operations: [{ op: 'set', path: ['interviewee', 'role'], value: role }],
    label: 'Roll',
  };
}

describe('studio writes: the guard in front of every change', () => {
  const refusals: [string, (url: string) => Parameters<typeof send>[2]][] = [
    ['from another origin', () => ({ headers: { Origin: 'http://attacker.example' } })],
    ['without an Origin', () => ({ headers: { Origin: undefined } })],
    ['without the token', () => ({ token: undefined })],
    ['with a wrong token', () => ({ token: 'x'.repeat(43) })],
    [
      'through a rebinding Host',
      (url) => {
        const port = new URL(url).port;
        return {
          headers: {
            Host: `attacker.example:${port}`,
            Origin: `http://attacker.example:${port}`,
          },
        };
      },
    ],
    ['as a form', () => ({ headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })],
    ['as a cross-site fetch', () => ({ headers: { 'Sec-Fetch-Site': 'cross-site' } })],
  ];

  it.each(refusals)('refuses a write %s with 403, and changes nothing', async (_, options) => {
    const body = await roleEdit('angripare');
    const answer = await send(fixture.server.url, '/api/edit', {
      token,
      body,
      ...options(fixture.server.url),
    });
    expect(answer.status).toBe(403);
    expect(readFileSync(path, 'utf8')).toBe(original);
    expect(existsSync(join(fixture.dataDir, '.excerpt-history'))).toBe(false);
  });

  it('refuses a GET that asks for a change with 403, and changes nothing', async () => {
    const query = new URLSearchParams({ file, text: 'id: x\n', label: 'x' });
    for (const target of ['/api/edit', '/api/undo', '/api/redo']) {
      const answer = await send(fixture.server.url, `${target}?${query.toString()}`, {
        method: 'GET',
        token,
      });
      expect(answer.status).toBe(403);
    }
    expect(readFileSync(path, 'utf8')).toBe(original);
  });

  it('refuses undo and redo without the token', async () => {
    for (const target of ['/api/undo', '/api/redo']) {
      const answer = await send(fixture.server.url, target, { body: {} });
      expect(answer.status).toBe(403);
    }
  });

  it('takes the same write from its own page: the one field changes, nothing else', async () => {
    const answer = await send(fixture.server.url, '/api/edit', {
      token,
      body: await roleEdit('kommunalråd och gruppledare'),
    });
    expect(answer.status).toBe(200);
    const reply = answer.json as Extract<EditReply, { ok: true }>;
    const text = readFileSync(path, 'utf8');
    expect(text).toBe(
      original.replace('role: kommunalråd }', 'role: kommunalråd och gruppledare }'),
    );
    expect(reply.versions[file]).toBe((await fileReply()).version);
    expect(reply.history.undo?.label).toBe('Roll');
  });

  it('refuses a write with 403 where nothing is written, even with the token', async () => {
    for (const [method, target] of [
      ['POST', '/api/state'],
      ['POST', '/api/nothing'],
      ['POST', '/'],
      ['PUT', '/api/edit'],
      ['PATCH', '/api/edit'],
    ] as const) {
      const answer = await send(fixture.server.url, target, { method, token, body: {} });
      expect(answer.status).toBe(403);
    }
    expect(readFileSync(path, 'utf8')).toBe(original);
  });

  it('says what is wrong with a request it cannot read, and writes nothing', async () => {
    const cases = [
      { file: '../../etc/passwd', baseVersion: null, text: 'x', label: 'x' },
      { file: 'brand.yaml', baseVersion: null, label: 'neither operations nor text' },
      { file, baseVersion: null, operations: [{ op: 'move' }], label: 'x' },
    ];
    for (const body of cases) {
      const answer = await send(fixture.server.url, '/api/edit', { token, body });
      expect(answer.status).toBe(400);
      expect((answer.json as { reason: string }).reason).toBe('bad-request');
    }
    expect(readFileSync(path, 'utf8')).toBe(original);
  });
});

describe('studio writes: what is on disk is never overwritten blindly', () => {
  it('refuses an edit of a file changed on disk since it was read, showing both texts', async () => {
    const body = await roleEdit('kommunalråd och gruppledare');
    const changed = original.replace('publishedOn: 2020-12-16', 'publishedOn: 2020-12-17');
    writeFileSync(path, changed);
    const answer = await send(fixture.server.url, '/api/edit', { token, body });
    expect(answer.status).toBe(409);
    const reply = answer.json as Extract<EditReply, { reason: 'conflict' }>;
    expect(reply.conflicts).toHaveLength(1);
    expect(reply.conflicts[0]!.current).toBe(changed);
    expect(reply.conflicts[0]!.yours).toBe(
      changed.replace('role: kommunalråd }', 'role: kommunalråd och gruppledare }'),
    );
    expect(readFileSync(path, 'utf8')).toBe(changed);
  });

  it('refuses to create a file that exists meanwhile', async () => {
    const answer = await send(fixture.server.url, '/api/edit', {
      token,
      body: { file, baseVersion: null, text: 'id: x\n', label: 'Ny' },
    });
    expect(answer.status).toBe(409);
    expect(readFileSync(path, 'utf8')).toBe(original);
  });
});

describe('studio writes: validated by the loader before anything is written', () => {
  it.each([
    ['a date that does not exist', ['publishedOn'], '2020-02-30'],
    ['an empty question', ['qa', 0, 'question'], '   '],
    ['a Q&A id another file refers to', ['qa', 5, 'id'], 'q9'],
  ])('refuses %s with the loader’s own message', async (_, field, value) => {
    const version = (await fileReply()).version;
    const answer = await send(fixture.server.url, '/api/edit', {
      token,
      body: {
        file,
        baseVersion: version,
        operations: [{ op: 'set', path: field, value }],
        label: 'x',
      },
    });
    expect(answer.status).toBe(422);
    const reply = answer.json as Extract<EditReply, { reason: 'invalid' }>;
    // What the loader itself says of the folder with that text.
    const texts = new Map([[path, editYamlText(original, [{ op: 'set', path: field, value }])]]);
    const loader = await inspectData(fixture.dataDir, { texts });
    expect(loader.issues.length).toBeGreaterThan(0);
    expect(reply.problem.entries.map((entry) => entry.message)).toEqual(
      loader.issues.map((issue) => issue.message),
    );
    expect(readFileSync(path, 'utf8')).toBe(original);
  });

  it('quotes the line at fault from the text that was refused, not from the file on disk', async () => {
    const version = (await fileReply()).version;
    const answer = await send(fixture.server.url, '/api/edit', {
      token,
      body: {
        file,
        baseVersion: version,
        operations: [{ op: 'set', path: ['publishedOn'], value: '2020-02-30' }],
        label: 'x',
      },
    });
    const reply = answer.json as Extract<EditReply, { reason: 'invalid' }>;
    expect(reply.problem.entries[0]!.code).toBe('publishedOn: 2020-02-30');
  });

  it('refuses an edit of a field that is not in the file, naming it', async () => {
    const version = (await fileReply()).version;
    const answer = await send(fixture.server.url, '/api/edit', {
      token,
      body: {
        file,
        baseVersion: version,
        operations: [{ op: 'set', path: ['qa', 30, 'question'], value: 'x' }],
        label: 'x',
      },
    });
    expect(answer.status).toBe(422);
    const reply = answer.json as Extract<EditReply, { reason: 'invalid' }>;
    expect(reply.problem.entries[0]!.message).toBe('qa[30] is not a field in the file');
  });
});

describe('studio writes: every save can be undone, and redone', () => {
  it('undoes to the very bytes before, redoes to the very bytes after', async () => {
    const before = (await fileReply()).text;
    const written = await send(fixture.server.url, '/api/edit', {
      token,
      body: await roleEdit('provläsare'),
    });
    expect(written.status).toBe(200);
    const after = readFileSync(path, 'utf8');
    expect(after).not.toBe(before);

    const undone = await send(fixture.server.url, '/api/undo', { token, body: {} });
    expect(undone.status).toBe(200);
    expect(readFileSync(path, 'utf8')).toBe(before);
    const history = await fixture.getJson<HistoryReply>('/api/history');
    expect(history.redo?.label).toBe('Roll');
    expect(history.redo?.files).toEqual([file]);

    const redone = await send(fixture.server.url, '/api/redo', { token, body: {} });
    expect(redone.status).toBe(200);
    expect(readFileSync(path, 'utf8')).toBe(after);
    expect((redone.json as Extract<EditReply, { ok: true }>).history.redo).toBeNull();
  });

  it('will not undo over a change made on disk since: both are shown, nothing written', async () => {
    await send(fixture.server.url, '/api/edit', { token, body: await roleEdit('provläsare') });
    const byHand = readFileSync(path, 'utf8').replace('provläsare', 'korrekturläsare');
    writeFileSync(path, byHand);
    const undone = await send(fixture.server.url, '/api/undo', { token, body: {} });
    expect(undone.status).toBe(409);
    const reply = undone.json as Extract<EditReply, { reason: 'conflict' }>;
    expect(reply.conflicts[0]!.current).toBe(byHand);
    expect(reply.conflicts[0]!.yours).toBe(original);
    expect(readFileSync(path, 'utf8')).toBe(byHand);
  });

  it('says when there is nothing to redo', async () => {
    await send(fixture.server.url, '/api/edit', { token, body: await roleEdit('provläsare') });
    const redone = await send(fixture.server.url, '/api/redo', { token, body: {} });
    expect(redone.status).toBe(409);
    expect(redone.json).toEqual({ ok: false, reason: 'nothing' });
  });

  it('keeps the history beside the data, where the loader does not look', async () => {
    await send(fixture.server.url, '/api/edit', { token, body: await roleEdit('provläsare') });
    const log = JSON.parse(
      readFileSync(join(fixture.dataDir, '.excerpt-history', 'log.json'), 'utf8'),
    ) as { entries: unknown[] };
    expect(log.entries.length).toBeGreaterThan(0);
    const inspection = await inspectData(fixture.dataDir);
    expect(inspection.issues).toEqual([]);
    expect(inspection.files.some((name) => name.includes('.excerpt-history'))).toBe(false);
    const role = (parse(readFileSync(path, 'utf8')) as { interviewee: { role: string } })
      .interviewee.role;
    expect(role).toBe('provläsare');
  });
});

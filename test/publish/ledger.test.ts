import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectData, loadData } from '../../src/data/load.js';
import {
  LedgerDamagedError,
  ledgerPath,
  readLedger,
  writeLedger,
  type LedgerEntry,
} from '../../src/publish/ledger.js';
import { publishStatusOf, readPublishStatuses } from '../../src/publish/publish-status.js';
import { makeWorkspace, removeWorkspaces, root } from '../helpers/cli.js';

afterAll(removeWorkspaces);

const fixture = join(root, 'test', 'fixtures', 'data', 'valid');

function entry(fields: Partial<LedgerEntry> = {}): LedgerEntry {
  return {
    id: 'adventsfragestund-2020/2020-12-16-centerpartiet',
    publishAt: '2020-12-16T08:00:00+01:00',
    account: '17841400000000001',
    state: 'creating',
    attempts: 1,
    content: 'c0ffee',
    children: [],
    errors: [],
    ...fields,
  };
}

describe('the publish ledger', () => {
  it('is empty before the first run, and reads back what was written, fields in reading order', async () => {
    const data = join(makeWorkspace('ledger', fixture), 'data');
    const empty = await readLedger(data, 'adventsfragestund-2020');
    expect(empty.posts).toEqual({});
    const errors = Array.from({ length: 25 }, (_, index) => ({
      at: `2026-11-29T10:00:${String(index).padStart(2, '0')}Z`,
      step: 'status',
      message: `error ${index}`,
    }));
    await writeLedger(data, {
      campaign: 'adventsfragestund-2020',
      posts: {
        '2020-12-21-vansterpartiet': entry({
          id: 'adventsfragestund-2020/2020-12-21-vansterpartiet',
        }),
        '2020-12-16-centerpartiet': entry({
          state: 'published',
          mediaId: '18000000000000001',
          permalink: 'https://www.instagram.com/p/X/',
          errors,
        }),
      },
    });
    const text = readFileSync(ledgerPath(data, 'adventsfragestund-2020'), 'utf8');
    expect(text.startsWith('{\n  "about": "What excerpt publish has done')).toBe(true);
    const ledger = await readLedger(data, 'adventsfragestund-2020');
    expect(Object.keys(ledger.posts)).toEqual([
      '2020-12-16-centerpartiet',
      '2020-12-21-vansterpartiet',
    ]);
    const published = ledger.posts['2020-12-16-centerpartiet']!;
    const written = (JSON.parse(text) as { posts: Record<string, object> }).posts;
    expect(Object.keys(written['2020-12-16-centerpartiet']!).slice(0, 7)).toEqual([
      'id',
      'publishAt',
      'state',
      'account',
      'mediaId',
      'permalink',
      'attempts',
    ]);
    // The latest errors are kept, not every one of every cron run.
    expect(published.errors.map((error) => error.message)).toEqual(
      errors.slice(5).map((error) => error.message),
    );
  });

  it('refuses a ledger that is a FIFO or a folder, rather than wait for ever or take it for empty', async () => {
    const data = join(makeWorkspace('ledger-fifo', fixture), 'data');
    mkdirSync(join(data, 'publish'));
    execFileSync('mkfifo', [join(data, 'publish', 'digital-pride-2020.json')]);
    await expect(readLedger(data, 'digital-pride-2020')).rejects.toThrow(
      /digital-pride-2020\.json is not a plain file/,
    );
    mkdirSync(join(data, 'publish', 'adventsfragestund-2020.json'));
    await expect(readLedger(data, 'adventsfragestund-2020')).rejects.toBeInstanceOf(
      LedgerDamagedError,
    );
  });

  it('lives in the data folder without being taken for data', async () => {
    const data = join(makeWorkspace('ledger-data', fixture), 'data');
    await writeLedger(data, { campaign: 'digital-pride-2020', posts: { x: entry() } });
    const inspection = await inspectData(data);
    expect(inspection.issues).toEqual([]);
    expect(inspection.files.some((file) => file.includes('publish'))).toBe(false);
  });

  it.each([
    ['{ "campaign": "digital-pride-2020", "posts": ', /is not valid JSON/],
    [
      '{ "campaign": "digital-pride-2020", "posts": { "x": { "id": 1 } } }',
      /is damaged: posts\.x\.id: /,
    ],
    [
      '{ "campaign": "adventsfragestund-2020", "posts": {} }',
      /is the ledger of adventsfragestund-2020, not of digital-pride-2020/,
    ],
  ])('refuses a damaged ledger rather than take it for empty: %s', async (text, message) => {
    const data = join(makeWorkspace('ledger-damaged', fixture), 'data');
    mkdirSync(join(data, 'publish'));
    writeFileSync(join(data, 'publish', 'digital-pride-2020.json'), text);
    const error = await readLedger(data, 'digital-pride-2020').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LedgerDamagedError);
    expect((error as Error).message).toMatch(message);
    expect((error as LedgerDamagedError).hint).toContain(
      'removing it risks posting again what is live',
    );
  });
});

describe('publishStatusOf: where a post stands, for the studio', () => {
  const publishAt = '2020-12-16T08:00:00+01:00';
  const before = new Date('2020-12-16T06:59:59Z');
  const after = new Date('2020-12-16T07:00:00Z');

  it.each([
    ['no entry, before its time', undefined, before, { state: 'scheduled', publishAt }],
    ['no entry, at its time', undefined, after, { state: 'due', publishAt }],
    [
      'no entry, a day after its time',
      undefined,
      new Date('2020-12-17T07:00:00Z'),
      { state: 'due', publishAt },
    ],
    [
      'no entry, over a day after its time: missed',
      undefined,
      new Date('2020-12-17T07:00:01Z'),
      { state: 'missed', publishAt },
    ],
    [
      'met by a run that made nothing (it stopped first), over a day after its time: missed',
      entry(),
      new Date('2021-01-05T07:00:00Z'),
      { state: 'missed', publishAt },
    ],
    [
      'a container made, over a day after its time: still due, going on',
      entry({ children: [{ file: '01.jpg', sha256: 'a', container: '1', createdAt: 'x' }] }),
      new Date('2021-01-05T07:00:00Z'),
      { state: 'due', publishAt, progress: 'creating' },
    ],
    [
      'begun by a run, over a day after its time: still due (Instagram is asked first)',
      entry({ state: 'publishing', publishRequestedAt: 'x' }),
      new Date('2021-03-01T00:00:00Z'),
      { state: 'due', publishAt, progress: 'publishing' },
    ],
    [
      'containers made',
      entry({ children: [{ file: '01.jpg', sha256: 'a', container: '1', createdAt: 'x' }] }),
      after,
      { state: 'due', publishAt, progress: 'creating' },
    ],
    [
      'publish asked, outcome unknown',
      entry({ state: 'publishing', publishRequestedAt: 'x' }),
      after,
      { state: 'due', publishAt, progress: 'publishing' },
    ],
    [
      'published',
      entry({
        state: 'published',
        mediaId: '18',
        permalink: 'https://www.instagram.com/p/X/',
        publishedAt: '2020-12-16T07:00:03Z',
      }),
      before,
      {
        state: 'published',
        mediaId: '18',
        permalink: 'https://www.instagram.com/p/X/',
        publishedAt: '2020-12-16T07:00:03Z',
      },
    ],
    [
      'failed',
      entry({
        state: 'failed',
        failure: { at: 't', step: 'carousel', message: 'too long', hint: 'shorten', isFinal: true },
      }),
      after,
      { state: 'failed', error: 'carousel: too long', hint: 'shorten', at: 't', isFinal: true },
    ],
  ])('%s', (_name, given, now, status) => {
    expect(publishStatusOf(given, publishAt, now)).toEqual(status);
  });

  it('reads every scheduled post’s status from the ledgers, keyed as the studio keys posts', async () => {
    const data = join(makeWorkspace('ledger-status', fixture), 'data');
    await writeLedger(data, {
      campaign: 'adventsfragestund-2020',
      posts: { '2020-12-16-centerpartiet': entry({ state: 'published', permalink: 'https://p/' }) },
    });
    const statuses = await readPublishStatuses(data, await loadData(data), after);
    expect(Object.fromEntries(statuses)).toEqual({
      // Due in July, never begun: in December it has missed its time.
      'digital-pride-2020/2020-07-31-centerpartiet': {
        state: 'missed',
        publishAt: '2020-07-31T09:30:00+02:00',
      },
      'adventsfragestund-2020/2020-12-16-centerpartiet': {
        state: 'published',
        permalink: 'https://p/',
      },
      'adventsfragestund-2020/2020-12-21-vansterpartiet': {
        state: 'scheduled',
        publishAt: '2020-12-21T08:00:00+01:00',
      },
    });
  });
});

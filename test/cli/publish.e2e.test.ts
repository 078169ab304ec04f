import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { lockOutputFolder } from '../../src/render/output-lock.js';
import { bin, removeWorkspaces, runExcerpt, spawnExcerpt, stackLine } from '../helpers/cli.js';
import {
  allDue,
  buildFixture,
  expectPublishedOnce,
  expectTokenNowhere,
  postIds,
  readLedgerFile,
  readPost,
  startBench,
  type PublishBench,
} from '../helpers/publish.js';

afterAll(removeWorkspaces);

// Every post of the fixture (July to December 2020) at once: --since reaches back to them all.
const due = ['--due', '--since', '2020-01-01T00:00Z', '--now', allDue];
const [pride, advent16, advent21] = postIds as [string, string, string];

describe('excerpt publish against a fake Graph API', () => {
  let built: string;
  const benches: PublishBench[] = [];
  const bench = async (name: string): Promise<PublishBench> => {
    const made = await startBench(built, name);
    benches.push(made);
    return made;
  };

  beforeAll(async () => {
    built = await buildFixture();
  });
  afterEach(async () => {
    for (const made of benches.splice(0)) await made.close();
  });

  it('publishes every due post once, in due order, with its caption and the alt text of every slide', async () => {
    const b = await bench('publish-all');
    const result = await b.publish(due);
    expect(result.stderr).not.toContain('error');
    expect(result.code).toBe(0);
    expectPublishedOnce(b);
    expect(b.fake.media.map((media) => media.caption)).toEqual(
      postIds.map((id) => readPost(b.cwd, id).caption),
    );
    expect(result.stdout).toContain(
      `✓ published  ${pride}  2020-07-31T09:30:00+02:00  https://www.instagram.com/p/FAKE1/`,
    );
    expect(result.stdout).toContain('3 published');

    // Each carousel was read IN_PROGRESS before FINISHED, and published only then.
    for (const media of b.fake.media) {
      const reads = b.fake.requests.filter(
        (request) => request.step === 'status' && request.path === media.creationId,
      );
      expect(reads.length).toBeGreaterThan(b.fake.faults.inProgressReads);
    }
    // The parameters as Meta documents them, form-encoded, the token in a header.
    const child = b.fake.requests.find((request) => request.step === 'child')!;
    expect(Object.keys(child.params).sort()).toEqual(['alt_text', 'image_url', 'is_carousel_item']);
    expect(child.params.is_carousel_item).toBe('true');
    const carousel = b.fake.requests.find((request) => request.step === 'carousel')!;
    expect(Object.keys(carousel.params).sort()).toEqual(['caption', 'children', 'media_type']);
    expectTokenNowhere(b, [result]);

    // The ledger says it all, in JSON a person can read.
    const ledger = readLedgerFile(b.cwd, 'adventsfragestund-2020');
    expect(Object.keys(ledger.posts)).toEqual([
      '2020-12-16-centerpartiet',
      '2020-12-21-vansterpartiet',
    ]);
    expect(ledger.posts['2020-12-16-centerpartiet']).toMatchObject({
      id: advent16,
      state: 'published',
      permalink: 'https://www.instagram.com/p/FAKE2/',
      attempts: 1,
      errors: [],
    });
    expect(ledger.posts['2020-12-16-centerpartiet']?.children).toHaveLength(4);
  });

  it('publishes nothing again: a rerun, and a rerun after out/ is deleted, send no write request', async () => {
    const b = await bench('publish-rerun');
    expect((await b.publish(due)).code).toBe(0);
    const writes = b.fake.writes().length;

    const again = await b.publish(due);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('3 already published');
    // Run from cron, published posts are counted, not listed.
    expect(again.stdout).not.toContain(pride);

    rmSync(join(b.cwd, 'out'), { recursive: true });
    const withoutOut = await b.publish(due);
    expect(withoutOut.stderr).toBe('');
    expect(withoutOut.code).toBe(0);
    expect(b.fake.writes()).toHaveLength(writes);
    expect(b.fake.media).toHaveLength(3);
  });

  it('--due publishes only what is due at --now, and says what comes next', async () => {
    const b = await bench('publish-now');
    const result = await b.publish(['--due', '--now', '2020-12-16T08:00:00+01:00']);
    expect(result.code).toBe(0);
    expectPublishedOnce(b, [advent16]);
    expect(result.stdout).toContain(`next: ${advent21} at 2020-12-21T08:00:00+01:00`);

    const early = await b.publish(['--due', '--now', '2020-12-16T07:59:59+01:00']);
    expect(early.code).toBe(0);
    expect(b.fake.media).toHaveLength(1);
  });

  it('--due leaves a post over a day late that no run began, says so, and publishes it only when asked', async () => {
    const b = await bench('publish-missed');
    // The Pride post was due on 31 July; in December it has missed its time.
    const december = await b.publish(['--due', '--now', '2020-12-16T08:00:00+01:00']);
    expect(december.code).toBe(0);
    expect(december.stdout).toContain(`· missed its time  ${pride}  2020-07-31T09:30:00+02:00`);
    // The command to publish it anyway, whole: its campaign only, this run's base URL.
    expect(december.stdout).toContain(
      `excerpt publish digital-pride-2020 --only 2020-07-31 --base-url ${b.files.url}`,
    );
    expect(december.stdout).toContain('1 missed its time, 1 published');
    expect(b.fake.media.map((media) => media.caption)).toEqual([readPost(b.cwd, advent16).caption]);

    // 23 hours late it still goes: a machine off overnight catches up.
    const nextMorning = await b.publish(['--due', '--now', '2020-08-01T08:30:00+02:00']);
    expect(nextMorning.code).toBe(0);
    expectPublishedOnce(b, [advent16, pride]);

    // Asked on purpose, a missed post goes out: --since reaches back, or --only its date.
    const c = await bench('publish-missed-since');
    const since = await c.publish([
      '--due',
      '--since',
      '2020-07-01T00:00+02:00',
      '--now',
      '2020-12-16T08:00:00+01:00',
    ]);
    expect(since.code).toBe(0);
    expectPublishedOnce(c, [pride, advent16]);
    const d = await bench('publish-missed-only');
    expect((await d.publish(['--only', '2020-07-31'])).code).toBe(0);
    expectPublishedOnce(d, [pride]);
  });

  it('--only publishes the posts of a date whatever their time, and refuses a date with none', async () => {
    const b = await bench('publish-only');
    const result = await b.publish(['--only', '2020-12-21', '--now', '2020-01-01T00:00Z']);
    expect(result.code).toBe(0);
    expectPublishedOnce(b, [advent21]);

    const none = await b.publish(['--only', '2020-12-24']);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(
      'error: no post is scheduled on 2020-12-24\nhint: dates with posts: 2020-07-31, 2020-12-16, 2020-12-21\n',
    );
  });

  it('--dry-run checks everything, says what would be published and sends no write request', async () => {
    const b = await bench('publish-dry');
    const result = await b.publish([...due, '--dry-run']);
    expect(result.code).toBe(0);
    expect(b.fake.writes()).toEqual([]);
    expect(result.stdout).toContain(`· would publish  ${advent16}`);
    expect(result.stdout).toContain('dry run, nothing sent: 3 would publish');
    // Every image was fetched where it is served, and the token tried (a read).
    expect(b.files.requests).toHaveLength(11);
    expect(b.fake.requests.map((request) => request.step)).toEqual(['limit', 'recent']);
    expect(existsSync(join(b.cwd, 'data', 'publish'))).toBe(false);

    // Without a token it still checks out/ and the images.
    const offline = await b.publish([...due, '--dry-run'], { INSTAGRAM_ACCESS_TOKEN: undefined });
    expect(offline.code).toBe(0);
    expect(b.fake.requests).toHaveLength(2);
  });

  it('stops before the first container when an image on the server is not the one built', async () => {
    const b = await bench('publish-changed');
    // The last post's slide changed: still, nothing of the first is made either.
    const slide = `${advent21}/02.jpg`;
    b.files.override(slide, readFileSync(join(b.cwd, 'out', advent21, '03.jpg')));
    b.files.override(`${pride}/01.jpg`, null);
    const result = await b.publish(due);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'error: nothing was published: the posts to publish have 2 problems:\n',
    );
    expect(result.stderr).toContain(`${b.files.url}${pride}/01.jpg: answers HTTP 404`);
    expect(result.stderr).toMatch(
      new RegExp(
        `${b.files.url}${slide}: is not the slide that was built \\(sha256 [0-9a-f]{12}…, built [0-9a-f]{12}…\\)`,
      ),
    );
    expect(result.stderr).toContain('sync out/ to the public place again');
    expect(result.stderr).not.toContain(stackLine);
    expect(b.fake.writes()).toEqual([]);
    expect(b.fake.requests.map((request) => request.step)).toEqual(['limit']);
  });

  it('stops before sending anything when a post is not built as the data says', async () => {
    const b = await bench('publish-unbuilt');
    rmSync(join(b.cwd, 'out', advent21, '03.jpg'));
    const interview = join(
      b.cwd,
      'data',
      'interviews',
      'adventsfragestund-2020',
      'centerpartiet.yaml',
    );
    writeFileSync(
      interview,
      readFileSync(interview, 'utf8').replace('nollvision', 'nollvision och nolltolerans'),
    );
    const result = await b.publish(due);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `out/${advent16}: was built from other data than the data folder holds now`,
    );
    expect(result.stderr).toContain(`out/${advent21}: has changed since it was built`);
    expect(b.fake.writes()).toEqual([]);
  });

  it('after a lost media_publish response asks the container, finds it PUBLISHED, and never publishes again', async () => {
    const b = await bench('publish-lost');
    b.fake.faults.losePublishResponse = true;
    const result = await b.publish(due);
    expect(result.stderr).toContain('asking Instagram whether it took effect');
    expect(result.code).toBe(0);
    expectPublishedOnce(b);
    expect(b.fake.writes().filter((request) => request.step === 'publish')).toHaveLength(3);
    const entry = readLedgerFile(b.cwd, 'digital-pride-2020').posts['2020-07-31-centerpartiet'];
    expect(entry).toMatchObject({
      state: 'published',
      foundBy: 'status',
      permalink: b.fake.media[0]!.permalink,
    });
    expect(entry?.publishRequestedAt).toBeUndefined();
    expect(result.stdout).toContain('Instagram says the earlier publish request took effect');
  });

  it('stops when the publishing limit is used up, says what was published and when to run again, and a later run goes on', async () => {
    const b = await bench('publish-quota');
    b.fake.faults.quota = { total: 3, used: 2 };
    const result = await b.publish(due);
    expect(result.code).toBe(2);
    expectPublishedOnce(b, [pride]);
    expect(result.stderr).toContain(
      `error: Instagram's publishing limit is used up (3 posts in 24 hours); published this run: ${pride}; not yet: ${advent16}, ${advent21}\n`,
    );
    expect(result.stderr).toMatch(
      /hint: run it again after \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z; from cron, a later run publishes the rest/,
    );
    expect(result.stdout).toContain(`✗ not published  ${advent16}`);

    // Meta's own refusal (code 9) when the limit read said there was room.
    b.fake.faults.quota = { total: 50, used: 0 };
    b.fake.faults.failOnce.set('publish', {
      message: 'Application request limit reached',
      code: 9,
      error_subcode: 2207042,
    });
    const refused = await b.publish(due);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("error: Instagram's publishing limit is used up");
    expect(b.fake.media).toHaveLength(1);

    const later = await b.publish(due);
    expect(later.code).toBe(0);
    expectPublishedOnce(b);
    // The containers made before the limit stopped the run were valid, and reused.
    const carousels = b.fake.requests.filter((request) => request.step === 'carousel');
    expect(carousels).toHaveLength(3);
  });

  it('stops at once when the token is refused (190), says how to renew it, and attempts nothing more', async () => {
    const b = await bench('publish-token');
    b.fake.faults.rejectToken = true;
    const result = await b.publish(due);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'error: Instagram refused the access token: the access token has expired (GET /17841400000000001/content_publishing_limit: Error validating access token: Session has expired. (code 190, subcode 463)); nothing more was attempted\n',
    );
    expect(result.stderr).toContain(
      'hint: a long-lived token lasts 60 days: refresh it before then',
    );
    expect(result.stderr).not.toContain(stackLine);
    expect(b.fake.requests).toHaveLength(1);
    expect(existsSync(join(b.cwd, 'data', 'publish', 'adventsfragestund-2020.json'))).toBe(false);
    expectTokenNowhere(b, [result]);

    // A token that expires in the middle of a run stops it there.
    b.fake.faults.rejectToken = false;
    const publishing = b.fake.hold('publish', 'before', 2);
    const run = b.publish(due);
    await publishing;
    b.fake.faults.rejectToken = true;
    b.fake.releaseHeld();
    const middle = await run;
    expect(middle.code).toBe(2);
    expect(middle.stderr).toContain('error: Instagram refused the access token');
    expect(b.fake.media).toHaveLength(1);
    const after = b.fake.requests.length;
    expect(b.fake.requests.slice(after - 1).map((request) => request.step)).toEqual(['status']);
    expectTokenNowhere(b, [result, middle]);
  });

  it('retries what fails for a passing reason (is_transient, code 1 or 2) and publishes each post once', async () => {
    const b = await bench('publish-transient');
    const transient = { message: 'Service temporarily unavailable', code: 2, is_transient: true };
    for (const step of ['recent', 'child', 'carousel', 'status', 'publish', 'permalink'] as const) {
      b.fake.faults.failOnce.set(step, transient);
    }
    const result = await b.publish(due);
    expect(result.code).toBe(0);
    expectPublishedOnce(b);
    expect(result.stderr).toContain('trying again in');
    const entry = readLedgerFile(b.cwd, 'digital-pride-2020').posts['2020-07-31-centerpartiet']!;
    expect(entry.errors.map((error) => [error.step, error.code])).toEqual([
      ['slide 01.jpg', 2],
      ['carousel', 2],
      ['status', 2],
      ['publish', 2],
      ['permalink', 2],
    ]);
  });

  it('waits out a rate limit (codes 32 and 613, not marked transient) rather than fail the post', async () => {
    const b = await bench('publish-rate-limit');
    const limit = (code: number) => ({
      message: 'Calls to this api have exceeded the rate limit.',
      code,
    });
    b.fake.faults.failOnce.set('child', limit(613));
    b.fake.faults.failOnce.set('carousel', limit(32));
    const result = await b.publish(due);
    expect(result.stderr).toContain('trying again in');
    expect(result.code).toBe(0);
    expectPublishedOnce(b);
  });

  it('makes new containers when the carousel expires, and publishes once', async () => {
    const b = await bench('publish-expired');
    b.fake.faults.expireCarousels = 1;
    const result = await b.publish(due);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('the containers expired: making new ones');
    expectPublishedOnce(b);
    expect(b.fake.requests.filter((request) => request.step === 'carousel')).toHaveLength(4);
  });

  it('reuses containers still valid on a rerun, and replaces one that expired meanwhile', async () => {
    const b = await bench('publish-reuse');
    const limitReached = {
      message: 'Application request limit reached',
      code: 9,
      error_subcode: 2207042,
    };
    b.fake.faults.failOnce.set('publish', limitReached);
    expect((await b.publish(['--only', '2020-07-31'])).code).toBe(2);
    expect(b.fake.media).toEqual([]);
    const [pride1] = [...b.fake.carousels.values()];
    expect(pride1).toBeDefined();

    const children = b.fake.requests.filter((request) => request.step === 'child').length;
    const reused = await b.publish(['--only', '2020-07-31']);
    expect(reused.code).toBe(0);
    expect(reused.stderr).toContain('reusing the carousel container of an earlier run');
    expect(b.fake.requests.filter((request) => request.step === 'child')).toHaveLength(children);
    expect(b.fake.media[0]?.creationId).toBe(pride1!.id);

    // The next post's containers, made and then expired before the next run.
    b.fake.faults.failOnce.set('publish', limitReached);
    expect((await b.publish(['--only', '2020-12-16'])).code).toBe(2);
    for (const carousel of b.fake.carousels.values())
      if (!carousel.published) carousel.expired = true;
    const result = await b.publish(due);
    expect(result.stderr).toContain('the carousel container is EXPIRED: making new ones');
    expect(result.code).toBe(0);
    expectPublishedOnce(b);
  });

  it('does not mark a live post failed when its permalink cannot be read; a later run reads it', async () => {
    const b = await bench('publish-permalink');
    b.fake.faults.failPermalink = true;
    const result = await b.publish(['--only', '2020-07-31']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `✓ published  ${pride}  2020-07-31T09:30:00+02:00  media 18000000000000001`,
    );
    expect(result.stdout).toContain('published, but its permalink could not be read');
    expectPublishedOnce(b, [pride]);
    const entry = () =>
      readLedgerFile(b.cwd, 'digital-pride-2020').posts['2020-07-31-centerpartiet']!;
    expect(entry().permalink).toBeUndefined();

    b.fake.faults.failPermalink = false;
    const later = await b.publish(['--only', '2020-07-31']);
    expect(later.code).toBe(0);
    expect(entry().permalink).toBe('https://www.instagram.com/p/FAKE1/');
    expect(later.stdout).toContain('https://www.instagram.com/p/FAKE1/');
    expect(b.fake.media).toHaveLength(1);
  });

  it('names a post Instagram refuses with what to fix, publishes the others, and retries it only when asked', async () => {
    const b = await bench('publish-refused');
    b.fake.faults.failOnce.set('carousel', {
      message: 'The caption is too long.',
      code: 100,
      error_subcode: 2207010,
    });
    const result = await b.publish(due);
    expect(result.code).toBe(2);
    expectPublishedOnce(b, [advent16, advent21]);
    expect(result.stderr).toContain(
      `error: 1 of 3 posts were not published:\n  ${pride}: carousel: POST /17841400000000001/media: The caption is too long. (code 100, subcode 2207010)\n    (the caption is too long or has too many hashtags: excerpt check says which, then build again; it is tried again once built anew, or with --only 2020-07-31)\n`,
    );
    expect(
      readLedgerFile(b.cwd, 'digital-pride-2020').posts['2020-07-31-centerpartiet'],
    ).toMatchObject({
      state: 'failed',
      failure: { step: 'carousel', isFinal: true },
      children: [],
    });

    // --due leaves it alone (and says so); --only its date tries it again.
    const writes = b.fake.writes().length;
    const again = await b.publish(due);
    expect(again.code).toBe(2);
    expect(again.stdout).toContain('not tried again');
    expect(b.fake.writes()).toHaveLength(writes);
    const retried = await b.publish(['--only', '2020-07-31']);
    expect(retried.code).toBe(0);
    expectPublishedOnce(b);
  });

  it('takes a post found on Instagram with the same caption for published (a ledger lost), and does not post it again', async () => {
    const b = await bench('publish-found');
    expect((await b.publish(due)).code).toBe(0);
    rmSync(join(b.cwd, 'data', 'publish'), { recursive: true });
    const writes = b.fake.writes().length;

    const dry = await b.publish([...due, '--dry-run']);
    expect(dry.stdout).toContain('found on Instagram already');
    const result = await b.publish(due);
    expect(result.code).toBe(0);
    expect(b.fake.writes()).toHaveLength(writes);
    expectPublishedOnce(b);
    expect(
      readLedgerFile(b.cwd, 'adventsfragestund-2020').posts['2020-12-21-vansterpartiet'],
    ).toMatchObject({
      state: 'published',
      foundBy: 'caption',
      permalink: 'https://www.instagram.com/p/FAKE3/',
    });
  });

  it('never puts the token in output, the ledger or a URL, even when Meta echoes it in an error', async () => {
    const b = await bench('publish-redact');
    b.fake.faults.failOnce.set('carousel', {
      message: `Invalid parameter: access_token=${b.fake.token} is not allowed here`,
      code: 100,
    });
    const result = await b.publish(due);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('access_token=[INSTAGRAM_ACCESS_TOKEN] is not allowed here');
    const json = await b.publish([...due, '--json']);
    expectTokenNowhere(b, [result, json]);
  });

  it('lets one run publish at a time: a second waits for the lock, then finds the post published', async () => {
    const b = await bench('publish-lock');
    // Real timings here (no time scale): the held request must outlast the second run's start,
    // and both runs must judge the lock's staleness alike.
    const env = { ...b.env, EXCERPT_PUBLISH_TIME_SCALE: undefined };
    const only = ['--only', '2020-12-21'];
    b.fake.faults.inProgressReads = 0;
    const holding = b.fake.hold('child', 'before');
    const first = spawnExcerpt(b.args(only), b.cwd, env);
    const firstExit = new Promise<number | null>((resolve) => first.once('exit', resolve));
    await holding;

    const second = spawn(process.execPath, [bin, ...b.args(only)], {
      cwd: b.cwd,
      env: { ...process.env, NO_COLOR: '1', ...env, EXCERPT_PUBLISH_TIME_SCALE: '' },
    });
    let stdout = '';
    let stderr = '';
    second.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const waiting = new Promise<void>((resolve) =>
      second.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes('waiting for another excerpt publish to finish')) resolve();
      }),
    );
    const secondExit = new Promise<number | null>((resolve) => second.once('exit', resolve));
    await waiting;
    b.fake.releaseHeld();
    expect(await firstExit).toBe(0);
    expect(await secondExit).toBe(0);
    expect(stdout).toContain(`· already published  ${advent21}`);
    expectPublishedOnce(b, [advent21]);
  });

  it('gives up, saying why, when another run keeps the ledger locked', async () => {
    const b = await bench('publish-locked');
    const lock = await lockOutputFolder(join(b.cwd, 'data', 'publish'), { staleMs: 2_000 });
    try {
      const result = await b.publish(due);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('error: another excerpt publish is running');
      expect(result.stderr).toContain('hint: it holds the lock while it publishes');
      expect(b.fake.writes()).toEqual([]);
    } finally {
      await lock.release();
    }
  });

  it('publishes to the account in brand.yaml, which built posts do not depend on', async () => {
    const b = await bench('publish-brand-account');
    const brand = join(b.cwd, 'data', 'brand.yaml');
    writeFileSync(
      brand,
      `${readFileSync(brand, 'utf8')}\ninstagram: { userId: "${b.fake.userId}" }\n`,
    );
    const result = await b.publish(due, { INSTAGRAM_USER_ID: undefined });
    expect(result.stderr).not.toContain('error');
    expect(result.code).toBe(0);
    expectPublishedOnce(b);
    // Nor does a build redraw anything for it.
    expect((await runExcerpt(['build'], b.cwd)).stdout).toContain('(0 rendered, 3 unchanged)');

    writeFileSync(brand, readFileSync(brand, 'utf8').replace(`"${b.fake.userId}"`, b.fake.userId));
    const unquoted = await b.publish(due, { INSTAGRAM_USER_ID: undefined });
    expect(unquoted.code).toBe(2);
    expect(unquoted.stderr).toContain('data/brand.yaml');
    expect(unquoted.stderr).toContain('instagram.userId');
  });

  it('says so when --api-url or --base-url answer nothing useful, before any container', async () => {
    const b = await bench('publish-urls');
    const api = await runExcerpt(
      ['publish', ...due, '--base-url', b.files.url, '--api-url', `${b.files.url}nowhere`],
      b.cwd,
      b.env,
    );
    expect(api.code).toBe(2);
    expect(api.stderr).toContain(
      'error: --api-url does not answer as the Graph API: GET /17841400000000001/content_publishing_limit: HTTP 404, not JSON',
    );
    // A port nothing listens on: a server started and stopped.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const nowhere = `http://127.0.0.1:${port}/posts/`;
    const files = await runExcerpt(
      ['publish', ...due, '--base-url', nowhere, '--api-url', b.fake.url],
      b.cwd,
      b.env,
    );
    expect(files.code).toBe(2);
    expect(files.stderr).toContain(`${nowhere}${pride}/01.jpg: cannot be fetched (ECONNREFUSED)`);
    expect(files.stderr).toContain('the posts to publish have 11 problems');
    expect(b.fake.writes()).toEqual([]);
  });

  it('reports --json: each post with its status, media id and permalink', async () => {
    const b = await bench('publish-json');
    const result = await b.publish([...due, '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { posts: unknown[]; select: string };
    expect(report.select).toBe('due');
    expect(report.posts).toEqual(
      postIds.map((id, index) => ({
        id,
        publishAt: readPost(b.cwd, id).publishAt,
        status: 'published',
        mediaId: b.fake.media[index]!.id,
        permalink: b.fake.media[index]!.permalink,
      })),
    );
  });
});

describe('excerpt publish refuses, with a plain message and exit code 2', () => {
  let built: string;
  beforeAll(async () => {
    built = await buildFixture();
  });

  it.each([
    [[], 'error: give either --due (every post whose time has come) or --only YYYY-MM-DD\n'],
    [
      ['--due', '--only', '2020-12-16'],
      'error: give either --due (every post whose time has come) or --only YYYY-MM-DD\n',
    ],
    [
      ['--due', '--now', '2020-12-16 08:00'],
      'error: --now: "2020-12-16 08:00" is not a time written YYYY-MM-DDTHH:MM with its offset, e.g. 2020-12-16T08:00+01:00\n',
    ],
    [
      ['--due', '--now', '2020-12-16T08:00'],
      'error: --now: "2020-12-16T08:00" is not a time written YYYY-MM-DDTHH:MM with its offset, e.g. 2020-12-16T08:00+01:00\n',
    ],
    [
      ['--only', '2020-12-16', '--since', '2020-12-01T00:00Z'],
      'error: --since goes with --due (posts due since that time)\n',
    ],
    [
      ['--due', '--since', 'yesterday'],
      'error: --since: "yesterday" is not a time written YYYY-MM-DDTHH:MM with its offset, e.g. 2020-12-16T08:00+01:00\n',
    ],
    [
      ['--due', '--base-url', 'ftp://example.org/'],
      'error: --base-url: "ftp://example.org/" is not an http(s) URL\n',
    ],
    [
      ['--due', '--base-url', 'https://example.org/?sig=1'],
      'error: --base-url: "https://example.org/?sig=1" has a query, a fragment or a password; give the plain URL\n',
    ],
  ])('%j', async (args, message) => {
    const cwd = built;
    const withBase = args.includes('--base-url')
      ? args
      : [...args, '--base-url', 'http://127.0.0.1:9/'];
    const result = await runExcerpt(['publish', ...withBase], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr.startsWith(message)).toBe(true);
  });

  it('without a token, or without an account, before anything is read or sent', async () => {
    const base = ['publish', '--due', '--base-url', 'http://127.0.0.1:9/'];
    const noToken = await runExcerpt(base, built, { INSTAGRAM_ACCESS_TOKEN: undefined });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('error: INSTAGRAM_ACCESS_TOKEN is not set\n');
    const noAccount = await runExcerpt(base, built, {
      INSTAGRAM_ACCESS_TOKEN: 'x',
      INSTAGRAM_USER_ID: undefined,
    });
    expect(noAccount.code).toBe(2);
    expect(noAccount.stderr).toBe(
      'error: no Instagram account to publish to\nhint: set INSTAGRAM_USER_ID, or instagram: { userId: "…" } in data/brand.yaml\n',
    );
    const badAccount = await runExcerpt(base, built, {
      INSTAGRAM_ACCESS_TOKEN: 'x',
      INSTAGRAM_USER_ID: '@kraftbyran',
    });
    expect(badAccount.stderr).toContain(
      'error: INSTAGRAM_USER_ID="@kraftbyran" is not an account id',
    );
    const twoLines = await runExcerpt(base, built, {
      INSTAGRAM_ACCESS_TOKEN: 'IGAAsecret1\nIGAAsecret2',
      INSTAGRAM_USER_ID: '1',
    });
    expect(twoLines.code).toBe(2);
    expect(twoLines.stderr).toContain('error: INSTAGRAM_ACCESS_TOKEN holds spaces, line breaks');
    expect(twoLines.stderr).not.toContain('secret');
  });

  it('a damaged ledger, rather than take it for empty', async () => {
    const b = await startBench(built, 'publish-damaged');
    try {
      const ledger = join(b.cwd, 'data', 'publish', 'digital-pride-2020.json');
      rmSync(join(b.cwd, 'data', 'publish'), { recursive: true, force: true });
      expect((await b.publish(['--only', '2020-07-31'])).code).toBe(0);
      writeFileSync(ledger, readFileSync(ledger, 'utf8').slice(0, 200));
      const writes = b.fake.writes().length;
      const result = await b.publish(due);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        `error: data/publish/digital-pride-2020.json is not valid JSON`,
      );
      expect(result.stderr).toContain('removing it risks posting again what is live');
      expect(b.fake.writes()).toHaveLength(writes);
    } finally {
      await b.close();
    }
  });

  it('a story campaign, which cannot be published as a carousel, before anything is sent', async () => {
    const b = await startBench(built, 'publish-story');
    try {
      const campaign = join(b.cwd, 'data', 'campaigns', 'digital-pride-2020.yaml');
      writeFileSync(
        campaign,
        readFileSync(campaign, 'utf8').replace('format: portrait', 'format: story'),
      );
      expect((await runExcerpt(['build', 'digital-pride-2020'], b.cwd)).code).toBe(0);
      const result = await b.publish(['--only', '2020-07-31']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        `out/${pride}: the slides are 1080×1920 (the story format, 9:16); a carousel takes 4:5 (portrait) to 1.91:1 (landscape)`,
      );
      expect(b.fake.writes()).toEqual([]);
    } finally {
      await b.close();
    }
  });
});

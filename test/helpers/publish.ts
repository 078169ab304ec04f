import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { PostJson } from '../../src/render/render-post.js';
import type { Ledger } from '../../src/publish/ledger.js';
import { makeWorkspace, root, runExcerpt, type CliResult } from './cli.js';
import { startFakeGraphApi, type FakeGraphApi } from './fake-graph-api.js';
import { startStaticServer, type StaticServer } from './static-server.js';

/** Three posts in two campaigns (square and portrait): quick to build, enough to publish. */
export const fixture = join(root, 'test', 'fixtures', 'data', 'valid');

/** The fixture's posts, in the order they are due. */
export const postIds = [
  'digital-pride-2020/2020-07-31-centerpartiet',
  'adventsfragestund-2020/2020-12-16-centerpartiet',
  'adventsfragestund-2020/2020-12-21-vansterpartiet',
];

/** A time at which every post of the fixture is due. */
export const allDue = '2021-01-01T00:00Z';

/** Builds the fixture once into a workspace; copies of its out/ are what tests publish. */
export async function buildFixture(): Promise<string> {
  const dir = makeWorkspace('publish-built', fixture);
  const result = await runExcerpt(['build'], dir);
  expect(result.code, result.stderr).toBe(0);
  return dir;
}

/** A publishing set-up: a copy of the built workspace, out/ served, a fake Graph API. */
export interface PublishBench {
  cwd: string;
  fake: FakeGraphApi;
  files: StaticServer;
  /** The env the binary needs: the fake's token and account, and short waits. */
  env: Record<string, string>;
  /** `excerpt publish <args> --base-url … --api-url …` in the workspace. */
  publish(args: readonly string[], env?: Record<string, string | undefined>): Promise<CliResult>;
  /** The arguments `publish` adds, for spawning the binary. */
  args(args: readonly string[]): string[];
  close(): Promise<void>;
}

export async function startBench(built: string, name: string): Promise<PublishBench> {
  const cwd = makeWorkspace(name, join(built, 'data'));
  // Timestamps kept: the folders' records compare them.
  cpSync(join(built, 'out'), join(cwd, 'out'), { recursive: true, preserveTimestamps: true });
  const fake = await startFakeGraphApi();
  const files = await startStaticServer(join(cwd, 'out'));
  const env = {
    INSTAGRAM_ACCESS_TOKEN: fake.token,
    INSTAGRAM_USER_ID: fake.userId,
    EXCERPT_PUBLISH_TIME_SCALE: '0.01',
  };
  const args = (rest: readonly string[]): string[] => [
    'publish',
    ...rest,
    '--base-url',
    files.url,
    '--api-url',
    fake.url,
  ];
  return {
    cwd,
    fake,
    files,
    env,
    args,
    publish: (rest, extra = {}) => runExcerpt(args(rest), cwd, { ...env, ...extra }),
    close: async () => {
      await fake.close();
      await files.close();
    },
  };
}

/** post.json of a post of the workspace. */
export function readPost(cwd: string, id: string): PostJson {
  return JSON.parse(readFileSync(join(cwd, 'out', id, 'post.json'), 'utf8')) as PostJson;
}

/** The ledger of a campaign, as written. */
export function readLedgerFile(cwd: string, campaign: string): Ledger {
  return JSON.parse(
    readFileSync(join(cwd, 'data', 'publish', `${campaign}.json`), 'utf8'),
  ) as Ledger;
}

/**
 * Asserts from what the fake recorded that each post was published exactly once, with the
 * caption of caption.txt and, on every item, the built image (its sha256, at its public URL)
 * and the slide's alt text; and that the ledger records it, with the media id.
 */
export function expectPublishedOnce(
  bench: Pick<PublishBench, 'cwd' | 'fake' | 'files'>,
  ids: readonly string[] = postIds,
  postsDir = bench.cwd,
): void {
  const { fake, files } = bench;
  expect(fake.media).toHaveLength(ids.length);
  for (const id of ids) {
    const post = readPost(postsDir, id);
    const caption = readFileSync(join(postsDir, 'out', id, 'caption.txt'), 'utf8').replace(
      /\n$/,
      '',
    );
    const published = fake.media.filter((media) => media.caption === caption);
    expect(published, `${id} is published once`).toHaveLength(1);
    expect(published[0]!.items).toEqual(
      post.slides.map((slide) => ({
        imageUrl: `${files.url}${id}/${slide.file}`,
        sha256: slide.sha256,
        altText: slide.altText,
      })),
    );
    const [campaign, folder] = id.split('/') as [string, string];
    const entry = readLedgerFile(bench.cwd, campaign).posts[folder];
    expect(entry?.state, id).toBe('published');
    expect(entry?.mediaId).toBe(published[0]!.id);
  }
}

/** Every file under a folder, as text. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));
}

/** The token appears in no output, no file of the data folder, and no URL asked. */
export function expectTokenNowhere(bench: PublishBench, results: readonly CliResult[]): void {
  const { token } = bench.fake;
  for (const result of results) {
    expect(result.stdout).not.toContain(token);
    expect(result.stderr).not.toContain(token);
  }
  for (const text of filesUnder(join(bench.cwd, 'data'))) expect(text).not.toContain(token);
  for (const request of bench.fake.requests) {
    expect(request.url).not.toContain(token);
    expect(request.authorization).toBe(`Bearer ${token}`);
  }
}

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, cpSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostJson } from '../../src/render/render-post.js';
import { expectPublishableJpeg } from '../helpers/jpeg.js';
import {
  makeWorkspace,
  removeWorkspaces,
  root,
  runExcerpt,
  spawnExcerpt,
  stackLine,
} from '../helpers/cli.js';

afterAll(removeWorkspaces);
const bundled = join(root, 'data');

/**
 * Every file under a folder, by path relative to it, with its bytes. The folders' records
 * (.excerpt.json) are left out: they hold the files' times, which no two runs share.
 */
function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name !== '.excerpt.json')
      files.set(
        relative(dir, join(entry.parentPath, entry.name)),
        readFileSync(join(entry.parentPath, entry.name)),
      );
  }
  return files;
}

/** Modification times of every file under a folder, to see what a run rewrote. */
function mtimes(dir: string): Map<string, number> {
  const times = new Map<string, number>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      times.set(
        relative(dir, join(entry.parentPath, entry.name)),
        statSync(join(entry.parentPath, entry.name)).mtimeMs,
      );
  }
  return times;
}

const expectedPosts = [
  'adventsfragestund-2020/2020-12-15-socialdemokraterna',
  'adventsfragestund-2020/2020-12-16-centerpartiet',
  'adventsfragestund-2020/2020-12-19-moderaterna',
  'adventsfragestund-2020/2020-12-20-drevvikenpartiet',
  'adventsfragestund-2020/2020-12-21-vansterpartiet',
  'adventsfragestund-2020/2020-12-22-liberalerna',
  'digital-pride-2020/2020-07-30-drevvikenpartiet',
  'digital-pride-2020/2020-07-31-centerpartiet',
  'digital-pride-2020/2020-07-31-liberalerna',
  'digital-pride-2020/2020-07-31-socialdemokraterna',
];

describe('excerpt build on the bundled data', () => {
  let cwd: string;
  let first: Map<string, Buffer>;

  beforeAll(async () => {
    cwd = makeWorkspace('build', bundled);
    const result = await runExcerpt(['build'], cwd);
    expect(result.stderr).not.toContain(stackLine);
    expect(result.code).toBe(0);
    first = snapshot(join(cwd, 'out'));
  });

  /** A workspace with the bundled data and a copy of the first build's output, times kept. */
  function copyOfBuild(name: string): string {
    const dir = makeWorkspace(name, bundled);
    cpSync(join(cwd, 'out'), join(dir, 'out'), { recursive: true, preserveTimestamps: true });
    return dir;
  }

  /** One word added to an answer of Liberalerna's Pride interview (posted 31 July). */
  function editLiberalerna(dir: string): void {
    const file = join(dir, 'data', 'interviews', 'digital-pride-2020', 'liberalerna.yaml');
    const text = readFileSync(file, 'utf8');
    const edited = text.replace('nolltolerans mot övergrepp', 'nolltolerans mot alla övergrepp');
    expect(edited).not.toBe(text);
    writeFileSync(file, edited);
  }

  it('produces the ten dated posts of the source page, and each campaign’s files', () => {
    const folders = [
      ...new Set(
        [...first.keys()]
          .filter((path) => path.endsWith('post.json'))
          .map((path) => path.slice(0, -'/post.json'.length)),
      ),
    ].sort();
    expect(folders).toEqual(expectedPosts);
    for (const campaign of ['adventsfragestund-2020', 'digital-pride-2020']) {
      for (const file of ['manifest.json', 'schedule.csv', 'contact-sheet.jpg'])
        expect(first.has(`${campaign}/${file}`)).toBe(true);
    }
  });

  it('keeps to Instagram’s limits: 2–10 JPEG slides, sRGB 4:4:4 at the exact size, caption, hashtags, alt text', async () => {
    for (const folder of expectedPosts) {
      const post = JSON.parse(first.get(`${folder}/post.json`)!.toString()) as PostJson;
      expect(post.slides.length).toBeGreaterThanOrEqual(2);
      expect(post.slides.length).toBeLessThanOrEqual(10);
      expect([post.width, post.height]).toEqual([1080, 1080]);
      expect([...post.caption].length).toBeLessThanOrEqual(2200);
      expect(post.hashtags.length).toBeLessThanOrEqual(5);
      expect(post.caption.match(/#\p{L}+/gu)?.length ?? 0).toBeLessThanOrEqual(5);
      expect(post.caption.trimEnd().split('\n').at(-1)).toMatch(/^(#\p{L}[\p{L}\p{N}]* ?)+$/u);
      expect(first.get(`${folder}/caption.txt`)!.toString()).toBe(`${post.caption}\n`);
      for (const slide of post.slides) {
        expect([...slide.altText].length).toBeLessThanOrEqual(1000);
        await expectPublishableJpeg(first.get(`${folder}/${slide.file}`)!, {
          width: 1080,
          height: 1080,
        });
      }
    }
  });

  it('writes a manifest with publish times in Stockholm time and each slide’s file, size, bytes, sha256 and alt text', () => {
    const manifest = JSON.parse(first.get('digital-pride-2020/manifest.json')!.toString()) as {
      posts: {
        publishAt: string;
        caption: string;
        hashtags: string[];
        slides: {
          file: string;
          width: number;
          height: number;
          bytes: number;
          sha256: string;
          altText: string;
        }[];
      }[];
    };
    expect(manifest.posts.map((post) => post.publishAt)).toEqual([
      '2020-07-30T08:00:00+02:00',
      '2020-07-31T08:00:00+02:00',
      '2020-07-31T08:00:00+02:00',
      '2020-07-31T08:00:00+02:00',
    ]);
    for (const post of manifest.posts) {
      for (const slide of post.slides) {
        const bytes = first.get(`digital-pride-2020/${slide.file}`)!;
        expect(slide.bytes).toBe(bytes.length);
        expect(slide.sha256).toMatch(/^[0-9a-f]{64}$/);
        expect([slide.width, slide.height]).toEqual([1080, 1080]);
      }
    }
    const csv = first.get('adventsfragestund-2020/schedule.csv')!.toString();
    expect(csv.split('\r\n')[0]).toBe(
      'publish_at,date,time,party,interviewee,role,slides,files,caption',
    );
    expect(csv).toContain(
      '2020-12-15T08:00:00+01:00,2020-12-15,08:00,Socialdemokraterna,Sara Heelge Vikmång,oppositionsråd,',
    );
  });

  it('gives byte-identical files on a second build', async () => {
    const result = await runExcerpt(['build', '--out', 'again'], cwd);
    expect(result.code).toBe(0);
    const second = snapshot(join(cwd, 'again'));
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    for (const [path, bytes] of first) expect(second.get(path)!.equals(bytes), path).toBe(true);
  });

  it('rewrites no file when nothing changed', async () => {
    const before = mtimes(join(cwd, 'out'));
    const result = await runExcerpt(['build'], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('10 posts (0 rendered, 10 unchanged)');
    expect(mtimes(join(cwd, 'out'))).toEqual(before);
  });

  it('re-renders only the post of an edited interview', async () => {
    const edit = copyOfBuild('build-edit');
    const before = mtimes(join(edit, 'out'));
    editLiberalerna(edit);

    const result = await runExcerpt(['build'], edit);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('10 posts (1 rendered, 9 unchanged)');
    const changed = [...mtimes(join(edit, 'out'))]
      .filter(([path, time]) => before.get(path) !== time)
      .map(([path]) => path);
    expect(
      changed.every(
        (path) =>
          path.startsWith('digital-pride-2020/2020-07-31-liberalerna/') ||
          /^digital-pride-2020\/[^/]+$/.test(path),
      ),
    ).toBe(true);
    expect(changed).toContain('digital-pride-2020/2020-07-31-liberalerna/02.jpg');
    expect(changed.some((path) => path.startsWith('adventsfragestund-2020/'))).toBe(false);
  });

  it('removes only what it wrote: slides a post no longer has, posts dropped from the schedule', async () => {
    const edit = copyOfBuild('build-shrink');
    const out = join(edit, 'out', 'digital-pride-2020');
    const mine = [
      'notes.txt',
      '2020-07-31-socialdemokraterna/notes.txt',
      '2020-07-30-drevvikenpartiet/notes.txt',
    ];
    for (const file of mine) writeFileSync(join(out, file), 'a communicator’s own file\n');
    const campaign = join(edit, 'data', 'campaigns', 'digital-pride-2020.yaml');
    const schedule = readFileSync(campaign, 'utf8');
    writeFileSync(
      campaign,
      schedule
        .replace(
          / {2}- date: 2020-07-30\n {4}interview: digital-pride-2020\/drevvikenpartiet\n {4}qa: \[q1, q2\]\n/,
          '',
        )
        .replace(
          /(interview: digital-pride-2020\/socialdemokraterna\n {4}qa: )\[q1, q2\]/,
          '$1[q2]',
        ),
    );
    const before = JSON.parse(
      readFileSync(join(out, '2020-07-31-socialdemokraterna', 'post.json'), 'utf8'),
    ) as PostJson;

    const result = await runExcerpt(['build'], edit);
    expect(result.code).toBe(0);
    const after = JSON.parse(
      readFileSync(join(out, '2020-07-31-socialdemokraterna', 'post.json'), 'utf8'),
    ) as PostJson;
    expect(after.slides.length).toBeLessThan(before.slides.length);
    const slidesLeft = readdirSync(join(out, '2020-07-31-socialdemokraterna')).filter((name) =>
      name.endsWith('.jpg'),
    );
    expect(slidesLeft).toEqual(after.slides.map((slide) => slide.file));
    // The dropped post's files are gone, but not the file someone else put in its folder.
    expect(readdirSync(join(out, '2020-07-30-drevvikenpartiet'))).toEqual(['notes.txt']);
    for (const file of mine) expect(existsSync(join(out, file)), file).toBe(true);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
      posts: unknown[];
    };
    expect(manifest.posts).toHaveLength(3);
  });

  it('rebuilds one day in another format, and the campaign files describe what is on disk', async () => {
    const edit = copyOfBuild('build-only');
    const before = mtimes(join(edit, 'out'));

    const result = await runExcerpt(['build', '--only', '2020-07-31', '--format', 'story'], edit);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('3 posts (3 rendered, 0 unchanged)');
    const changed = [...mtimes(join(edit, 'out'))]
      .filter(([path, time]) => before.get(path) !== time)
      .map(([path]) => path);
    expect(changed.some((path) => path.startsWith('adventsfragestund-2020/'))).toBe(false);
    expect(changed.some((path) => path.startsWith('digital-pride-2020/2020-07-30-'))).toBe(false);

    const out = join(edit, 'out', 'digital-pride-2020');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
      posts: { folder: string; format: string; slides: { file: string; sha256: string }[] }[];
    };
    expect(manifest.posts.map((post) => [post.folder, post.format])).toEqual([
      ['2020-07-30-drevvikenpartiet', 'square'],
      ['2020-07-31-centerpartiet', 'story'],
      ['2020-07-31-liberalerna', 'story'],
      ['2020-07-31-socialdemokraterna', 'story'],
    ]);
    for (const post of manifest.posts) {
      const json = JSON.parse(
        readFileSync(join(out, post.folder, 'post.json'), 'utf8'),
      ) as PostJson;
      expect(json.format).toBe(post.format);
      for (const slide of post.slides) {
        const bytes = readFileSync(join(out, slide.file));
        expect(createHash('sha256').update(bytes).digest('hex'), slide.file).toBe(slide.sha256);
      }
    }
    const schedule = readFileSync(join(out, 'schedule.csv'), 'utf8');
    for (const post of manifest.posts) expect(schedule).toContain(post.slides[0]!.file);
    expect(changed).toContain('digital-pride-2020/contact-sheet.jpg');
  });

  it(
    'finishes every post correctly after being killed part-way, leaving no partial or temporary file',
    { timeout: 180_000 },
    async () => {
      const crash = makeWorkspace('build-kill', bundled);
      const child = spawnExcerpt(['build'], crash);
      // Kill it once the first post is complete and others are still being drawn.
      const firstPost = join(
        crash,
        'out',
        'adventsfragestund-2020',
        '2020-12-15-socialdemokraterna',
        '.excerpt.json',
      );
      const deadline = Date.now() + 60_000;
      while (!existsSync(firstPost) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      expect(existsSync(join(crash, 'out', 'digital-pride-2020', 'manifest.json'))).toBe(false);

      const result = await runExcerpt(['build'], crash);
      expect(result.code).toBe(0);
      const after = snapshot(join(crash, 'out'));
      expect([...after.keys()].filter((path) => path.includes('.excerpt-tmp-'))).toEqual([]);
      expect([...after.keys()].sort()).toEqual([...first.keys()].sort());
      for (const [path, bytes] of first) expect(after.get(path)!.equals(bytes), path).toBe(true);
    },
  );
});

describe('excerpt build on damaged data', () => {
  const cases: [string, string, (text: string) => string, RegExp[]][] = [
    [
      'YAML syntax',
      'interviews/adventsfragestund-2020/moderaterna.yaml',
      (text) => text.replace('party: Moderaterna', 'party: [Moderaterna'),
      [/data\/interviews\/adventsfragestund-2020\/moderaterna\.yaml:\d+:\d+/],
    ],
    [
      'a missing field',
      'interviews/digital-pride-2020/centerpartiet.yaml',
      (text) => text.replace(/^party: .*\n/m, ''),
      [/centerpartiet\.yaml.*party/],
    ],
    [
      'an unknown Q&A id',
      'campaigns/adventsfragestund-2020.yaml',
      (text) => text.replace('qa: [q1, q6]', 'qa: [q1, q9]'),
      [/adventsfragestund-2020\.yaml.*posts\[\d\]\.qa\[1\]/, /q9/],
    ],
    [
      'a foreign character',
      'interviews/digital-pride-2020/liberalerna.yaml',
      (text) => text.replace('nolltolerans', 'noll漢tolerans'),
      [/”漢” \(U\+6F22\)/, /liberalerna\.yaml: qa\[0\]\.answer\[0\]/],
    ],
    [
      'a duplicate Q&A id',
      'interviews/adventsfragestund-2020/vansterpartiet.yaml',
      (text) => text.replace('- id: q2', '- id: q1'),
      [/vansterpartiet\.yaml.*qa\[1\]\.id/, /q1/],
    ],
  ];

  it.each(cases)(
    '%s exits 2 naming the culprit and writes no slide',
    async (_name, file, damage, patterns) => {
      const cwd = makeWorkspace('build-damaged', bundled);
      const path = join(cwd, 'data', file);
      const damaged = damage(readFileSync(path, 'utf8'));
      expect(damaged).not.toBe(readFileSync(path, 'utf8'));
      writeFileSync(path, damaged);
      const result = await runExcerpt(['build'], cwd);
      expect(result.code).toBe(2);
      for (const pattern of patterns) expect(result.stderr).toMatch(pattern);
      expect(result.stderr).not.toContain(stackLine);
      expect(existsSync(join(cwd, 'out'))).toBe(false);
    },
  );
});

import { execFileSync, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  watch,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeWorkspace,
  removeWorkspaces,
  root,
  runExcerpt,
  spawnExcerpt,
  stackLine,
} from '../helpers/cli.js';
import { lockOutputFolder } from '../../src/render/output-lock.js';

afterAll(removeWorkspaces);

// Three posts in two campaigns (square and portrait): quick to build, enough to interrupt.
const fixture = join(root, 'test', 'fixtures', 'data', 'valid');
const firstPost = join('out', 'adventsfragestund-2020', '2020-12-16-centerpartiet');
const interviewFile = join('data', 'interviews', 'adventsfragestund-2020', 'centerpartiet.yaml');

/** Every file under a folder but the records (which hold file times), with its bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name !== '.excerpt.json') {
      const path = join(entry.parentPath, entry.name);
      files.set(relative(dir, path), readFileSync(path));
    }
  }
  return files;
}

function expectSameFiles(actual: Map<string, Buffer>, expected: Map<string, Buffer>): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [path, bytes] of expected) expect(actual.get(path)!.equals(bytes), path).toBe(true);
}

/**
 * Kills `child` the moment `file` is replaced (renamed into place): a build caught with one
 * slide of a post rewritten and the rest not. Resolves with the signal that ended the child.
 */
function killWhenReplaced(child: ChildProcess, file: string): Promise<NodeJS.Signals | null> {
  return new Promise((resolve) => {
    const watcher = watch(dirname(file), (_event, name) => {
      if (name === basename(file)) child.kill('SIGKILL');
    });
    child.once('exit', (_code, signal) => {
      watcher.close();
      resolve(signal);
    });
  });
}

describe('a build that is interrupted, or meets files it did not write', () => {
  let clean: Map<string, Buffer>;
  let built: string;

  beforeAll(async () => {
    built = makeWorkspace('integrity', fixture);
    const result = await runExcerpt(['build'], built);
    expect(result.code).toBe(0);
    clean = snapshot(join(built, 'out'));
  });

  function copyOfBuild(name: string): string {
    const dir = makeWorkspace(name, fixture);
    cpSync(join(built, 'out'), join(dir, 'out'), { recursive: true, preserveTimestamps: true });
    return dir;
  }

  it('is never taken for current after a kill in another format: the next build redoes the post', async () => {
    const cwd = copyOfBuild('integrity-format');
    const child = spawnExcerpt(['build', '--format', 'portrait'], cwd);
    const signal = await killWhenReplaced(child, join(cwd, firstPost, '01.jpg'));
    expect(signal).toBe('SIGKILL');

    const result = await runExcerpt(['build'], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('0 rendered');
    expectSameFiles(snapshot(join(cwd, 'out')), clean);
    // And once repaired, it is current again.
    expect((await runExcerpt(['build'], cwd)).stdout).toContain(
      '3 posts (0 rendered, 3 unchanged)',
    );
  });

  it('shows no word of an edit undone after an interrupted build: the slides equal a clean build', async () => {
    const cwd = copyOfBuild('integrity-revert');
    const file = join(cwd, interviewFile);
    const original = readFileSync(file, 'utf8');
    const edited = original.replace('nollvision', 'nollvision och nolltolerans');
    expect(edited).not.toBe(original);
    writeFileSync(file, edited);
    const child = spawnExcerpt(['build'], cwd);
    // 02.jpg: the first slide of the answer (the cover does not change).
    expect(await killWhenReplaced(child, join(cwd, firstPost, '02.jpg'))).toBe('SIGKILL');
    writeFileSync(file, original);

    const result = await runExcerpt(['build'], cwd);
    expect(result.code).toBe(0);
    expectSameFiles(snapshot(join(cwd, 'out')), clean);
  });

  it('redraws a post whose slide was changed on disk since it was written', async () => {
    const cwd = copyOfBuild('integrity-changed');
    const slide = join(cwd, firstPost, '02.jpg');
    writeFileSync(slide, readFileSync(join(cwd, firstPost, '03.jpg')));
    const result = await runExcerpt(['build'], cwd);
    expect(result.stdout).toContain('(1 rendered, 2 unchanged)');
    expectSameFiles(snapshot(join(cwd, 'out')), clean);
  });

  it('refuses to overwrite a file in a post folder that it did not write, and writes nothing', async () => {
    const cwd = makeWorkspace('integrity-foreign', fixture);
    const folder = join(cwd, firstPost);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, '01.jpg'), 'a photo of the communicator’s own\n');
    writeFileSync(join(folder, 'caption.txt'), 'my own caption\n');

    const result = await runExcerpt(['build'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(join(firstPost, '01.jpg'));
    expect(result.stderr).toContain(join(firstPost, 'caption.txt'));
    expect(result.stderr).toMatch(/not written by excerpt/);
    expect(result.stderr).toMatch(/hint: move them away/);
    expect(result.stderr).not.toContain(stackLine);
    expect(readFileSync(join(folder, '01.jpg'), 'utf8')).toBe(
      'a photo of the communicator’s own\n',
    );
    expect(readdirSync(folder).sort()).toEqual(['01.jpg', 'caption.txt']);
    expect(readdirSync(join(cwd, 'out')).sort()).toEqual(['adventsfragestund-2020']);
  });

  it('refuses a post folder that is a link leading out of out/, and writes nothing there', async () => {
    const cwd = makeWorkspace('integrity-link', fixture);
    const elsewhere = join(cwd, 'elsewhere');
    mkdirSync(elsewhere);
    mkdirSync(dirname(join(cwd, firstPost)), { recursive: true });
    symlinkSync(elsewhere, join(cwd, firstPost));

    const result = await runExcerpt(['build'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(firstPost);
    expect(result.stderr).not.toContain(stackLine);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('names a FIFO where a folder’s record goes, before drawing, and does not wait on it', async () => {
    const cwd = makeWorkspace('integrity-fifo', fixture);
    mkdirSync(join(cwd, firstPost), { recursive: true });
    const records = [join(firstPost, '.excerpt.json'), join(dirname(firstPost), '.excerpt.json')];
    for (const record of records) execFileSync('mkfifo', [join(cwd, record)]);

    const result = await runExcerpt(['build'], cwd, {}, 30_000);
    expect(result.code).toBe(2);
    for (const record of records) expect(result.stderr).toContain(record);
    expect(result.stderr).not.toContain(stackLine);
    expect(readdirSync(join(cwd, firstPost))).toEqual(['.excerpt.json']);
    expect(readdirSync(join(cwd, 'out')).sort()).toEqual(['adventsfragestund-2020']);
  });

  it('leaves a slide someone replaced with their own file when the post no longer needs it', async () => {
    const cwd = copyOfBuild('integrity-replaced');
    const slides = readdirSync(join(cwd, firstPost)).filter((name) => name.endsWith('.jpg'));
    const last = join(cwd, firstPost, slides.sort().at(-1)!);
    writeFileSync(last, 'a photo of the communicator’s own\n');
    const campaign = join(cwd, 'data', 'campaigns', 'adventsfragestund-2020.yaml');
    writeFileSync(campaign, readFileSync(campaign, 'utf8').replace('qa: [q1, q2]', 'qa: [q1]'));

    const result = await runExcerpt(['build'], cwd);
    expect(result.code).toBe(0);
    expect(readFileSync(last, 'utf8')).toBe('a photo of the communicator’s own\n');
  });

  it('refuses to replace a folder that stands where a slide goes', async () => {
    const cwd = copyOfBuild('integrity-folder');
    const edited = readFileSync(join(cwd, interviewFile), 'utf8').replace(
      'nollvision',
      'noll-vision',
    );
    writeFileSync(join(cwd, interviewFile), edited);
    rmSync(join(cwd, firstPost, '02.jpg'));
    mkdirSync(join(cwd, firstPost, '02.jpg'));

    const result = await runExcerpt(['build'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(join(firstPost, '02.jpg'));
    expect(result.stderr).not.toContain(stackLine);
    expect(statSync(join(cwd, firstPost, '02.jpg')).isDirectory()).toBe(true);
  });

  it('render refuses to replace a user’s files in --out, naming them', async () => {
    const cwd = makeWorkspace('integrity-render', fixture);
    const photos = join(cwd, 'photos');
    mkdirSync(photos);
    writeFileSync(join(photos, '01.jpg'), 'holiday\n');
    writeFileSync(join(photos, 'caption.txt'), 'a day at the sea\n');

    const result = await runExcerpt(
      ['render', 'adventsfragestund-2020/centerpartiet', '--qa', 'q1', '--out', 'photos'],
      cwd,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(join('photos', '01.jpg'));
    expect(result.stderr).toContain(join('photos', 'caption.txt'));
    expect(result.stderr).not.toContain(stackLine);
    expect(readFileSync(join(photos, '01.jpg'), 'utf8')).toBe('holiday\n');
    expect(readdirSync(photos).sort()).toEqual(['01.jpg', 'caption.txt']);

    // Into a folder of its own it renders, and a second render there is its own to replace.
    const own = await runExcerpt(
      ['render', 'adventsfragestund-2020/centerpartiet', '--qa', 'q1', '--out', 'post'],
      cwd,
    );
    expect(own.code).toBe(0);
    const again = await runExcerpt(
      ['render', 'adventsfragestund-2020/centerpartiet', '--qa', 'q2', '--out', 'post'],
      cwd,
    );
    expect(again.code).toBe(0);
  });

  it('builds one day into a fresh folder, with campaign files for that campaign alone', async () => {
    const cwd = makeWorkspace('integrity-only', fixture);
    const result = await runExcerpt(['build', '--only', '2020-07-31'], cwd);
    expect(result.code).toBe(0);
    expect(readdirSync(join(cwd, 'out'))).toEqual(['digital-pride-2020']);
    const manifest = JSON.parse(
      readFileSync(join(cwd, 'out', 'digital-pride-2020', 'manifest.json'), 'utf8'),
    ) as { posts: { folder: string }[] };
    expect(manifest.posts.map((post) => post.folder)).toEqual(['2020-07-31-centerpartiet']);
  });

  it('lets two builds into one folder run one after the other, never both at once', async () => {
    const cwd = makeWorkspace('integrity-twice', fixture);
    const [one, two] = await Promise.all([
      runExcerpt(['build'], cwd),
      runExcerpt(['build', '--force'], cwd),
    ]);
    for (const result of [one, two]) {
      expect(result.stderr).not.toContain(stackLine);
      expect([0, 2]).toContain(result.code);
      if (result.code === 2) expect(result.stderr).toMatch(/another excerpt run is writing/);
    }
    expect(one.stderr + two.stderr).toMatch(/waiting for another excerpt run/);
    const files = snapshot(join(cwd, 'out'));
    expect([...files.keys()].filter((path) => path.includes('.excerpt-tmp-'))).toEqual([]);
    expectSameFiles(files, clean);
  });

  it('waits for a build that holds the lock longer than a stale lock’s age, then builds', async () => {
    const cwd = makeWorkspace('integrity-long', fixture);
    // A live run refreshing its lock, for longer than the old fifteen seconds' wait.
    const lock = await lockOutputFolder(join(cwd, 'out'));
    const release = sleep(18_000).then(() => lock.release());
    const result = await runExcerpt(['build', '--only', '2020-07-31'], cwd);
    await release;
    expect(result.stderr).toMatch(/waiting for another excerpt run/);
    expect(result.stderr).not.toMatch(/error/);
    expect(result.code).toBe(0);
  });

  it('goes on when the run it waited for ends having written nothing, its out/ removed', async () => {
    const cwd = makeWorkspace('integrity-vanished', fixture);
    const lock = await lockOutputFolder(join(cwd, 'out'));
    const release = sleep(3_000).then(() => lock.release());
    const result = await runExcerpt(['build', '--only', '2020-07-31'], cwd);
    await release;
    expect(result.stderr).toMatch(/waiting for another excerpt run/);
    expect(result.stderr).not.toContain(stackLine);
    expect(result.code).toBe(0);
    expect(readdirSync(join(cwd, 'out'))).toEqual(['digital-pride-2020']);
  });

  it('is not blocked for good by a build that was killed holding the lock', async () => {
    const cwd = makeWorkspace('integrity-stale', fixture);
    const child = spawnExcerpt(['build'], cwd);
    const lock = join(cwd, 'out', '.excerpt.lock');
    const deadline = Date.now() + 60_000;
    while (!existsSync(lock) && Date.now() < deadline) await sleep(10);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(existsSync(lock)).toBe(true);

    const result = await runExcerpt(['build'], cwd);
    expect(result.code).toBe(0);
    expect(existsSync(lock)).toBe(false);
    expectSameFiles(snapshot(join(cwd, 'out')), clean);
  });
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

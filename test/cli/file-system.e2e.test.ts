import { execFile, execFileSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bin,
  makeWorkspace,
  removeWorkspaces,
  root,
  runExcerpt,
  stackLine,
  type CliResult,
} from '../helpers/cli.js';

const fixture = join(root, 'test', 'fixtures', 'data', 'valid');
const mounted: string[] = [];

afterAll(() => {
  for (const point of mounted.splice(0)) {
    try {
      execFileSync('umount', [point]);
    } catch {
      // Already gone.
    }
  }
  removeWorkspaces();
});

/**
 * A full disk and a read-only disk need a file system of their own: a tmpfs, which root can
 * mount (these machines and CI run as root). Permission errors need another user, since root
 * may write anywhere (FACTS.md).
 */
const isRoot = process.getuid?.() === 0;
const canMount = isRoot && probeMount();

function probeMount(): boolean {
  const point = mkdtempSync(join(tmpdir(), 'excerpt-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', point], { stdio: 'ignore' });
    execFileSync('umount', [point], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(point, { recursive: true, force: true });
  }
}

function mountTmpfs(point: string, options: string): void {
  mkdirSync(point, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', point]);
  mounted.push(point);
}

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

function expectInputError(result: CliResult, ...patterns: RegExp[]): void {
  expect(result.code).toBe(2);
  expect(result.stderr).not.toContain(stackLine);
  expect(result.stderr).not.toMatch(/bug in excerpt/);
  for (const pattern of patterns) expect(result.stderr).toMatch(pattern);
}

describe('the file system saying no', () => {
  let clean: Map<string, Buffer>;

  beforeAll(async () => {
    const cwd = makeWorkspace('fs-clean', fixture);
    expect((await runExcerpt(['build'], cwd)).code).toBe(0);
    clean = snapshot(join(cwd, 'out'));
  });

  it('an --out that is a file: exit 2, naming it', async () => {
    const cwd = makeWorkspace('fs-out-file', fixture);
    writeFileSync(join(cwd, 'out'), 'not a folder\n');
    expectInputError(
      await runExcerpt(['build'], cwd),
      /out is a file, where a folder is needed/,
      /hint: move the file away, or choose another --out/,
    );
    expectInputError(
      await runExcerpt(['render', 'adventsfragestund-2020/centerpartiet', '--qa', 'q1'], cwd),
      /out is a file, where a folder is needed/,
    );
    expect(readFileSync(join(cwd, 'out'), 'utf8')).toBe('not a folder\n');
  });

  it('a file inside the path of --out: exit 2, naming the file in the way', async () => {
    const cwd = makeWorkspace('fs-parent-file', fixture);
    writeFileSync(join(cwd, 'exports'), 'a file\n');
    expectInputError(
      await runExcerpt(['build', '--out', 'exports/instagram'], cwd),
      /exports is a file, where a folder is needed/,
    );
  });

  it('a file where a campaign folder goes: exit 2, nothing written', async () => {
    const cwd = makeWorkspace('fs-campaign-file', fixture);
    mkdirSync(join(cwd, 'out'));
    writeFileSync(join(cwd, 'out', 'digital-pride-2020'), 'a file\n');
    expectInputError(
      await runExcerpt(['build'], cwd),
      new RegExp(`${join('out', 'digital-pride-2020')}.*not written by excerpt`),
    );
    expect(readdirSync(join(cwd, 'out'))).toEqual(['digital-pride-2020']);
  });

  it.skipIf(!isRoot)('no permission to write: exit 2, naming the folder', async () => {
    const cwd = makeWorkspace('fs-permission', fixture);
    chmodSync(cwd, 0o755);
    mkdirSync(join(cwd, 'out'), { mode: 0o755 });
    const result = await runAs(65534, ['build'], cwd);
    expectInputError(result, /no permission to write .*out/, /hint: choose another --out/);
    expect(readdirSync(join(cwd, 'out'))).toEqual([]);
  });

  it.skipIf(!isRoot)(
    'unreadable data, a file and a folder: exit 2, naming each and the fix',
    async () => {
      const cwd = makeWorkspace('fs-unreadable', fixture);
      chmodSync(cwd, 0o755);
      const file = join('data', 'campaigns', 'digital-pride-2020.yaml');
      const folder = join('data', 'interviews', 'adventsfragestund-2020');
      chmodSync(join(cwd, file), 0o000);
      chmodSync(join(cwd, folder), 0o000);
      const result = await runAs(65534, ['list'], cwd);
      expectInputError(
        result,
        new RegExp(`${file}: cannot be read: no permission\n    hint: .*chmod u\\+r ${file}`),
        new RegExp(`${folder}: cannot be read: no permission\n    hint: .*chmod u\\+rx ${folder}`),
      );
    },
  );

  it.skipIf(!canMount)('a read-only disk: exit 2, saying so', async () => {
    const cwd = makeWorkspace('fs-read-only', fixture);
    mountTmpfs(join(cwd, 'out'), 'size=1m,ro');
    expectInputError(await runExcerpt(['build'], cwd), /the disk is read-only/);
  });

  it.skipIf(!canMount)('a new --out folder on a read-only disk: exit 2, saying so', async () => {
    // Node's recursive mkdir says ENOENT there, not EROFS: that was "a bug in excerpt".
    const cwd = makeWorkspace('fs-read-only-new', fixture);
    mountTmpfs(join(cwd, 'disk'), 'size=1m,ro');
    expectInputError(
      await runExcerpt(['build', '--out', 'disk/instagram/2020'], cwd),
      /cannot write .*disk\/instagram\/2020.*: the disk is read-only/,
    );
  });

  it.skipIf(!canMount)(
    'a full disk: exit 2, no half-written file, and once space is freed a rerun completes',
    async () => {
      const cwd = makeWorkspace('fs-full', fixture);
      const out = join(cwd, 'out');
      // Room for some slides, not all: the build fails part-way through writing.
      mountTmpfs(out, 'size=700k');
      expectInputError(
        await runExcerpt(['build'], cwd),
        /cannot write .* the disk is full/,
        /hint: free some space and run it again/,
      );
      expect([...snapshot(out).keys()].filter((path) => path.includes('.excerpt-tmp-'))).toEqual(
        [],
      );
      // Every slide on the full disk is whole: what a record calls current is really there.
      execFileSync('mount', ['-o', 'remount,size=20m', out]);
      const rerun = await runExcerpt(['build'], cwd);
      expect(rerun.stderr).not.toContain(stackLine);
      expect(rerun.code).toBe(0);
      const after = snapshot(out);
      expect([...after.keys()].sort()).toEqual([...clean.keys()].sort());
      for (const [path, bytes] of clean) expect(after.get(path)!.equals(bytes), path).toBe(true);
    },
  );
});

/** Runs `excerpt …` as another user (nobody), for permission errors that root never meets. */
function runAs(uid: number, args: readonly string[], cwd: string): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      'setpriv',
      [`--reuid=${uid}`, `--regid=${uid}`, '--clear-groups', process.execPath, bin, ...args],
      { cwd, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileSystemError } from '../../src/io/file-system-error.js';
import { writeFileAtomic } from '../../src/io/write-file-atomic.js';

const dir = mkdtempSync(join(tmpdir(), 'excerpt-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('writes a file whole, creating its folder, and replaces an older one', async () => {
    const path = join(dir, 'a', 'b', 'post.json');
    await writeFileAtomic(path, '{"v":1}\n');
    expect(readFileSync(path, 'utf8')).toBe('{"v":1}\n');
    await writeFileAtomic(path, Buffer.from('{"v":2}\n'));
    expect(readFileSync(path, 'utf8')).toBe('{"v":2}\n');
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['post.json']);
  });

  it('leaves the old file and no temporary file when the write fails, and names the path', async () => {
    const target = join(dir, 'slide.jpg');
    mkdirSync(target);
    writeFileSync(join(target, 'inside'), 'x');
    const error = await writeFileAtomic(target, 'new').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FileSystemError);
    expect((error as FileSystemError).message).toBe(
      `${target} is a folder, where a file is needed`,
    );
    expect(readdirSync(dir).filter((name) => name.startsWith('.excerpt-tmp-'))).toEqual([]);
    expect(readFileSync(join(target, 'inside'), 'utf8')).toBe('x');
  });

  it('says which file stands where a folder is needed', async () => {
    writeFileSync(join(dir, 'out'), 'a file');
    const error = await writeFileAtomic(join(dir, 'out', 'x', '01.jpg'), 'y').catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(FileSystemError);
    expect((error as FileSystemError).message).toBe(
      `${join(dir, 'out')} is a file, where a folder is needed`,
    );
  });
});

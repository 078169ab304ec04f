import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { readTextOrNull } from '../../src/preview/edits/data-files.js';

const dir = mkdtempSync(join(tmpdir(), 'excerpt-data-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** How the studio reads a data file before it shows or changes it. */
describe('readTextOrNull', () => {
  it('reads a plain file, and none as null', async () => {
    writeFileSync(join(dir, 'brand.yaml'), 'organisation: X\n');
    expect(await readTextOrNull(join(dir, 'brand.yaml'))).toBe('organisation: X\n');
    expect(await readTextOrNull(join(dir, 'none.yaml'))).toBeNull();
  });

  it('refuses a FIFO (a read would wait for ever) and a folder, in both languages', async () => {
    execFileSync('mkfifo', [join(dir, 'fifo.yaml')]);
    mkdirSync(join(dir, 'folder.yaml'));
    for (const name of ['fifo.yaml', 'folder.yaml']) {
      const error = await readTextOrNull(join(dir, name)).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).message).toBe(`${join(dir, name)} is not a plain file`);
      expect((error as InputError).sv?.message).toBe(`${join(dir, name)} är inte en vanlig fil`);
    }
  });
});

import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { makeWorkspace, root } from '../helpers/cli.js';

const fixtures = join(root, 'test', 'fixtures', 'check');

/**
 * A temporary folder whose `data/` is the base fixture (the bundled Digital Pride 2020, which
 * checks clean) with the files of `overlay` (a folder of test/fixtures/check/) written over it:
 * each broken case holds only the files it breaks.
 */
export function checkWorkspace(overlay?: string): string {
  const dir = makeWorkspace(`check-${overlay ?? 'base'}`, join(fixtures, 'base'));
  if (overlay !== undefined)
    cpSync(join(fixtures, overlay), join(dir, 'data'), { recursive: true });
  return dir;
}

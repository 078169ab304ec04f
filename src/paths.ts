import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's own folder, found by walking up from this module to its package.json: the same
 * answer from src/ (tests) and from dist/src/ (the built CLI), wherever the user's cwd is.
 */
function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('excerpt: cannot find its own package.json');
    dir = parent;
  }
  return dir;
}

export const packageRoot = findPackageRoot();
export const fontsDir = join(packageRoot, 'fonts');
export const templatesSourceDir = join(packageRoot, 'templates');

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The CLI tests run the real binary, which runs dist/, and the preview serves its page's script
 * and styles from dist/client/. `npm test` builds first; a bare `vitest run` builds here, once,
 * when any source is newer than the last build.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const buildInfo = join(root, 'dist', '.tsbuildinfo');
const entry = join(root, 'dist', 'src', 'cli', 'index.js');
const clientBundle = ['app.js', 'app.css'].map((file) => join(root, 'dist', 'client', file));
const clientSources = ['src/preview/client', 'src/preview/page-protocol.ts', 'package.json'];

export default function setup(): void {
  buildClient();
  if (isBuildCurrent()) return;
  try {
    execFileSync(
      process.execPath,
      [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
      { cwd: root, stdio: 'pipe' },
    );
  } catch (error) {
    // tsc still writes JavaScript when types fail; the type check proper is `tsc --noEmit`.
    if (!existsSync(entry)) throw error;
    const output = (error as { stdout?: Buffer }).stdout?.toString() ?? '';
    console.warn(`global setup: the build reported type errors:\n${output}`);
  }
}

/** Bundles the page's client as `npm run build:client` does, when a source is newer. */
function buildClient(): void {
  const changed = newestChange(clientSources.map((path) => join(root, path)));
  const isBuilt = clientBundle.every(
    (file) => existsSync(file) && changed <= statSync(file).mtimeMs,
  );
  if (isBuilt) return;
  execFileSync('npm', ['run', '--silent', 'build:client'], { cwd: root, stdio: 'pipe' });
}

function isBuildCurrent(): boolean {
  if (!existsSync(buildInfo) || !existsSync(entry)) return false;
  const built = statSync(buildInfo).mtimeMs;
  const sources = ['src', 'templates'].map((dir) => join(root, dir));
  const configs = ['tsconfig.json', 'tsconfig.build.json'].map((file) => join(root, file));
  return newestChange([...sources, ...configs]) <= built;
}

function newestChange(paths: readonly string[]): number {
  let newest = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const stats = statSync(path);
    newest = Math.max(newest, stats.mtimeMs);
    if (stats.isDirectory()) {
      const children = readdirSync(path).map((name) => join(path, name));
      newest = Math.max(newest, newestChange(children));
    }
  }
  return newest;
}

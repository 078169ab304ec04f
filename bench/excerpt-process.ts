import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../src/paths.js';

export interface ProcessRun {
  /** Wall time from spawn to the process's exit. */
  ms: number;
  /** Peak resident set size of the process, whole (all threads), in MiB. */
  peakRssMb: number;
  /** CPU time of the process, user and system, all threads: less moved by a busy machine. */
  cpuMs: number;
  stdout: string;
  stderr: string;
}

const binPath = join(packageRoot, 'bin', 'excerpt.js');
const rssPreload = fileURLToPath(new URL('max-rss.mjs', import.meta.url));

/**
 * Runs `excerpt <args>` as users do, a fresh Node process on bin/excerpt.js (the compiled
 * dist/), and times it from spawn to exit: Node's start-up, imports, the work and the exit.
 * The only addition is a one-file preload that records the peak RSS at exit.
 */
export async function runExcerpt(args: readonly string[]): Promise<ProcessRun> {
  const scratch = await mkdtemp(join(tmpdir(), 'excerpt-bench-rss-'));
  const rssFile = join(scratch, 'max-rss');
  try {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', rssPreload, binPath, ...args], {
      cwd: packageRoot,
      env: { ...process.env, EXCERPT_BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const { code, ms } = await new Promise<{ code: number | null; ms: number }>(
      (resolve, reject) => {
        child.on('error', reject);
        child.on('exit', (exitCode) =>
          resolve({ code: exitCode, ms: performance.now() - started }),
        );
      },
    );
    // Let the pipes drain before reading what the process printed.
    await new Promise<void>((resolve) => {
      if (child.stdout.closed && child.stderr.closed) resolve();
      else child.on('close', () => resolve());
    });
    if (code !== 0) {
      throw new Error(`excerpt ${args.join(' ')} exited with ${code}:\n${stderr}`);
    }
    const [kilobytes, micros] = (await readFile(rssFile, 'utf8')).split(' ').map(Number);
    return { ms, peakRssMb: kilobytes! / 1024, cpuMs: micros! / 1000, stdout, stderr };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

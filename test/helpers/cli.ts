import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, and the real binary a user runs (test/global-setup.ts builds dist/). */
export const root = fileURLToPath(new URL('../..', import.meta.url));
export const bin = join(root, 'bin', 'excerpt.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `excerpt …` in `cwd` as a user would, without colour, and collects what it printed;
 * `env` adds to (or, with undefined, removes from) the environment. With `timeoutMs`, a run
 * that hangs is killed (code -1) rather than left behind the test.
 */
export function runExcerpt(
  args: readonly string[],
  cwd: string,
  env: Record<string, string | undefined> = {},
  timeoutMs = 0,
): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      {
        cwd,
        env: environment(env),
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        timeout: timeoutMs,
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Starts `excerpt …` without waiting for it, for tests that interrupt it. */
export function spawnExcerpt(
  args: readonly string[],
  cwd: string,
  env: Record<string, string | undefined> = {},
): ChildProcess {
  return spawn(process.execPath, [bin, ...args], {
    cwd,
    env: environment(env),
    stdio: 'ignore',
  });
}

function environment(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...env };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete merged[name];
  return merged;
}

const made: string[] = [];

/** A temporary folder, removed by `removeWorkspaces`; with `data`, a copy of it as `data/`. */
export function makeWorkspace(name: string, data?: string): string {
  const dir = mkdtempSync(join(tmpdir(), `excerpt-${name}-`));
  made.push(dir);
  if (data !== undefined) cpSync(data, join(dir, 'data'), { recursive: true });
  return dir;
}

export function removeWorkspaces(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A stack trace line: never shown for bad input. */
export const stackLine = '    at ';

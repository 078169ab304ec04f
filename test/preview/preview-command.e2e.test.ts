import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  bin,
  makeWorkspace,
  removeWorkspaces,
  root,
  runExcerpt,
  stackLine,
} from '../helpers/cli.js';

afterAll(removeWorkspaces);

/** Runs `excerpt <args>` until it prints its address, then stops it with Ctrl+C. */
async function runUntilUrl(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<{ url: string; stdout: string; stderr: string; code: number | null }> {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  let url = '';
  try {
    url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        // The line about the browser comes after the address: wait for it when --open is given.
        const match = /(?:Studio|Preview) at (http:\/\/\S+)[^\n]*\n([\s\S]*)/.exec(stdout);
        if (match !== null && (!args.includes('--open') || /browser|opened/i.test(stdout))) {
          resolve(match[1]!);
        }
      });
      void exited.then(() => reject(new Error(`exited early: ${stdout}${stderr}`)));
    });
  } finally {
    child.kill('SIGINT');
  }
  return { url, stdout, stderr, code: await exited };
}

describe('excerpt studio: the command', () => {
  it('prints its URL as the studio, and preview stays an alias', async () => {
    const cwd = makeWorkspace('studio', join(root, 'data'));
    const studio = await runUntilUrl(['studio', '--port', '0'], cwd);
    expect(studio.stdout).toMatch(/Studio at http:\/\/127\.0\.0\.1:\d+\//);
    expect(studio.code).toBe(0);
    const help = await runExcerpt(['--help'], cwd);
    expect(help.stdout).toMatch(/studio\|preview/);
  });

  it.skipIf(process.platform === 'win32')(
    '--open hands the URL to the platform’s opener, and goes on when there is none',
    async () => {
      const cwd = makeWorkspace('studio-open', join(root, 'data'));
      const bin = join(cwd, 'fake-bin');
      mkdirSync(bin);
      const opened = join(cwd, 'opened.txt');
      const opener = process.platform === 'darwin' ? 'open' : 'xdg-open';
      writeFileSync(join(bin, opener), `#!/bin/sh\nprintf '%s' "$1" > '${opened}'\n`);
      chmodSync(join(bin, opener), 0o755);
      const run = await runUntilUrl(['studio', '--port', '0', '--open'], cwd, {
        PATH: `${bin}:${process.env.PATH ?? ''}`,
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(existsSync(opened) ? readFileSync(opened, 'utf8') : '').toBe(run.url);
      expect(run.stderr).toBe('');

      // No opener at all: said, and the studio runs on.
      const none = await runUntilUrl(['studio', '--port', '0', '--open'], cwd, {
        PATH: join(cwd, 'empty'),
      });
      expect(none.stdout).toContain('Could not open a browser');
      expect(none.stdout).toContain('open the address above yourself');
      expect(none.code).toBe(0);
    },
  );
});

describe('excerpt preview: the command', () => {
  it('prints its URL on 127.0.0.1, serves the page, and stops cleanly on Ctrl+C', async () => {
    const cwd = makeWorkspace('preview', join(root, 'data'));
    const child = spawn(process.execPath, [bin, 'preview', '--port', '0'], {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const match = /Preview at (http:\/\/\S+)/.exec(stdout);
          if (match !== null) resolve(match[1]!);
        });
        void exited.then(() => reject(new Error(`exited early: ${stdout}${stderr}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>excerpt studio</title>');
      const state = (await (await fetch(new URL('/api/state', url))).json()) as {
        campaigns: { posts: unknown[] }[];
      };
      expect(state.campaigns.flatMap((campaign) => campaign.posts)).toHaveLength(10);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
  });

  it('refuses a bad port with a usage error', async () => {
    const cwd = makeWorkspace('preview-port', join(root, 'data'));
    const result = await runExcerpt(['preview', '--port', 'nope'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '--port: "nope" is not a number; give a whole number from 0 to 65535',
    );
    expect(result.stderr).not.toContain(stackLine);
  });

  it('says when the port is taken', async () => {
    const cwd = makeWorkspace('preview-busy', join(root, 'data'));
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = blocker.address() as AddressInfo;
      const result = await runExcerpt(['preview', '--port', String(port)], cwd);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`port ${port} on 127.0.0.1 is in use`);
      expect(result.stderr).not.toContain(stackLine);
    } finally {
      blocker.close();
    }
  });

  it('says when the data folder is missing', async () => {
    const cwd = makeWorkspace('preview-nodata');
    const result = await runExcerpt(['preview', '--port', '0', '--data', 'nowhere'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('nowhere: the data folder does not exist');
  });
});

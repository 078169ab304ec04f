import { spawn } from 'node:child_process';
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
      expect(await page.text()).toContain('<title>excerpt preview</title>');
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

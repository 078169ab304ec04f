import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPreview, type PreviewServer } from '../../src/preview/preview-server.js';
import type { PreviewEvent } from '../../src/preview/preview-event.js';
import type { PreviewState } from '../../src/preview/preview-state.js';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/** A preview of copies of data/ and templates/, on a free port, for tests that edit them. */
export interface PreviewFixture {
  server: PreviewServer;
  dir: string;
  dataDir: string;
  templatesDir: string;
  events: PreviewEvent[];
  /** GET a path of the server, as JSON. */
  getJson<T>(path: string): Promise<T>;
  state(): Promise<PreviewState>;
  close(): Promise<void>;
}

export async function startFixture(name: string): Promise<PreviewFixture> {
  const dir = mkdtempSync(join(tmpdir(), `excerpt-preview-${name}-`));
  const dataDir = join(dir, 'data');
  const templatesDir = join(dir, 'templates');
  cpSync(join(root, 'data'), dataDir, { recursive: true });
  cpSync(join(root, 'templates'), templatesDir, { recursive: true });
  const events: PreviewEvent[] = [];
  const server = await startPreview({
    dataDir,
    templatesDir,
    port: 0,
    onEvent: (event) => events.push(event),
  });
  const getJson = async <T>(path: string): Promise<T> => {
    const response = await fetch(new URL(path, server.url));
    return (await response.json()) as T;
  };
  return {
    server,
    dir,
    dataDir,
    templatesDir,
    events,
    getJson,
    state: () => getJson<PreviewState>('/api/state'),
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Polls `probe` until it returns something other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

import { cpSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
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
  /** Where builds from the page write. */
  outDir: string;
  events: PreviewEvent[];
  /** GET a path of the server, as JSON. */
  getJson<T>(path: string): Promise<T>;
  state(): Promise<PreviewState>;
  close(): Promise<void>;
}

/**
 * `data`: the data folder to copy (the bundled data/ unless given); `debounceMs`: how long the
 * folder watcher lets a change settle (the studio's own default unless given).
 */
export async function startFixture(
  name: string,
  { data = join(root, 'data'), debounceMs }: { data?: string; debounceMs?: number } = {},
): Promise<PreviewFixture> {
  const dir = mkdtempSync(join(tmpdir(), `excerpt-preview-${name}-`));
  const dataDir = join(dir, 'data');
  const templatesDir = join(dir, 'templates');
  cpSync(data, dataDir, { recursive: true });
  cpSync(join(root, 'templates'), templatesDir, { recursive: true });
  const outDir = join(dir, 'out');
  const events: PreviewEvent[] = [];
  const server = await startPreview({
    dataDir,
    outDir,
    templatesDir,
    port: 0,
    ...(debounceMs === undefined ? {} : { debounceMs }),
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
    outDir,
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

/**
 * Saves `text` to `file` the way `sed -i` and many editors do: into a new file beside it, renamed
 * over the original. The file is then another inode, which Node 20's recursive fs.watch loses.
 */
export function saveByRename(file: string, text: string): void {
  const temporary = join(dirname(file), `sed${basename(file).slice(0, 6)}`);
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

/** A server-sent event as the page receives it. */
export interface StreamEvent {
  event: string;
  data: unknown;
}

/** The /events stream of a preview, read as the page reads it, until `close`. */
export interface EventStream {
  events: StreamEvent[];
  close(): void;
}

/** Opens /events and collects what arrives; resolves once the stream has said hello. */
export function openEvents(url: string): Promise<EventStream> {
  const events: StreamEvent[] = [];
  return new Promise((resolve, reject) => {
    const outgoing = request(new URL('/events', url), (incoming) => {
      let buffered = '';
      incoming.setEncoding('utf8');
      incoming.on('data', (chunk: string) => {
        buffered += chunk;
        let end: number;
        while ((end = buffered.indexOf('\n\n')) !== -1) {
          const block = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          const field = (name: string): string | undefined =>
            block
              .split('\n')
              .find((line) => line.startsWith(`${name}: `))
              ?.slice(name.length + 2);
          const event = field('event');
          const data = field('data');
          if (event === undefined || data === undefined) continue; // a heartbeat
          events.push({ event, data: JSON.parse(data) as unknown });
          if (event === 'hello') resolve({ events, close: () => outgoing.destroy() });
        }
      });
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

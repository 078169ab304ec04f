import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewState } from '../../src/preview/preview-state.js';
import { startFixture, waitFor, type PreviewFixture } from './fixture.js';

let fixture: PreviewFixture;
beforeAll(async () => {
  fixture = await startFixture('death');
});
afterAll(async () => {
  await fixture?.close();
});

type Drawn = { ok: boolean; problem?: PreviewState['problems'][number] };

describe('excerpt preview: a render worker that dies', () => {
  it('is started again and the post tried once more, then the post reports why; a fix recovers', async () => {
    const file = join(fixture.templatesDir, 'closing.tsx');
    const original = readFileSync(file, 'utf8');
    const firstKey = async (): Promise<string | undefined> =>
      (await fixture.state()).campaigns[0]!.posts[0]!.key;
    const before = await firstKey();
    // Ends the worker thread itself, as a crash in a native module would: not a template error.
    writeFileSync(
      file,
      original.replace(
        /^(export function ClosingTemplate.*\n)/m,
        '$1  if (props.ctx.number > 0) process.exit(3);\n',
      ),
    );
    try {
      const dying = await waitFor('the new templates', async () => {
        const key = await firstKey();
        return key !== before ? key : undefined;
      });
      const started = performance.now();
      const drawn = await fixture.getJson<Drawn>(`/api/post/${dying}`);
      expect(drawn.ok).toBe(false);
      expect(drawn.problem?.title).toBe('This post cannot be drawn');
      expect(drawn.problem?.entries[0]?.message).toContain('exit code 3');
      // Two workers died for it (the first try and the one more), no more: well under a minute.
      expect(performance.now() - started).toBeLessThan(30_000);
    } finally {
      writeFileSync(file, original);
    }
    const recovered = await waitFor('the restored templates', async () => {
      const key = await firstKey();
      return key === before ? key : undefined;
    });
    const drawn = await fixture.getJson<Drawn>(`/api/post/${recovered}`);
    expect(drawn.ok).toBe(true);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as Load from '../../src/data/load.js';

// The one way to reach an unexpected error from the outside: a loader that fails like a bug.
vi.mock('../../src/data/load.js', async (importOriginal) => ({
  ...(await importOriginal<typeof Load>()),
  loadData: () => Promise.reject(new TypeError('cannot read properties of undefined')),
}));

const { run } = await import('../../src/cli/index.js');

afterEach(() => {
  vi.restoreAllMocks();
});

function captureStderr(): () => string {
  let text = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  });
  return () => text;
}

describe('run', () => {
  it('maps a bug to exit 1 with "unexpected error" and the stack', async () => {
    const stderr = captureStderr();
    await expect(run(['list'])).resolves.toBe(1);
    expect(stderr()).toMatch(/^error: unexpected error: cannot read properties of undefined\n/);
    expect(stderr()).toContain('    at ');
  });

  it('maps a usage error to exit 2 and never exits the process itself', async () => {
    const exit = vi.spyOn(process, 'exit');
    const stderr = captureStderr();
    await expect(run(['nonsense'])).resolves.toBe(2);
    expect(stderr()).toContain("error: unknown command 'nonsense'");
    expect(exit).not.toHaveBeenCalled();
  });

  it('returns 0 for --version', async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    await expect(run(['--version'])).resolves.toBe(0);
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { editYamlText, type EditOperation } from '../../src/data/edit-yaml.js';
import { inspectData } from '../../src/data/load.js';
import { versionOf } from '../../src/preview/edits/data-files.js';
import { bin, makeWorkspace, removeWorkspaces, root } from '../helpers/cli.js';
import { send, tokenOf } from './write-client.js';

afterAll(removeWorkspaces);

/** `excerpt studio` in its own process, and the URL it printed. */
async function startStudio(cwd: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [bin, 'studio', '--port', '0'], {
    cwd,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /Studio at (http:\/\/\S+)/.exec(stdout);
      if (match !== null) resolve(match[1]!);
    });
    child.once('exit', () => reject(new Error(`exited early: ${stdout}`)));
  });
  return { child, url };
}

describe('excerpt studio: a kill during a save', () => {
  it('leaves every data file whole: as it was, or as the save made it, and the data loads', async () => {
    const cwd = makeWorkspace('studio-kill', join(root, 'data'));
    const dataDir = join(cwd, 'data');
    const file = 'interviews/adventsfragestund-2020/centerpartiet.yaml';
    const path = join(dataDir, ...file.split('/'));
    // A long paragraph of a Q&A no post shows: the save takes a while, no slide is drawn.
    const paragraph = 'Vi vill arbeta förebyggande i alla skolor. '.repeat(800);
    const rounds = 10;
    let kills = 0;

    const outcomes = { saved: 0, notSaved: 0 };
    for (let round = 0; round < rounds; round++) {
      const { child, url } = await startStudio(cwd);
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const token = await tokenOf(url);
      const save = async (value: string): Promise<{ before: string; after: string }> => {
        const before = readFileSync(path, 'utf8');
        const operations: EditOperation[] = [{ op: 'set', path: ['qa', 1, 'answer', 0], value }];
        const after = editYamlText(before, operations);
        const answer = await send(url, '/api/edit', {
          token,
          body: { file, baseVersion: versionOf(before), operations, label: value.slice(-9) },
        }).catch(() => undefined);
        if (answer !== undefined) expect(answer.status).toBe(200);
        return { before, after };
      };
      // One save timed, then another killed somewhere in the time a save takes.
      const started = performance.now();
      await save(`${paragraph}(${round}a)`);
      const took = performance.now() - started;
      const killed = setTimeout(() => child.kill('SIGKILL'), Math.random() * took * 1.2);
      const { before, after } = await save(`${paragraph}(${round}b)`);
      await new Promise((resolve) => setTimeout(resolve, took));
      clearTimeout(killed);
      child.kill('SIGKILL');
      await exited;
      kills++;

      const text = readFileSync(path, 'utf8');
      expect([before, after]).toContain(text);
      outcomes[text === after ? 'saved' : 'notSaved']++;
      const inspection = await inspectData(dataDir);
      expect(inspection.issues).toEqual([]);
      // The undo history is whole too: its log reads.
      const log = readFileSync(join(dataDir, '.excerpt-history', 'log.json'), 'utf8');
      expect(() => JSON.parse(log) as unknown).not.toThrow();
    }
    console.log(`killed ${kills} saves: ${outcomes.saved} written, ${outcomes.notSaved} not`);
    expect(kills).toBe(rounds);
  }, 240_000);
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PostJson } from '../../src/render/render-post.js';
import { makeWorkspace, removeWorkspaces, root, runExcerpt, stackLine } from '../helpers/cli.js';

afterAll(removeWorkspaces);

const campaignFile = join('data', 'campaigns', 'digital-pride-2020.yaml');

/** The bundled data with `highlight` set on Liberalerna's post of Digital Pride 2020. */
function workspaceWithHighlight(name: string, highlight: string): string {
  const cwd = makeWorkspace(name, join(root, 'data'));
  const file = join(cwd, campaignFile);
  const text = readFileSync(file, 'utf8');
  const post = '    interview: digital-pride-2020/liberalerna\n    qa: [q1, q2]\n';
  expect(text).toContain(post);
  writeFileSync(file, text.replace(post, `${post}    highlight: ${JSON.stringify(highlight)}\n`));
  return cwd;
}

// In Liberalerna's answer to q1: "… för alla ungdomar. I våra egna verksamheter har vi
// nolltolerans mot övergrepp." (quoted here without its final full stop).
const passage = 'I våra egna verksamheter har vi nolltolerans mot övergrepp';

// The cover's hook quotes a politician: it must be their words exactly, or nothing is drawn.
describe('a post’s highlight', () => {
  it('is drawn on the cover when it is a verbatim passage of a chosen answer', async () => {
    const cwd = workspaceWithHighlight('highlight-ok', passage);
    const result = await runExcerpt(
      ['render', 'digital-pride-2020/liberalerna', '--out', 'post'],
      cwd,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const post = JSON.parse(readFileSync(join(cwd, 'post', 'post.json'), 'utf8')) as PostJson;
    expect(post.slides[0]!.text.replace(/\s+/g, ' ')).toContain(`”${passage}”`);
    expect(post.slides[0]!.altText).toContain(`”${passage}”, säger`);
  });

  it('is refused with exit 2, the file, the post and the closest passage when not verbatim', async () => {
    // One word changed: a quote that was never said.
    const altered = passage.replace(/\s(\S+)$/, ' inte $1');
    const cwd = workspaceWithHighlight('highlight-bad', altered);
    for (const command of [['build'], ['check']]) {
      const result = await runExcerpt(command, cwd);
      expect(result.code, command.join(' ')).toBe(2);
      const output = result.stdout + result.stderr;
      expect(output).toContain(campaignFile);
      expect(output).toContain('posts[2].highlight');
      expect(output).toContain(passage.slice(0, 30));
      expect(output).not.toContain(stackLine);
    }
  });
});

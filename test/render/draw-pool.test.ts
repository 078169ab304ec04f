import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadData } from '../../src/data/load.js';
import { InputError } from '../../src/errors.js';
import type { Issue } from '../../src/issue.js';
import { packageRoot } from '../../src/paths.js';
import { buildCampaigns } from '../../src/render/build.js';
import { DrawPool } from '../../src/render/draw-pool.js';
import { drawPosts, type DrawJob } from '../../src/render/draw-posts.js';
import { specsOfCampaign } from '../../src/render/post-spec.js';
import { templates } from '../../templates/index.js';

const dataset = await loadData('test/fixtures/data/valid');
// Workers run the built code (draw-pool.ts), with the built templates.
const templatesUrl = pathToFileURL(join(packageRoot, 'dist', 'templates', 'index.js')).href;
const scratch = mkdtempSync(join(tmpdir(), 'excerpt-draw-pool-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Every file under `dir` but the folder records (which hold times), by path. */
function files(dir: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  const walk = (at: string): void => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name !== '.excerpt.json') found.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return found;
}

describe('drawing worker threads', () => {
  it('draw the very files one thread draws: slides, post.json, manifests, contact sheets', async () => {
    const build = (threads: number, out: string) =>
      buildCampaigns(dataset, {
        out,
        campaigns: [],
        force: true,
        jobs: 3,
        threads,
        templatesUrl,
        image: 'jpeg',
        svg: false,
        loadTemplates: () => Promise.resolve(templates),
      });
    const one = join(scratch, 'one');
    const two = join(scratch, 'two');
    await build(0, one);
    const summary = await build(2, two);
    expect(summary.slidesRendered).toBeGreaterThan(0);
    const expected = files(one);
    const drawn = files(two);
    expect([...drawn.keys()].sort()).toEqual([...expected.keys()].sort());
    expect([...drawn.keys()].some((path) => path.endsWith('contact-sheet.jpg'))).toBe(true);
    for (const [path, bytes] of expected) expect(drawn.get(path)!.equals(bytes), path).toBe(true);
  });

  it('report a problem a worker meets laying out a post at the post, and write nothing', async () => {
    const [first] = specsOfCampaign(dataset, dataset.campaigns[0]!);
    const spec = { ...first!, campaign: { ...first!.campaign, title: 'Advent 漢' } };
    const issues: Issue[] = [];
    const stop = new Error('stopped before writing');
    const pool = new DrawPool({ templatesUrl, threads: 2, jobs: 1 });
    try {
      const drawing = drawPosts<DrawJob>(
        [
          { spec: first!, dir: join(scratch, 'never-1'), hash: '' },
          { spec, dir: join(scratch, 'never-2'), hash: '' },
        ],
        {
          drawer: pool,
          image: 'jpeg',
          svg: false,
          issues,
          issueOf: (_job, error, code) => ({
            code,
            severity: 'error',
            file: 'campaign.yaml',
            path: ['posts', 1],
            message: error.message,
          }),
          checkFolder: () => Promise.resolve(),
          check: () => Promise.reject(stop),
          beforeWrite: () => undefined,
          onWritten: () => undefined,
        },
      );
      await expect(drawing).rejects.toBe(stop);
    } finally {
      await pool.close();
    }
    expect(issues).toMatchObject([
      { code: 'glyph', file: 'campaign.yaml', path: ['posts', 1], word: '漢' },
    ]);
    expect(readdirSync(scratch).filter((name) => name.startsWith('never'))).toEqual([]);
  });

  it('hand a post that does not fit back with its Swedish, for the studio', async () => {
    const [first] = specsOfCampaign(dataset, dataset.campaigns[0]!);
    // One answer of 40 paragraphs: more slides than a carousel holds.
    const [qa] = first!.interview.qa;
    const long = { ...qa!, answer: Array.from({ length: 40 }, () => qa!.answer).flat() };
    const everything = {
      ...first!,
      interview: { ...first!.interview, qa: [long] },
      qaIds: [long.id],
    };
    const pool = new DrawPool({ templatesUrl, threads: 1, jobs: 1 });
    try {
      const planned = await pool.plan(everything);
      expect(planned.type).toBe('problem');
      if (planned.type !== 'problem') return;
      expect(planned.error.message).toMatch(/a carousel holds at most 10/);
      expect(planned.error.sv?.message).toMatch(/en karusell rymmer högst 10/);
      expect(planned.error.sv?.hint).toMatch(/välj färre eller kortare frågor/);
    } finally {
      await pool.close();
    }
  });

  it('refuse a post drawn with text outside a slide as the one thread does: a problem with the post, with its hint', async () => {
    // Templates that add text to an answer only when drawing: the layout cannot see it.
    const sneaky = join(scratch, 'sneaky-templates.mjs');
    writeFileSync(
      sneaky,
      `import { templates as base } from ${JSON.stringify(templatesUrl)};
const extra = { kind: 'paragraph', text: ${JSON.stringify('Mer text som bara ritas. '.repeat(40))} };
export const templates = {
  ...base,
  qa: (props) => base.qa(props.measure ? props : { ...props, slide: { ...props.slide, blocks: [...props.slide.blocks, extra] } }),
};
`,
    );
    const pool = new DrawPool({ templatesUrl: pathToFileURL(sneaky).href, threads: 1, jobs: 1 });
    try {
      const [first] = specsOfCampaign(dataset, dataset.campaigns[0]!);
      const planned = await pool.plan(first!);
      if (planned.type !== 'planned') throw new Error(`not planned: ${planned.type}`);
      const drawing = pool.draw(planned.post, { image: 'jpeg', svg: false });
      await expect(drawing).rejects.toBeInstanceOf(InputError);
      await expect(drawing).rejects.toThrow(/outside the slide/);
      await expect(drawing).rejects.toMatchObject({ hint: expect.stringMatching(/answer blocks/) });
      await expect(drawing).rejects.toMatchObject({
        sv: { message: expect.stringMatching(/utanför bilden/) },
      });
    } finally {
      await pool.close();
    }
  });
});

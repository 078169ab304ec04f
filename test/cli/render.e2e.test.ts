import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import type { PostJson } from '../../src/render/render-post.js';
import { expectPublishableJpeg } from '../helpers/jpeg.js';
import { makeWorkspace, removeWorkspaces, root, runExcerpt, stackLine } from '../helpers/cli.js';

afterAll(removeWorkspaces);
const bundled = join(root, 'data');

describe('excerpt render', () => {
  it('renders a bundled interview’s scheduled Q&As into --out as publish-ready JPEGs', async () => {
    const cwd = makeWorkspace('render', bundled);
    const result = await runExcerpt(
      ['render', 'adventsfragestund-2020/centerpartiet', '--out', 'post'],
      cwd,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);

    const post = JSON.parse(readFileSync(join(cwd, 'post', 'post.json'), 'utf8')) as PostJson;
    expect(post).toMatchObject({
      interview: 'adventsfragestund-2020/centerpartiet',
      date: '2020-12-16',
      publishAt: '2020-12-16T08:00:00+01:00',
      format: 'square',
      width: 1080,
      height: 1080,
      qa: ['q1', 'q6'],
    });
    const kinds = post.slides.map((slide) => slide.kind);
    expect(kinds[0]).toBe('cover');
    expect(kinds.at(-1)).toBe('closing');
    expect(kinds.filter((kind) => kind === 'qa')).toHaveLength(2);
    expect(kinds.slice(1, -1).every((kind) => kind === 'qa' || kind === 'continuation')).toBe(true);
    for (const slide of post.slides) {
      await expectPublishableJpeg(join(cwd, 'post', slide.file), { width: 1080, height: 1080 });
      expect(slide.altText.length).toBeLessThanOrEqual(1000);
    }
    expect(readFileSync(join(cwd, 'post', 'caption.txt'), 'utf8')).toContain(
      'Christian Ottosson, kommunalråd för Centerpartiet',
    );
    expect(readFileSync(join(cwd, 'post', 'alt.txt'), 'utf8')).toContain('Bild 2 av');
  });

  it('takes --qa, --format portrait, --image png and --svg', async () => {
    const cwd = makeWorkspace('render-png', bundled);
    const result = await runExcerpt(
      [
        'render',
        'digital-pride-2020/liberalerna',
        '--qa',
        'q3',
        '--format',
        'portrait',
        '--image',
        'png',
        '--svg',
        '--out',
        'post',
      ],
      cwd,
    );
    expect(result.code).toBe(0);
    const files = readdirSync(join(cwd, 'post'));
    expect(files).toContain('01.png');
    expect(files).toContain('01.svg');
    const meta = await sharp(join(cwd, 'post', '02.png')).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 1080, height: 1350 });
  });

  it('refuses a character it cannot draw, naming it, its code point, file and field, and writes nothing', async () => {
    const cwd = makeWorkspace('render-cjk', bundled);
    const file = join(cwd, 'data', 'interviews', 'adventsfragestund-2020', 'centerpartiet.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        'Centerpartiet vill ha en nollvision',
        'Centerpartiet vill ha en 漢 nollvision',
      ),
    );
    const result = await runExcerpt(
      ['render', 'adventsfragestund-2020/centerpartiet', '--out', 'post'],
      cwd,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('”漢” (U+6F22)');
    expect(result.stderr).toContain(
      'data/interviews/adventsfragestund-2020/centerpartiet.yaml: qa[0].answer[0]',
    );
    expect(result.stderr).not.toContain(stackLine);
    expect(existsSync(join(cwd, 'post'))).toBe(false);
  });

  it('renders an interview file from outside data/ with --theme', async () => {
    const cwd = makeWorkspace('render-file', bundled);
    const result = await runExcerpt(
      [
        'render',
        join(root, 'test', 'fixtures', 'golden', 'interview.yaml'),
        '--qa',
        'q1',
        '--theme',
        'pride',
        '--out',
        'post',
      ],
      cwd,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readdirSync(join(cwd, 'post'))).toContain('04.jpg');
  });

  it('asks for --theme when the interview’s campaign is not in the data folder', async () => {
    const cwd = makeWorkspace('render-no-theme', bundled);
    const result = await runExcerpt(
      [
        'render',
        join(root, 'test', 'fixtures', 'golden', 'interview.yaml'),
        '--qa',
        'q1',
        '--out',
        'post',
      ],
      cwd,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--theme');
    expect(existsSync(join(cwd, 'post'))).toBe(false);
  });

  it('says how many slides too many Q&As need, and what to do', async () => {
    const cwd = makeWorkspace('render-too-many', bundled);
    const result = await runExcerpt(
      [
        'render',
        'adventsfragestund-2020/socialdemokraterna',
        '--qa',
        'q1,q2,q3,q4',
        '--out',
        'post',
      ],
      cwd,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /the chosen Q&As need \d+ slides with cover and closing; a carousel holds at most 10/,
    );
    expect(result.stderr).toMatch(/q1 needs \d+, q2 needs \d+/);
    expect(result.stderr).toContain('choose fewer or shorter Q&As');
    expect(existsSync(join(cwd, 'post'))).toBe(false);
  });
});

describe('excerpt render --theme', () => {
  // A theme is looked up among brand.yaml's own themes: not Object.prototype's properties.
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    '--theme %s is no theme: exit 2 with the list of themes, nothing written',
    async (theme) => {
      const cwd = makeWorkspace('render-theme', bundled);
      const result = await runExcerpt(
        ['render', 'adventsfragestund-2020/centerpartiet', '--theme', theme, '--out', 'post'],
        cwd,
      );
      expect(result).toEqual({
        code: 2,
        stdout: '',
        stderr: `error: data/brand.yaml: themes: no theme named ${theme}\nhint: use one of default, advent, pride\n`,
      });
      expect(existsSync(join(cwd, 'post'))).toBe(false);
    },
  );
});

describe('excerpt render --qa', () => {
  it.each([
    [
      'q1,q1',
      'error: adventsfragestund-2020/centerpartiet: q1 is listed twice\nhint: choose each Q&A once\n',
    ],
    [
      'q2,q6,q2',
      'error: adventsfragestund-2020/centerpartiet: q2 is listed twice\nhint: choose each Q&A once\n',
    ],
    [
      'q1,q9',
      'error: adventsfragestund-2020/centerpartiet has no Q&A with id q9\nhint: choose among q1, q2, q3, q4, q5, q6\n',
    ],
  ])('--qa %s: exit 2 naming the Q&A, nothing written', async (qa, stderr) => {
    const cwd = makeWorkspace('render-qa', bundled);
    const result = await runExcerpt(
      ['render', 'adventsfragestund-2020/centerpartiet', '--qa', qa, '--out', 'post'],
      cwd,
    );
    expect(result).toEqual({ code: 2, stdout: '', stderr });
    expect(existsSync(join(cwd, 'post'))).toBe(false);
  });
});

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProofreadReply } from '../../src/preview/page-protocol.js';
import { checkWorkspace } from '../check/workspace.js';
import { chromiumArgs, chromiumPath } from '../helpers/chromium.js';
import { removeWorkspaces } from '../helpers/cli.js';
import { root, startFixture, type PreviewFixture } from './fixture.js';

/**
 * Proofreading in place shows check's other findings where they stand: a character that
 * cannot be drawn at its word, a post near the slide limit and a party asked other questions
 * at the post's Q&As, and low contrast with the campaign drawn in that theme. The data: the
 * check fixtures foreign-glyph, nine-slides, other-question and low-contrast at once.
 */

const axeSource = readFileSync(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const screens = process.env.EXCERPT_SCREENS ?? join(root, '.scratch', 'screens', 'studio-core');
const liberalerna = 'digital-pride-2020/liberalerna';
const socialdemokraterna = 'digital-pride-2020/socialdemokraterna';
let fixture: PreviewFixture;
let profile: string;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(screens, { recursive: true });
  const workspace = checkWorkspace('foreign-glyph');
  const fixtures = join(root, 'test', 'fixtures', 'check');
  const data = join(workspace, 'data');
  writeFileSync(
    join(data, 'brand.yaml'),
    readFileSync(join(fixtures, 'low-contrast', 'brand.yaml')),
  );
  // nine-slides (Socialdemokraterna's q1, q2, q3) with other-question's Liberalerna (q1, q3).
  const campaign = readFileSync(
    join(fixtures, 'nine-slides', 'campaigns', 'digital-pride-2020.yaml'),
    'utf8',
  ).replace(/(interview: digital-pride-2020\/liberalerna\n\s+qa: )\[q1, q2\]/, '$1[q1, q3]');
  expect(campaign).toContain('liberalerna\n    qa: [q1, q3]');
  writeFileSync(join(data, 'campaigns', 'digital-pride-2020.yaml'), campaign);
  profile = mkdtempSync(join(tmpdir(), 'excerpt-chromium-'));
  [fixture, context] = await Promise.all([
    startFixture('studio-findings', { data }),
    chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      args: chromiumArgs,
      headless: true,
      viewport: { width: 1280, height: 1000 },
    }),
  ]);
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await context?.close();
  await fixture?.close();
  removeWorkspaces();
  if (profile !== undefined) rmSync(profile, { recursive: true, force: true });
});

describe('studio proofreading: check’s other findings', () => {
  it('the route places each finding: a field, a post’s Q&As, the campaign’s theme', async () => {
    const reply = await fixture.getJson<ProofreadReply>(
      `/api/proofread?interview=${encodeURIComponent(liberalerna)}`,
    );
    expect(reply.findings.find((finding) => finding.code === 'glyph')).toMatchObject({
      path: ['qa', 0, 'answer', 0],
      word: '\uf0b7',
      codePoint: 'U+F0B7',
    });
    expect(reply.findings.find((finding) => finding.code === 'fairness')).toMatchObject({
      qa: ['q1', 'q3'],
      where: 'posts[2].qa',
    });
    expect(reply.findings.find((finding) => finding.code === 'contrast')).toMatchObject({
      theme: 'pride',
      where: 'themes.pride.light.muted',
    });
    // Socialdemokraterna's post near the limit is theirs, not Liberalerna's.
    expect(reply.findings.filter((finding) => finding.code === 'limit')).toEqual([]);
  });

  it('shows a character that cannot be drawn at its word, with its code point', async () => {
    await page.goto(`${fixture.server.url}#interview`);
    await page.locator('#view-interview select').selectOption(liberalerna);
    const section = page.locator('details.proofread[data-qa="q1"]');
    const glyph = section.locator('.findings.glyphs li[data-code="glyph"]');
    await expect.poll(() => glyph.count(), { timeout: 60_000 }).toBe(1);
    expect(await glyph.textContent()).toContain('(U+F0B7) kan inte ritas');
    expect(await section.locator('.finding-count.error').textContent()).toBe('1 sak att åtgärda');
    await section.locator('summary').click();
    const field = section.locator('.proofread-field[data-path="qa.0.answer.0"]');
    expect(await field.locator('p.marked mark').first().textContent()).toBe('\uf0b7');
  });

  it('shows a fairness warning at the Q&As of the post it names, contrast with the campaign', async () => {
    const fairness = page.locator('.qa-findings[data-qa="q3"] li[data-code="fairness"]');
    await expect.poll(() => fairness.count(), { timeout: 60_000 }).toBe(1);
    expect(await fairness.textContent()).toMatch(/^Rättvisa mellan partierna: .*Liberalerna/);
    expect(await page.locator('.qa-findings[data-qa="q2"] li').count()).toBe(0);
    const contrast = page.locator('.campaign-findings li[data-code="contrast"]');
    expect(await contrast.textContent()).toContain('För svag kontrast (temat pride)');
    await page.screenshot({ path: join(screens, 'findings-liberalerna-sv.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('says how many slides each Q&A takes in a post near the limit, and warns there', async () => {
    await page.locator('#view-interview select').selectOption(socialdemokraterna);
    const q2 = page.locator('.qa-findings[data-qa="q2"]');
    await expect
      .poll(() => q2.locator('.qa-slides').textContent(), { timeout: 60_000 })
      .toBe('I inlägget 31 juli 2020 tar frågan 3 bilder (inlägget har 9 av 10).');
    for (const qa of ['q1', 'q2', 'q3']) {
      const limit = page.locator(`.qa-findings[data-qa="${qa}"] li[data-code="limit"]`);
      expect(await limit.count()).toBe(1);
      // In the studio's Swedish, as the limit check says it (limit-check.ts).
      expect(await limit.textContent()).toContain(
        'Inlägget den 31 juli 2020 använder 9 av sina 10 bilder (q1 tar 2, q2 tar 3, q3 tar 2, plus omslaget och slutbilden): nästa ändring kanske inte får plats',
      );
    }
    await page.screenshot({ path: join(screens, 'findings-limit-sv.png'), fullPage: true });
    // Every finding shown is legible and labelled as the rest of the page (axe-core).
    await page.evaluate(axeSource);
    const violations = await page.evaluate<{ id: string; nodes: unknown[] }[]>(
      `axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] })
         .then((result) => result.violations.map(({ id, nodes }) =>
           ({ id, nodes: nodes.map(({ target }) => target.join(' ')) })))`,
    );
    expect(violations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProofreadReply } from '../../src/preview/page-protocol.js';
import { root, type PreviewFixture } from './fixture.js';
import { openStudio, type StudioBrowser } from './studio-browser.js';
import { send, tokenOf } from './write-client.js';

/**
 * Proofreading in place: a typo in an answer is shown at the word with check's suggestions,
 * fixed from the page where it stands, undone and redone; a word can join the word list.
 */

const screens = process.env.EXCERPT_SCREENS ?? join(root, '.scratch', 'screens', 'studio-core');
const interview = 'adventsfragestund-2020/centerpartiet';
let studio: StudioBrowser | undefined;
let fixture: PreviewFixture;
let file: string;
let original: string;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(screens, { recursive: true });
  studio = await openStudio('studio-proofread', {
    pageErrors,
    viewport: { width: 1280, height: 1000 },
  });
  ({ fixture, page } = studio);
  file = join(fixture.dataDir, 'interviews', ...`${interview}.yaml`.split('/'));
  // A typo in the first answer, as an import of the website's page would bring.
  original = readFileSync(file, 'utf8').replace('nollvision', 'nollvission');
  writeFileSync(file, original);
});

afterAll(async () => {
  await studio?.close();
});

describe('studio proofreading: the route', () => {
  it('gives the interview’s text and check’s findings at their fields', async () => {
    const reply = await fixture.getJson<ProofreadReply>(
      `/api/proofread?interview=${encodeURIComponent(interview)}`,
    );
    expect(reply.file).toBe(`interviews/${interview}.yaml`);
    const finding = reply.spelling.find((candidate) => candidate.word === 'nollvission');
    expect(finding).toEqual({
      path: ['qa', 0, 'answer', 0],
      word: 'nollvission',
      suggestions: expect.arrayContaining(['nollvision']) as string[],
    });
  });

  it('adds a word to the word list only from the studio’s own page', async () => {
    const refused = await send(fixture.server.url, '/api/words', { body: { word: 'Drevviken' } });
    expect(refused.status).toBe(403);
    const token = await tokenOf(fixture.server.url);
    const added = await send(fixture.server.url, '/api/words', {
      token,
      body: { word: 'Drevviken' },
    });
    expect(added.status).toBe(200);
    expect(readFileSync(join(fixture.dataDir, 'words.txt'), 'utf8').split('\n')).toContain(
      'Drevviken',
    );
    const garbage = await send(fixture.server.url, '/api/words', {
      token,
      body: { word: 'två ord\n' },
    });
    expect(garbage.status).toBe(400);
  });
});

describe('studio proofreading: the page', () => {
  it('fixes a flagged typo where it stands, then undoes and redoes it', async () => {
    await page.goto(`${fixture.server.url}#interview`);
    await page.locator('#view-interview select').selectOption(interview);
    const section = page.locator('details.proofread[data-qa="q1"]');
    await expect
      // The findings come from a run of check over the whole data (every post laid out).
      .poll(() => section.locator('.finding-count').textContent(), { timeout: 60_000 })
      .toBe('1 ord att titta på');
    await section.locator('summary').click();
    const field = section.locator('.proofread-field[data-path="qa.0.answer.0"]');
    expect(await field.locator('mark').first().textContent()).toBe('nollvission');
    await page.screenshot({ path: join(screens, 'proofread-sv.png'), fullPage: true });

    await field.getByRole('button', { name: 'Byt nollvission mot nollvision' }).click();
    await expect
      .poll(() => readFileSync(file, 'utf8'), { timeout: 15_000 })
      .toBe(original.replace('nollvission', 'nollvision'));
    const undo = page.getByRole('button', { name: 'Ångra', exact: true });
    await expect.poll(() => undo.isEnabled(), { timeout: 15_000 }).toBe(true);
    await undo.click();
    await expect.poll(() => readFileSync(file, 'utf8'), { timeout: 15_000 }).toBe(original);
    await page.getByRole('button', { name: 'Gör om', exact: true }).click();
    await expect
      .poll(() => readFileSync(file, 'utf8'), { timeout: 15_000 })
      .toBe(original.replace('nollvission', 'nollvision'));
    expect(pageErrors).toEqual([]);
  });

  it('shows both texts when the file changed on disk since the page read it', async () => {
    await page.goto(`${fixture.server.url}#interview`);
    const section = page.locator('details.proofread[data-qa="q1"]');
    await expect
      .poll(() => section.locator('textarea').count(), { timeout: 60_000 })
      .toBeGreaterThan(0);
    if ((await section.getAttribute('open')) === null) await section.locator('summary').click();
    const question = section.locator('.proofread-field[data-path="qa.0.question"] textarea');
    await question.fill('Hur arbetar Centerpartiet mot killars våld mot tjejer?');
    // Changed by hand in an editor while the page has a change typed.
    const byHand = readFileSync(file, 'utf8').replace('kommunalråd', 'kommunalråd (C)');
    writeFileSync(file, byHand);
    // The page hears of it (the watcher) while the change is typed; it must keep the text.
    await page.waitForTimeout(1500);
    expect(await question.inputValue()).toBe(
      'Hur arbetar Centerpartiet mot killars våld mot tjejer?',
    );
    await section
      .locator('.proofread-field[data-path="qa.0.question"]')
      .getByRole('button', { name: 'Spara' })
      .click();
    const conflict = section.locator('.conflict');
    await expect.poll(() => conflict.count(), { timeout: 15_000 }).toBe(1);
    expect(await conflict.locator('pre').first().textContent()).toBe(byHand);
    expect(readFileSync(file, 'utf8')).toBe(byHand);
    await page.screenshot({ path: join(screens, 'proofread-conflict-sv.png'), fullPage: true });

    // The user drops the change: the page shows the file as it is on disk.
    await conflict.getByRole('button', { name: 'Släpp min ändring, visa filen på disken' }).click();
    await expect
      .poll(() => question.inputValue(), { timeout: 15_000 })
      .toBe('Hur arbetar Centerpartiet för att motverka killars våld mot tjejer?');
    expect(pageErrors).toEqual([]);
  });
});

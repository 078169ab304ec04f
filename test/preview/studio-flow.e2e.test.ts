import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignSchema } from '../../src/data/schema.js';
import { axeViolations } from '../helpers/axe.js';
import { root, type PreviewFixture } from './fixture.js';
import { openStudio, type StudioBrowser } from './studio-browser.js';

/**
 * The whole flow of issue 12's "Must show", as a communicator goes through it in the studio,
 * one step after another on one page: a page pasted, reviewed and saved; a campaign created and
 * the imported one given its fields; three parties scheduled with two Q&As each and a highlight
 * selected in an answer; a flagged typo fixed where it stands, undone and redone; the campaign
 * built with its progress; a post downloaded as a zip and its contents checked; a file changed
 * on disk meanwhile detected, not overwritten.
 */

const screens = process.env.EXCERPT_SCREENS ?? join(tmpdir(), 'excerpt-screens');
const campaign = 'valfragor-2022';
const parties = ['miljopartiet', 'kristdemokraterna', 'botkyrka-framat'] as const;
/**
 * A page in the website's format, of the project's own making (as the import test uses it),
 * with a typo for the proofreading to flag.
 */
const pageText = readFileSync(join(root, 'test/fixtures/pages/valfragor-2022.txt'), 'utf8').replace(
  'om samtycke.',
  'om samtyke.',
);

let studio: StudioBrowser | undefined;
let fixture: PreviewFixture;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(screens, { recursive: true });
  studio = await openStudio('flow', { pageErrors, acceptDownloads: true });
  ({ fixture, page } = studio);
  await page.goto(`${fixture.server.url}#plan`);
});

afterAll(async () => {
  await studio?.close();
});

const campaignFile = (): string => join(fixture.dataDir, 'campaigns', `${campaign}.yaml`);
const interviewFile = (party: string): string =>
  join(fixture.dataDir, 'interviews', campaign, `${party}.yaml`);
const postsOnDisk = (): { interview: string; qa: string[]; highlight?: string | undefined }[] =>
  campaignSchema.parse(parse(readFileSync(campaignFile(), 'utf8'))).posts;

async function shoot(name: string): Promise<void> {
  await page.screenshot({ path: join(screens, `flow-${name}.png`), fullPage: true });
}

describe('the whole flow in the studio', () => {
  it('reads a pasted page, shows what it found, and saves it', async () => {
    await page.locator('[data-view="import"]').click();
    await page.locator('#import-text').fill(pageText);
    await expect.poll(() => page.locator('.import-interview').count(), { timeout: 15_000 }).toBe(3);
    await shoot('1-import');
    // Nothing is written before Save.
    expect(() => readFileSync(campaignFile())).toThrow();
    await page.locator('#view-import .import-save button').click();
    // One change: the three interviews, then the campaign with a post for each.
    await expect
      .poll(() => (existsSync(campaignFile()) ? postsOnDisk().length : 0), { timeout: 15_000 })
      .toBe(3);
    for (const party of parties) expect(existsSync(interviewFile(party))).toBe(true);
  });

  it('creates a campaign from its title, and gives the imported one its fields', async () => {
    await page.locator('[data-view="plan"]').click();
    await page.locator('[aria-controls="campaign-creator"]').click();
    await page.locator('#new-title').fill('Valfrågor 2026');
    await page.locator('#new-marker').fill('🗳️');
    await page.locator('#campaign-creator button[type="submit"]').click();
    const created = join(fixture.dataDir, 'campaigns', 'valfragor-2026.yaml');
    await expect
      .poll(() => readFileSync(created, 'utf8'), { timeout: 10_000 })
      .toContain('title: Valfrågor 2026');
    await expect
      .poll(() => page.locator('#plan-campaign').inputValue(), { timeout: 10_000 })
      .toBe('valfragor-2026');

    await page.locator('#plan-campaign').selectOption(campaign);
    await expect
      .poll(() => page.locator('#campaign-title').inputValue(), { timeout: 10_000 })
      .toBe('Valfrågor 2022');
    await page.locator('#campaign-subtitle').fill('Politiker svarar om våld i nära relationer');
    await page.locator('#hashtag-entry').fill('Val2022');
    await page.keyboard.press('Enter');
    await page.locator('form.campaign-fields button[type="submit"]').click();
    await expect
      .poll(() => readFileSync(campaignFile(), 'utf8'), { timeout: 10_000 })
      .toContain('subtitle: Politiker svarar om våld i nära relationer');
    await shoot('2-campaign');
  });

  it('schedules three parties, two Q&As each and a highlight selected in an answer', async () => {
    await page.locator('.schedule .segmented button').last().click();
    for (const [index, party] of parties.entries()) {
      await page.locator(`.schedule tr[data-interview="${campaign}/${party}"] button`).click();
      const editor = page.locator('.post-editor');
      await editor.locator('#post-editor-heading').waitFor();
      await editor.locator('#post-date').fill(`2022-09-0${index + 5}`);
      // Two Q&As, q2 first.
      if ((await editor.locator('.chosen-qa [data-qa]').count()) < 2) {
        await editor.locator('.other-qa button').first().click();
      }
      await editor.locator('.chosen-qa [data-qa]').nth(1).locator('.icon-button').first().click();
      const chosen = await editor
        .locator('.chosen-qa [data-qa]')
        .evaluateAll((items) =>
          items.map((item) => (item as unknown as { dataset: { qa: string } }).dataset.qa),
        );
      expect(chosen).toHaveLength(2);
      const passage = await editor
        .locator('textarea.answer-text')
        .first()
        .evaluate((element) => {
          const area = element as unknown as {
            value: string;
            focus(): void;
            setSelectionRange(start: number, end: number): void;
            dispatchEvent(event: Event): boolean;
          };
          const end = area.value.indexOf('.') + 1;
          area.focus();
          area.setSelectionRange(0, end);
          area.dispatchEvent(new Event('select'));
          return area.value.slice(0, end);
        });
      await editor.locator('.highlight-use').click();
      await editor.locator('.form-actions .button.primary').click();
      await expect
        .poll(() => postsOnDisk().find((post) => post.interview === `${campaign}/${party}`), {
          timeout: 10_000,
        })
        .toMatchObject({ date: `2022-09-0${index + 5}`, qa: chosen, highlight: passage });
      if (index === 0) {
        await editor
          .locator('[data-post-id="schedule-choice"] img')
          .first()
          .waitFor({ timeout: 30_000 });
        await shoot('3-post-editor');
        // The README's picture of the studio: the post as it will look, beside its choices.
        await editor.locator('#post-editor-heading').scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(screens, 'readme-studio.png') });
      }
      await editor.locator('.form-actions .button').last().click();
    }
    // The list follows the file: each party's two Q&As and its quote.
    for (const party of parties) {
      const row = page.locator(`.schedule tr[data-interview="${campaign}/${party}"]`);
      await expect
        .poll(() => row.locator('td.quote').textContent(), { timeout: 10_000 })
        .toMatch(/^”.+”$/);
    }
    await shoot('4-scheduled');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('fixes a flagged typo where it stands, undoes and redoes it', async () => {
    const original = readFileSync(interviewFile('miljopartiet'), 'utf8');
    expect(original).toContain('om samtyke.');
    await page.locator('[data-view="interview"]').click();
    await page.locator('#view-interview select').selectOption(`${campaign}/miljopartiet`);
    const section = page.locator('details.proofread[data-qa="q1"]');
    await section.waitFor({ timeout: 15_000 });
    if ((await section.getAttribute('open')) === null) await section.locator('summary').click();
    const field = section.locator('.proofread-field[data-path="qa.0.answer.0"]');
    await expect
      .poll(() => field.locator('mark').first().textContent(), { timeout: 15_000 })
      .toBe('samtyke');
    await shoot('5-typo');
    await field.getByRole('button', { name: 'Byt samtyke mot samtycke' }).click();
    const fixed = original.replace('om samtyke.', 'om samtycke.');
    await expect
      .poll(() => readFileSync(interviewFile('miljopartiet'), 'utf8'), { timeout: 15_000 })
      .toBe(fixed);
    const undo = page.locator('#undo');
    await expect.poll(() => undo.isEnabled(), { timeout: 15_000 }).toBe(true);
    await undo.click();
    await expect
      .poll(() => readFileSync(interviewFile('miljopartiet'), 'utf8'), { timeout: 15_000 })
      .toBe(original);
    const redo = page.locator('#redo');
    await expect.poll(() => redo.isEnabled(), { timeout: 15_000 }).toBe(true);
    await redo.click();
    await expect
      .poll(() => readFileSync(interviewFile('miljopartiet'), 'utf8'), { timeout: 15_000 })
      .toBe(fixed);
  });

  it('builds the campaign with its progress, and downloads a post as a zip', async () => {
    await page.locator('[data-view="output"]').click();
    const card = page.locator(`#view-output [data-campaign="${campaign}"]`);
    await card.waitFor();
    await card.locator('.card-head .button.primary').click();
    await card.locator('.build-progress').waitFor();
    await expect
      .poll(() => card.locator('tr[data-build="current"]').count(), { timeout: 120_000 })
      .toBe(3);
    await shoot('6-built');
    expect(await axeViolations(page)).toEqual([]);

    const folder = '2022-09-05-miljopartiet';
    const row = card.locator(`tr[data-post-id="${campaign}/${folder}"]`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.locator('a.download').click(),
    ]);
    const saved = join(fixture.dir, 'flow.zip');
    await download.saveAs(saved);
    const entries = unzipSync(new Uint8Array(readFileSync(saved)));
    const built = join(fixture.outDir, campaign, folder);
    const names = Object.keys(entries).sort();
    const slides = names.filter((name) => /\/\d{2}\.jpg$/.test(name));
    expect(slides.length).toBeGreaterThan(2);
    expect(names).toEqual(
      [...slides, `${folder}/alt.txt`, `${folder}/caption.txt`, `${folder}/post.json`].sort(),
    );
    for (const name of names) {
      expect(
        Buffer.from(entries[name]!).equals(readFileSync(join(built, name.split('/')[1]!))),
      ).toBe(true);
    }
    // The redone fix is in what was built.
    const alt = Buffer.from(entries[`${folder}/alt.txt`]!).toString('utf8');
    expect(alt).toContain('om samtycke.');
    expect(alt).not.toContain('samtyke');
  });

  it('detects a file changed on disk meanwhile, and does not overwrite it', async () => {
    await page.locator('[data-view="plan"]').click();
    const byHand = readFileSync(campaignFile(), 'utf8').replace(
      'title: Valfrågor 2022',
      'title: Valfrågor 2022 (ändrad för hand)',
    );
    await page.locator('#campaign-time').fill('10:30');
    writeFileSync(campaignFile(), byHand);
    await page.locator('form.campaign-fields button[type="submit"]').click();
    const conflict = page.locator('.conflict-box');
    // Generous: the save validates the whole dataset while the page redraws what the edit on disk changed.
    await conflict.waitFor({ timeout: 30_000 });
    expect(readFileSync(campaignFile(), 'utf8')).toBe(byHand);
    await conflict.scrollIntoViewIfNeeded();
    await shoot('7-conflict');
    expect(pageErrors).toEqual([]);
  });
});

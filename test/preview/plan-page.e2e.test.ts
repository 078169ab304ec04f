import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { type BrowserContext, type Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignSchema } from '../../src/data/schema.js';
import { axeViolations } from '../helpers/axe.js';
import type { PreviewFixture } from './fixture.js';
import { openStudio, type StudioBrowser } from './studio-browser.js';

/**
 * The studio's Campaigns, Fairness and Build views in Chromium, as a communicator uses them:
 * a campaign's fields saved, a post scheduled with a highlight selected in its answer, a save
 * over a file changed on disk meanwhile refused with both texts, each party's questions side by
 * side, a post built with its progress and downloaded as a zip, its caption copied.
 * Screenshots go to EXCERPT_SCREENS (or the system's temporary folder) to be looked at.
 */

const screens = process.env.EXCERPT_SCREENS ?? join(tmpdir(), 'excerpt-screens');
const advent = 'adventsfragestund-2020';

let studio: StudioBrowser | undefined;
let fixture: PreviewFixture;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(screens, { recursive: true });
  studio = await openStudio('plan-page', { pageErrors, acceptDownloads: true });
  ({ fixture, context, page } = studio);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(fixture.server.url).origin,
  });
  await page.goto(`${fixture.server.url}#plan`);
});

afterAll(async () => {
  await studio?.close();
});

const campaignFile = (): string => join(fixture.dataDir, 'campaigns', `${advent}.yaml`);
const postsOnDisk = (): { interview: string; qa: string[]; highlight?: string | undefined }[] =>
  campaignSchema.parse(parse(readFileSync(campaignFile(), 'utf8'))).posts;

async function shoot(name: string): Promise<void> {
  await page.screenshot({ path: join(screens, `${name}.png`), fullPage: true });
}

describe('the Campaigns view', () => {
  it('saves a campaign’s fields to its file, comments kept', async () => {
    const time = page.locator('#campaign-time');
    await time.waitFor();
    expect(await page.locator('#campaign-title').inputValue()).toBe('Adventsfrågestund 2020');
    await time.fill('09:15');
    // A hurried double click saves once: no conflict with its own first save.
    await page.locator('form.campaign-fields button[type="submit"]').dblclick();
    await expect
      .poll(() => readFileSync(campaignFile(), 'utf8'), { timeout: 10_000 })
      .toContain('time: "09:15"');
    expect(readFileSync(campaignFile(), 'utf8')).toMatch(/^# Adventsfrågestund 2020: one party/);
    await expect
      .poll(() => page.locator('.campaign-form .feedback').innerText())
      .toMatch(/^Sparat/);
    expect(await page.locator('.campaign-form .conflict-box').count()).toBe(0);
    await shoot('plan-campaign');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('asks before another campaign is chosen over a field typed and not saved', async () => {
    const title = page.locator('#campaign-title');
    const picker = page.locator('#plan-campaign');
    await title.fill('Adventsfrågestund 2020, ändrad');
    const dialogs: string[] = [];
    // Kept: the campaign stays, and what was typed with it.
    page.once('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await picker.selectOption('digital-pride-2020');
    await expect.poll(() => dialogs.length).toBe(1);
    expect(dialogs[0]).toMatch(/ändringar som inte är sparade/);
    expect(await picker.inputValue()).toBe(advent);
    expect(await title.inputValue()).toBe('Adventsfrågestund 2020, ändrad');
    // Dropped: the other campaign is shown, and the file was never written.
    page.once('dialog', (dialog) => void dialog.accept());
    await picker.selectOption('digital-pride-2020');
    await expect.poll(() => title.inputValue()).toBe('Digital Pride 2020');
    expect(readFileSync(campaignFile(), 'utf8')).not.toContain('ändrad');
    await picker.selectOption(advent);
    await expect.poll(() => title.inputValue()).toBe('Adventsfrågestund 2020');
  });

  it('saves the organisation’s contact line to brand.yaml, themes and comments kept', async () => {
    const brandFile = join(fixture.dataDir, 'brand.yaml');
    const before = readFileSync(brandFile, 'utf8');
    await page.locator('.brand-form > summary').click();
    const line = page.getByLabel('Kontaktrad');
    expect(await line.inputValue()).toMatch(/^Är ni ett parti i Huddinge/);
    await line.fill('Vill ert parti synas här? Skriv till info@kraftbyran.nu');
    await page.getByRole('button', { name: 'Spara organisationen' }).click();
    await expect
      .poll(() => readFileSync(brandFile, 'utf8'), { timeout: 10_000 })
      .toContain('contactLine: Vill ert parti synas här? Skriv till info@kraftbyran.nu');
    const after = readFileSync(brandFile, 'utf8');
    expect(after.replace(/^contactLine: .*$/m, '')).toBe(before.replace(/^contactLine: .*$/m, ''));
    writeFileSync(brandFile, before);
  });

  it('schedules a post with the Q&As in another order and a highlight selected in an answer', async () => {
    await page.locator(`.chip[data-interview="${advent}/centerpartiet"]`).click();
    const editor = page.locator('.post-editor');
    await editor.locator('#post-editor-heading').waitFor();
    // q6 first: moved up.
    await editor.locator('.chosen-qa [data-qa="q6"] .icon-button').first().click();
    // The first sentence of the first answer, selected as a person would with the mouse.
    const area = editor.locator('textarea.answer-text').first();
    const passage = await area.evaluate((element) => {
      const text = (element as unknown as { value: string }).value;
      const end = text.indexOf('.') + 1;
      const input = element as unknown as {
        focus(): void;
        setSelectionRange(start: number, end: number): void;
        dispatchEvent(event: unknown): boolean;
      };
      input.focus();
      input.setSelectionRange(0, end);
      input.dispatchEvent(new Event('select'));
      return text.slice(0, end);
    });
    expect(passage.length).toBeGreaterThan(10);
    await editor.locator('.highlight-use').click();
    await expect
      .poll(() => editor.locator('.highlight-current').textContent())
      .toContain(passage.slice(0, 20));
    await editor.locator('.form-actions .button.primary').click();
    await expect
      .poll(() => postsOnDisk().find((post) => post.interview === `${advent}/centerpartiet`), {
        timeout: 10_000,
      })
      .toMatchObject({ qa: ['q6', 'q1'], highlight: passage });
    await editor
      .locator('[data-post-id="schedule-choice"] img')
      .first()
      .waitFor({ timeout: 30_000 });
    await shoot('plan-post-editor');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('refuses to save over a file changed on disk since, and shows both texts', async () => {
    const byHand = readFileSync(campaignFile(), 'utf8').replace(
      'subtitle: Politiker svarar om killars våld mot tjejer',
      'subtitle: Ändrad för hand',
    );
    await page.locator('#campaign-time').fill('07:45');
    writeFileSync(campaignFile(), byHand);
    await page.locator('form.campaign-fields button[type="submit"]').click();
    const conflict = page.locator('.conflict-box');
    await conflict.waitFor({ timeout: 10_000 });
    await expect
      .poll(() => conflict.locator('.conflict-current').textContent())
      .toContain('Ändrad för hand');
    await expect
      .poll(() => conflict.locator('.conflict-yours').textContent())
      .toContain('time: "07:45"');
    expect(readFileSync(campaignFile(), 'utf8')).toBe(byHand);
    await conflict.scrollIntoViewIfNeeded();
    await shoot('plan-conflict');
  });
});

describe('the Fairness view', () => {
  it('sets each party’s questions side by side with its slides', async () => {
    await page.locator('[data-view="fairness"]').click();
    const table = page.locator(`#view-fairness [data-campaign="${advent}"] table`);
    await table.waitFor({ timeout: 45_000 });
    // A column for each of the six parties.
    await expect.poll(() => table.locator('thead th[scope="col"]').count()).toBe(7);
    await shoot('fairness');
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('the Build view', () => {
  const id = `${advent}/2020-12-15-socialdemokraterna`;
  const row = (): ReturnType<Page['locator']> =>
    page.locator(`#view-output tr[data-post-id="${id}"]`);

  it('builds a post with its progress, then downloads its zip', async () => {
    await page.locator('[data-view="output"]').click();
    await row().waitFor();
    await expect.poll(() => row().getAttribute('data-build')).toBe('missing');
    await row().locator('button[id^="build-"]').click();
    await page.locator('#view-output .build-progress').waitFor();
    await expect.poll(() => row().getAttribute('data-build'), { timeout: 60_000 }).toBe('current');
    await shoot('output-built');
    expect(await axeViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row().locator('a.download').click(),
    ]);
    const saved = join(fixture.dir, 'download.zip');
    await download.saveAs(saved);
    const entries = unzipSync(new Uint8Array(readFileSync(saved)));
    const folder = '2020-12-15-socialdemokraterna';
    const names = Object.keys(entries);
    expect(names).toContain(`${folder}/caption.txt`);
    expect(names).toContain(`${folder}/alt.txt`);
    expect(names.filter((name) => /\/\d{2}\.jpg$/.test(name)).length).toBeGreaterThan(2);
    const built = join(fixture.outDir, advent, folder);
    expect(Buffer.from(entries[`${folder}/caption.txt`]!)).toEqual(
      readFileSync(join(built, 'caption.txt')),
    );
    expect(Buffer.from(entries[`${folder}/01.jpg`]!)).toEqual(readFileSync(join(built, '01.jpg')));
  });

  it('copies a post’s caption as the build wrote it', async () => {
    await row().locator('button.copy').click();
    await expect.poll(() => row().locator('button.copy').getAttribute('data-copied')).toBe('true');
    const copied = await page.evaluate<string>('navigator.clipboard.readText()');
    const written = readFileSync(
      join(fixture.outDir, advent, '2020-12-15-socialdemokraterna', 'caption.txt'),
      'utf8',
    );
    expect(`${copied}\n`).toBe(written);
  });

  it('links the campaign’s manifest once it is built', async () => {
    const manifest = page.locator(
      `#view-output [data-campaign="${advent}"] a[href$="manifest.json"]`,
    );
    await manifest.waitFor();
    const response = await page.request.get(
      new URL((await manifest.getAttribute('href'))!, fixture.server.url).href,
    );
    expect(response.status()).toBe(200);
    expect(pageErrors).toEqual([]);
  });
});

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignSchema } from '../../src/data/schema.js';
import type { FileReply } from '../../src/preview/page-protocol.js';
import { axeViolations } from '../helpers/axe.js';
import { chromiumArgs, chromiumPath } from '../helpers/chromium.js';
import { startFixture, type PreviewFixture } from './fixture.js';

/**
 * The whole flow of issue 12's "Must show", as a communicator goes through it in the studio,
 * one step after another on one page: a campaign created; three parties scheduled with two
 * Q&As each and a highlight selected in an answer; a typo fixed, undone and redone; the
 * campaign built with its progress; a post downloaded as a zip and its contents checked; a file
 * changed on disk meanwhile detected, not overwritten.
 *
 * Not yet through the page, as their parts are still being built (helper A): the import (the
 * interviews are written here as `excerpt import` writes them), and the proofreading view (the
 * typo is fixed through the page's own write path, /api/edit, with the page's token, and undone
 * and redone through /api/undo and /api/redo). Each becomes a click when its view lands.
 */

const screens = process.env.EXCERPT_SCREENS ?? join(tmpdir(), 'excerpt-screens');
const campaign = 'valfragor-2026';
const parties = ['centerpartiet', 'liberalerna', 'socialdemokraterna'] as const;

let fixture: PreviewFixture;
let profile: string;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(screens, { recursive: true });
  profile = mkdtempSync(join(tmpdir(), 'excerpt-chromium-'));
  [fixture, context] = await Promise.all([
    startFixture('flow'),
    chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      args: chromiumArgs,
      headless: true,
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    }),
  ]);
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${fixture.server.url}#plan`);
});

afterAll(async () => {
  await context?.close();
  await fixture?.close();
  if (profile !== undefined) rmSync(profile, { recursive: true, force: true });
});

const campaignFile = (): string => join(fixture.dataDir, 'campaigns', `${campaign}.yaml`);
const interviewFile = (party: string): string =>
  join(fixture.dataDir, 'interviews', campaign, `${party}.yaml`);
const postsOnDisk = (): { interview: string; qa: string[]; highlight?: string | undefined }[] =>
  campaignSchema.parse(parse(readFileSync(campaignFile(), 'utf8'))).posts;

async function shoot(name: string): Promise<void> {
  await page.screenshot({ path: join(screens, `flow-${name}.png`), fullPage: true });
}

/** A write as the page makes it: its own Origin, its token from the page. */
async function pageWrite(path: string, body: unknown): Promise<{ status: number; json: unknown }> {
  return page.evaluate(
    async ([path, body]) => {
      const token =
        document.querySelector('meta[name="excerpt-token"]')?.getAttribute('content') ?? '';
      const response = await fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Excerpt-Token': token },
        body: JSON.stringify(body),
      });
      return { status: response.status, json: await response.json() };
    },
    [path, body] as const,
  );
}
// The project's types have no DOM: what the function above uses in the page.
declare const document: {
  querySelector(selector: string): { getAttribute(name: string): string | null } | null;
};

describe('the whole flow in the studio', () => {
  it('creates a campaign from its title', async () => {
    await page.locator('[aria-controls="campaign-creator"]').click();
    await page.locator('#new-title').fill('Valfrågor 2026');
    await page.locator('#new-marker').fill('🗳️');
    await page.locator('#campaign-creator button[type="submit"]').click();
    await expect
      .poll(() => readFileSync(campaignFile(), 'utf8'), { timeout: 10_000 })
      .toContain('title: Valfrågor 2026');
    await expect
      .poll(() => page.locator('#plan-campaign').inputValue(), { timeout: 10_000 })
      .toBe(campaign);
    await shoot('1-created');
  });

  it('schedules three parties, two Q&As chosen each and a highlight selected in an answer', async () => {
    // As `excerpt import` writes them (the studio's import view is helper A's).
    mkdirSync(join(fixture.dataDir, 'interviews', campaign), { recursive: true });
    for (const party of parties) {
      const text = readFileSync(
        join(fixture.dataDir, 'interviews', 'adventsfragestund-2020', `${party}.yaml`),
        'utf8',
      );
      writeFileSync(
        interviewFile(party),
        text
          .replace(`id: adventsfragestund-2020/${party}`, `id: ${campaign}/${party}`)
          .replace('campaign: adventsfragestund-2020', `campaign: ${campaign}`),
      );
    }
    const unscheduled = page.locator('.unscheduled li button');
    await expect.poll(() => unscheduled.count(), { timeout: 15_000 }).toBe(3);

    for (const [index, party] of parties.entries()) {
      await unscheduled.first().click();
      const editor = page.locator('.post-editor');
      await editor.locator('#post-editor-heading').waitFor();
      await editor.locator('#post-date').fill(`2026-05-0${index + 4}`);
      // The first two are offered; q2 is swapped for q3.
      await editor.locator('.chosen-qa [data-qa="q2"] .icon-button').last().click();
      await editor.locator('.other-qa [data-qa="q3"] button').click();
      const passage = await editor
        .locator('.answer[data-qa="q1"] textarea.answer-text')
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
        .toEqual({
          date: `2026-05-0${index + 4}`,
          interview: `${campaign}/${party}`,
          qa: ['q1', 'q3'],
          highlight: passage,
        });
      if (index === 0) await shoot('2-post-editor');
      await editor.locator('.form-actions .button').last().click();
    }
    await shoot('3-scheduled');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('fixes a typo, undoes and redoes it', async () => {
    const file = `interviews/${campaign}/centerpartiet.yaml`;
    const original = readFileSync(interviewFile('centerpartiet'), 'utf8');
    const { version } = await fixture.getJson<FileReply>(
      `/api/file?path=${encodeURIComponent(file)}`,
    );
    const fixed = await pageWrite('/api/edit', {
      file,
      baseVersion: version,
      operations: [{ op: 'set', path: ['interviewee', 'role'], value: 'kommunalråd (C)' }],
      label: 'Roll',
    });
    expect(fixed.status).toBe(200);
    expect(readFileSync(interviewFile('centerpartiet'), 'utf8')).toContain('kommunalråd (C)');
    expect((await pageWrite('/api/undo', {})).status).toBe(200);
    expect(readFileSync(interviewFile('centerpartiet'), 'utf8')).toBe(original);
    expect((await pageWrite('/api/redo', {})).status).toBe(200);
    expect(readFileSync(interviewFile('centerpartiet'), 'utf8')).toContain('kommunalråd (C)');
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
    await shoot('4-built');
    expect(await axeViolations(page)).toEqual([]);

    const row = card.locator(`tr[data-post-id="${campaign}/2026-05-04-centerpartiet"]`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.locator('a.download').click(),
    ]);
    const saved = join(fixture.dir, 'flow.zip');
    await download.saveAs(saved);
    const entries = unzipSync(new Uint8Array(readFileSync(saved)));
    const folder = '2026-05-04-centerpartiet';
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
    expect(Buffer.from(entries[`${folder}/caption.txt`]!).toString('utf8')).toContain(
      'kommunalråd (C)',
    );
  });

  it('detects a file changed on disk meanwhile, and does not overwrite it', async () => {
    await page.locator('[data-view="plan"]').click();
    const byHand = readFileSync(campaignFile(), 'utf8').replace(
      'title: Valfrågor 2026',
      'title: Valfrågor 2026 (ändrad för hand)',
    );
    await page.locator('#campaign-time').fill('10:30');
    writeFileSync(campaignFile(), byHand);
    await page.locator('form.campaign-fields button[type="submit"]').click();
    const conflict = page.locator('.conflict-box');
    await conflict.waitFor({ timeout: 10_000 });
    expect(readFileSync(campaignFile(), 'utf8')).toBe(byHand);
    await conflict.scrollIntoViewIfNeeded();
    await shoot('5-conflict');
    expect(pageErrors).toEqual([]);
  });
});

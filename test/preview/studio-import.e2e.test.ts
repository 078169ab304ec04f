import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectData } from '../../src/data/load.js';
import type { EditReply, ImportPreviewReply } from '../../src/preview/page-protocol.js';
import { chromiumArgs, chromiumPath } from '../helpers/chromium.js';
import { root, startFixture, type PreviewFixture } from './fixture.js';
import { send, tokenOf } from './write-client.js';

/**
 * The Import view and its routes: a page pasted is read and shown before anything is written
 * (campaigns, interviews, questions, the lines worth a second look), saved as one change the
 * Undo button takes back, and merged as `excerpt import` merges.
 */

const screens = process.env.EXCERPT_SCREENS ?? join(root, '.scratch', 'screens', 'studio-core');
const axeSource = readFileSync(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

// A page of our own making: the test fixture's page, with a `-` bullet the website never writes.
const pageText = readFileSync(join(root, 'test/fixtures/pages/valfragor-2022.txt'), 'utf8').replace(
  ' • Fler kuratorer i skolan.',
  '- Fler kuratorer i skolan.',
);
const newFiles = [
  'interviews/valfragor-2022/miljopartiet.yaml',
  'interviews/valfragor-2022/kristdemokraterna.yaml',
  'interviews/valfragor-2022/botkyrka-framat.yaml',
  'campaigns/valfragor-2022.yaml',
];

let fixture: PreviewFixture;
let token: string;
let profile: string;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
const onDisk = (file: string): boolean => existsSync(join(fixture.dataDir, ...file.split('/')));

beforeAll(async () => {
  mkdirSync(screens, { recursive: true });
  profile = mkdtempSync(join(tmpdir(), 'excerpt-chromium-'));
  [fixture, context] = await Promise.all([
    startFixture('studio-import'),
    chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      args: chromiumArgs,
      headless: true,
      viewport: { width: 1280, height: 1000 },
    }),
  ]);
  token = await tokenOf(fixture.server.url);
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await context?.close();
  await fixture?.close();
  if (profile !== undefined) rmSync(profile, { recursive: true, force: true });
});

describe('studio import: the routes', () => {
  it('reads a page and says what saving would do, writing nothing', async () => {
    const answer = await send(fixture.server.url, '/api/import/preview', {
      token,
      body: { text: pageText },
    });
    expect(answer.status).toBe(200);
    const reply = answer.json as Extract<ImportPreviewReply, { ok: true }>;
    expect(reply.campaigns).toEqual([
      { id: 'valfragor-2022', title: 'Valfrågor 2022', marker: '❤️', isNew: true },
    ]);
    expect(reply.interviews.map((interview) => [interview.party, interview.status])).toEqual([
      ['Miljöpartiet', 'new'],
      ['Kristdemokraterna', 'new'],
      ['Botkyrka Framåt', 'new'],
    ]);
    expect(reply.interviews[0]!.questions[0]!.blocks).toBeGreaterThan(1);
    expect(reply.flags).toContainEqual({
      line: expect.any(Number) as number,
      text: '- Fler kuratorer i skolan.',
      kind: 'dash-bullet',
    });
    expect(reply.flags).toContainEqual({
      line: expect.any(Number) as number,
      text: 'Vad kan kommunen göra bättre?',
      kind: 'unmarked-question',
    });
    expect(newFiles.filter(onDisk)).toEqual([]);
  });

  it('says where a page cannot be read, by its line', async () => {
    const answer = await send(fixture.server.url, '/api/import/preview', {
      token,
      body: { text: 'Bara en rad utan intervjuer\n' },
    });
    expect(answer.status).toBe(422);
    expect((answer.json as { reason: string }).reason).toBe('unreadable');
  });

  it('refuses an import from another origin or without the token, writing nothing', async () => {
    for (const options of [
      { headers: { Origin: 'http://attacker.example' }, token },
      { token: undefined },
    ]) {
      const answer = await send(fixture.server.url, '/api/import/save', {
        ...options,
        body: { text: pageText },
      });
      expect(answer.status).toBe(403);
    }
    expect(newFiles.filter(onDisk)).toEqual([]);
  });
});

describe('studio import: the page', () => {
  it('shows what a pasted page was read as, saves it as one change, and undoes and redoes it', async () => {
    await page.goto(`${fixture.server.url}#import`);
    await page.getByRole('tab', { name: 'Importera' }).click();
    await page.getByLabel('Sidans text').fill(pageText);
    const interviews = page.locator('.import-interview');
    await expect.poll(() => interviews.count(), { timeout: 15_000 }).toBe(3);
    expect(await page.locator('.import-summary').textContent()).toBe(
      '1 kampanj, 3 intervjuer: 3 nya, 0 finns redan, 0 skiljer sig från datan.',
    );
    expect(await page.locator('.import-flags li').allTextContents()).toContainEqual(
      expect.stringContaining('- Fler kuratorer i skolan.'),
    );
    await page.screenshot({ path: join(screens, 'import-preview-sv.png'), fullPage: true });
    expect(newFiles.filter(onDisk)).toEqual([]);

    await page.getByRole('button', { name: 'Spara 3 nya intervjuer' }).click();
    await expect.poll(() => newFiles.filter(onDisk), { timeout: 15_000 }).toEqual(newFiles);
    expect((await inspectData(fixture.dataDir)).issues).toEqual([]);
    await expect
      .poll(() => page.locator('.import-interview[data-status="same"]').count(), {
        timeout: 15_000,
      })
      .toBe(3);
    expect(await page.locator('.import-saved').textContent()).toMatch(/^Sparat: 4 filer\./);
    const undo = page.getByRole('button', { name: 'Ångra', exact: true });
    await expect.poll(() => undo.isEnabled(), { timeout: 15_000 }).toBe(true);
    expect(await undo.getAttribute('title')).toBe('Ångra: Import (4 filer)');
    await page.screenshot({ path: join(screens, 'import-saved-sv.png'), fullPage: true });

    await undo.click();
    await expect.poll(() => newFiles.filter(onDisk), { timeout: 15_000 }).toEqual([]);
    const redo = page.getByRole('button', { name: 'Gör om', exact: true });
    await expect.poll(() => redo.isEnabled(), { timeout: 15_000 }).toBe(true);
    await redo.click();
    await expect.poll(() => newFiles.filter(onDisk), { timeout: 15_000 }).toEqual(newFiles);

    // axe-core finds nothing wrong in the view.
    await page.evaluate(axeSource);
    const violations = await page.evaluate<string[]>(
      `axe.run(document).then((result) => result.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`,
    );
    expect(violations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('merges a page imported again: a typo corrected in the data is kept and shown', async () => {
    const file = join(fixture.dataDir, 'interviews', 'valfragor-2022', 'miljopartiet.yaml');
    const typoPage = pageText.replace('om samtycke.', 'om samtyke.');
    const answer = await send(fixture.server.url, '/api/import/save', {
      token,
      body: { text: typoPage },
    });
    // Nothing new to write: the data already holds every interview of the page.
    expect(answer.status).toBe(200);
    expect((answer.json as Extract<EditReply, { ok: true }>).change).toBeNull();
    expect(readFileSync(file, 'utf8')).toContain('om samtycke.');
    const preview = await send(fixture.server.url, '/api/import/preview', {
      token,
      body: { text: typoPage },
    });
    const reply = preview.json as Extract<ImportPreviewReply, { ok: true }>;
    expect(reply.interviews[0]!.status).toBe('differs');
    expect(reply.interviews[0]!.differences).toEqual([
      {
        where: 'qa[0].answer[0]',
        whereSv: 'q1, svaret: stycke 1',
        data: '…sig om samtycke. Det börjar…',
        page: '…sig om samtyke. Det börjar…',
      },
    ]);
  });
});

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadData } from '../../src/data/load.js';
import { root, type PreviewFixture } from './fixture.js';
import { openStudio, type StudioBrowser } from './studio-browser.js';
import { send, tokenOf } from './write-client.js';

/**
 * What a hurried communicator does to the studio that its own tests did not: a campaign title
 * pasted from a press release, a save the disk refuses. Each must end in a Swedish sentence on
 * the page and nothing half-written, never a silent button or a "the studio does not answer".
 */

const screens = process.env.EXCERPT_SCREENS ?? join(root, '.scratch', 'screens', 'studio-attack');
const interview = 'adventsfragestund-2020/centerpartiet';
let studio: StudioBrowser | undefined;
let fixture: PreviewFixture;
let page: Page;
let token: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(screens, { recursive: true });
  studio = await openStudio('studio-attack', {
    pageErrors,
    viewport: { width: 1280, height: 1000 },
  });
  ({ fixture, page } = studio);
  token = await tokenOf(fixture.server.url);
});

afterAll(async () => {
  await studio?.close();
});

/** Makes the undo history unwritable (a file where its folder goes), until `restore`. */
function breakHistory(): { restore(): void } {
  const history = join(fixture.dataDir, '.excerpt-history');
  rmSync(history, { recursive: true, force: true });
  writeFileSync(history, 'not a folder\n');
  return { restore: () => rmSync(history, { force: true }) };
}

describe('a campaign title longer than a file name may be', () => {
  it('makes a campaign with a short id, not a failure of the studio', async () => {
    const title = `Valet 2022: ${'vi frågade alla partier i fullmäktige om kvinnojourerna '.repeat(6)}`;
    const created = await send(fixture.server.url, '/api/plan/campaigns', {
      token,
      body: {
        fields: {
          title,
          subtitle: '',
          marker: '💬',
          theme: 'default',
          format: 'square',
          time: '08:00',
          hashtags: [],
        },
      },
    });
    expect(created.status).toBe(200);
    const { id, file } = created.json as { id: string; file: string };
    expect(id.length).toBeLessThanOrEqual(60);
    expect(id).toMatch(/^valet-2022-vi-fragade-alla-partier(-[a-z0-9]+)*$/);
    expect(file).toBe(`campaigns/${id}.yaml`);
    const data = await loadData(fixture.dataDir);
    expect(data.campaigns.find((campaign) => campaign.id === id)?.title).toBe(title.trim());
  });
});

describe('a save the file system refuses', () => {
  it('is answered as failed, with the refusal in Swedish, and writes nothing', async () => {
    const path = `interviews/${interview}.yaml`;
    const before = readFileSync(join(fixture.dataDir, path), 'utf8');
    const { version } = await fixture.getJson<{ version: string }>(`/api/file?path=${path}`);
    const broken = breakHistory();
    try {
      const answer = await send(fixture.server.url, '/api/edit', {
        token,
        body: {
          file: path,
          baseVersion: version,
          operations: [{ op: 'set', path: ['qa', 0, 'question'], value: 'Ny fråga?' }],
          label: 'fråga',
        },
      });
      expect(answer.status).toBe(500);
      expect(answer.json).toMatchObject({
        ok: false,
        reason: 'failed',
        problem: {
          entries: [{ sv: { message: expect.stringMatching(/är en fil där en mapp behövs/) } }],
        },
      });
      expect(readFileSync(join(fixture.dataDir, path), 'utf8')).toBe(before);
    } finally {
      broken.restore();
    }
  });

  it('is said in the proofreader’s field, in Swedish, and the text typed stays', async () => {
    await page.goto(`${fixture.server.url}#interview`);
    await page.locator('#view-interview select').selectOption(interview);
    const section = page.locator('details.proofread[data-qa="q1"]');
    await expect
      .poll(() => section.locator('textarea').count(), { timeout: 60_000 })
      .toBeGreaterThan(0);
    if ((await section.getAttribute('open')) === null) await section.locator('summary').click();
    const field = section.locator('.proofread-field[data-path="qa.0.question"]');
    await field.locator('textarea').fill('Hur arbetar ni mot våldet?');
    const broken = breakHistory();
    try {
      await field.getByRole('button', { name: 'Spara' }).click();
      const problem = field.locator('.problem-box');
      await expect.poll(() => problem.count(), { timeout: 15_000 }).toBe(1);
      expect(await problem.textContent()).toMatch(/Studion stötte på ett fel.*är en fil där/);
      expect(await field.locator('textarea').inputValue()).toBe('Hur arbetar ni mot våldet?');
      await page.screenshot({ path: join(screens, 'save-refused-sv.png'), fullPage: true });
    } finally {
      broken.restore();
    }
    expect(existsSync(join(fixture.dataDir, '.excerpt-history'))).toBe(false);
    expect(pageErrors).toEqual([]);
  });
});

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

describe('a campaign title pasted from a spreadsheet, with a tab in it', () => {
  it('is saved with a space for the tab, not refused as a request the studio cannot read', async () => {
    const created = await send(fixture.server.url, '/api/plan/campaigns', {
      token,
      body: {
        fields: {
          title: 'Valet\t2022 hösten',
          subtitle: 'Frågor\toch svar',
          marker: '💬',
          theme: 'default',
          format: 'square',
          time: '08:00',
          hashtags: ['Huddinge'],
        },
      },
    });
    expect(created.status).toBe(200);
    const { id } = created.json as { id: string };
    expect(id).toBe('valet-2022-hosten');
    const data = await loadData(fixture.dataDir);
    const campaign = data.campaigns.find((candidate) => candidate.id === id);
    expect(campaign).toMatchObject({ title: 'Valet 2022 hösten', subtitle: 'Frågor och svar' });
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

describe('a data file deleted while the page has it open', () => {
  it('says the file is gone, and keeps the text typed, when a save finds it missing', async () => {
    const gone = 'adventsfragestund-2020/moderaterna';
    const path = join(fixture.dataDir, 'interviews', ...`${gone}.yaml`.split('/'));
    const before = readFileSync(path, 'utf8');
    // A page of its own: the one before holds a change not saved.
    await page.goto('about:blank');
    await page.goto(`${fixture.server.url}#interview`);
    await page.locator('#view-interview select').selectOption(gone);
    const section = page.locator('details.proofread[data-qa="q1"]');
    await expect
      .poll(() => section.locator('textarea').count(), { timeout: 60_000 })
      .toBeGreaterThan(0);
    if ((await section.getAttribute('open')) === null) await section.locator('summary').click();
    const field = section.locator('.proofread-field[data-path="qa.0.answer.0"]');
    await field.locator('textarea').fill('Ett nytt svar.');
    rmSync(path);
    try {
      // The page hears of it (the campaign now names a missing interview) before the save.
      await expect
        .poll(() => page.getByText(/ingen intervju har id/).count(), { timeout: 15_000 })
        .toBeGreaterThan(0);
      await field.getByRole('button', { name: 'Spara' }).click();
      const conflict = field.locator('.conflict');
      expect(await conflict.textContent()).toMatch(/finns inte längre på disken/);
      // Nothing to compare with: no empty "on disk" box beside an empty "your change".
      expect(await conflict.locator('pre').count()).toBe(0);
      expect(await field.locator('textarea').inputValue()).toBe('Ett nytt svar.');
      expect(existsSync(path)).toBe(false);
      await page.screenshot({ path: join(screens, 'file-gone-sv.png'), fullPage: true });
    } finally {
      writeFileSync(path, before);
    }
    expect(pageErrors).toEqual([]);
  });
});

describe('another interview chosen while a change is not saved', () => {
  it('asks first, and never shows one interview’s fields under another’s name', async () => {
    await page.goto('about:blank');
    await page.goto(`${fixture.server.url}#interview`);
    const select = page.locator('#view-interview select');
    await select.selectOption(interview);
    const section = page.locator('details.proofread[data-qa="q1"]');
    await expect
      .poll(() => section.locator('textarea').count(), { timeout: 60_000 })
      .toBeGreaterThan(0);
    if ((await section.getAttribute('open')) === null) await section.locator('summary').click();
    const answer = section.locator('.proofread-field[data-path="qa.0.answer.0"] textarea');
    await answer.fill('Text till Moderaterna.');
    const asked: string[] = [];
    // Cancelled: the select goes back, the change stays.
    page.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await select.selectOption('adventsfragestund-2020/moderaterna');
    await expect.poll(() => asked.length, { timeout: 5_000 }).toBe(1);
    expect(asked[0]).toMatch(/inte är sparad/);
    expect(await select.inputValue()).toBe(interview);
    expect(await answer.inputValue()).toBe('Text till Moderaterna.');
    // Confirmed: the other interview, its own fields.
    page.once('dialog', (dialog) => void dialog.accept());
    await select.selectOption('adventsfragestund-2020/moderaterna');
    await expect
      .poll(() => page.locator('#view-interview').textContent(), { timeout: 15_000 })
      .toMatch(/moderaterna\.yaml/);
    expect(await page.locator('#view-interview').textContent()).not.toMatch(/centerpartiet\.yaml/);
    expect(pageErrors).toEqual([]);
  });
});

describe('two fields of one interview changed, then saved one after the other', () => {
  it('saves both: the page’s own first save is not "changed on disk" for the second', async () => {
    const edited = 'adventsfragestund-2020/liberalerna';
    const path = join(fixture.dataDir, 'interviews', ...`${edited}.yaml`.split('/'));
    await page.goto('about:blank');
    await page.goto(`${fixture.server.url}#interview`);
    await page.locator('#view-interview select').selectOption(edited);
    const section = page.locator('details.proofread[data-qa="q1"]');
    await expect
      .poll(() => section.locator('textarea').count(), { timeout: 60_000 })
      .toBeGreaterThan(0);
    if ((await section.getAttribute('open')) === null) await section.locator('summary').click();
    const question = section.locator('.proofread-field[data-path="qa.0.question"]');
    const answer = section.locator('.proofread-field[data-path="qa.0.answer.0"]');
    await question.locator('textarea').fill('Hur arbetar Liberalerna mot våldet?');
    await answer.locator('textarea').fill('Vi arbetar varje dag mot våldet.');
    await question.getByRole('button', { name: 'Spara' }).click();
    await expect
      .poll(() => question.locator('.proofread-status').textContent(), { timeout: 15_000 })
      .toBe('Sparat.');
    await answer.getByRole('button', { name: 'Spara' }).click();
    // Saved (the view is drawn anew once nothing is left unsaved), with no conflict shown.
    await expect
      .poll(() => readFileSync(path, 'utf8'), { timeout: 15_000 })
      .toContain('Vi arbetar varje dag mot våldet.');
    expect(await page.locator('.conflict').count()).toBe(0);
    const interviewRead = (await loadData(fixture.dataDir)).interviews.find(
      (candidate) => candidate.id === edited,
    );
    expect(interviewRead?.qa[0]?.question).toBe('Hur arbetar Liberalerna mot våldet?');
    expect(interviewRead?.qa[0]?.answer[0]).toBe('Vi arbetar varje dag mot våldet.');
    expect(pageErrors).toEqual([]);
  });
});

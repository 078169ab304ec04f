import { createHash } from 'node:crypto';
import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTemplates } from '../../src/cli/templates.js';
import { loadData } from '../../src/data/load.js';
import type { FairnessReply, OutputState, PlanState } from '../../src/preview/page-protocol.js';
import { buildCampaigns } from '../../src/render/build.js';
import { startFixture, waitFor, type PreviewFixture } from './fixture.js';

/**
 * The studio's campaign, fairness and output routes, read in process: what the page is told of
 * the campaign files, each party's questions and slides, what is built, and the files it hands
 * out (a post's zip checked entry by entry).
 */

let fixture: PreviewFixture;
beforeAll(async () => {
  fixture = await startFixture('plan');
});
afterAll(async () => {
  await fixture?.close();
});

const advent = 'adventsfragestund-2020';
const post = `${advent}/2020-12-15-socialdemokraterna`;

async function get(path: string): Promise<Response> {
  return fetch(new URL(path, fixture.server.url));
}

async function buildPost(id: string): Promise<void> {
  const dataset = await loadData(fixture.dataDir);
  await buildCampaigns(dataset, {
    out: fixture.outDir,
    campaigns: [id.split('/')[0]!],
    posts: [id],
    force: false,
    jobs: 2,
    image: 'jpeg',
    svg: false,
    loadTemplates,
  });
}

describe('GET /api/plan', () => {
  it('gives each campaign as its file says, versioned by the hash of the very text read', async () => {
    const plan = await fixture.getJson<PlanState>('/api/plan');
    expect(plan.problems).toEqual([]);
    expect(plan.campaigns.map((campaign) => campaign.id)).toEqual([advent, 'digital-pride-2020']);
    const campaign = plan.campaigns[0]!;
    const text = readFileSync(join(fixture.dataDir, 'campaigns', `${advent}.yaml`), 'utf8');
    expect(campaign.version).toBe(createHash('sha256').update(text).digest('hex'));
    expect(campaign).toMatchObject({
      marker: '🎄',
      theme: 'advent',
      format: 'square',
      time: '08:00',
    });
    expect(campaign.hashtags).toEqual([
      'Huddinge',
      'Adventsfrågestund',
      'KillarsVåldMotTjejer',
      'StoppaVåldet',
    ]);
    expect(campaign.posts[0]).toEqual({
      index: 0,
      id: post,
      date: '2020-12-15',
      interview: `${advent}/socialdemokraterna`,
      qa: ['q1', 'q6'],
    });
    expect(plan.themes[0]).toBe('default');
    expect(plan.themes).toContain('advent');
    // Every answer whole: the schedule picks a highlight from it.
    const interview = plan.interviews.find((each) => each.id === `${advent}/socialdemokraterna`)!;
    expect(interview.qa.length).toBeGreaterThan(2);
    expect(interview.qa[0]!.answer.length).toBeGreaterThan(0);
  });
});

describe('GET /api/plan/fairness', () => {
  it('sets each party’s questions side by side, with its slide count', async () => {
    const reply = await fixture.getJson<FairnessReply>('/api/plan/fairness');
    expect(reply.problem).toBeUndefined();
    const campaign = reply.campaigns.find((each) => each.campaign === advent)!;
    expect(campaign.parties.map((party) => party.party)).toEqual([
      'Socialdemokraterna',
      'Centerpartiet',
      'Moderaterna',
      'Drevvikenpartiet',
      'Vänsterpartiet',
      'Liberalerna',
    ]);
    for (const party of campaign.parties) expect(party.slides).toBeGreaterThan(2);
    // Liberalerna's and Moderaterna's q5 is the others' q6: one row, asked of all six.
    expect(campaign.questions).toHaveLength(2);
    for (const question of campaign.questions) {
      expect(question.cells.every((cell) => cell !== null)).toBe(true);
    }
    const liberal = campaign.parties.findIndex((party) => party.party === 'Liberalerna');
    expect(campaign.questions[1]!.cells[liberal]!.qa).toBe('q5');
    expect(campaign.flags.filter((flag) => flag.kind !== 'unscheduled')).toEqual([]);
  });

  it('flags a party asked fewer questions than the others', async () => {
    const file = join(fixture.dataDir, 'campaigns', `${advent}.yaml`);
    const text = readFileSync(file, 'utf8');
    try {
      writeFileSync(
        file,
        text.replace(
          'interview: adventsfragestund-2020/centerpartiet\n    qa: [q1, q6]',
          'interview: adventsfragestund-2020/centerpartiet\n    qa: [q1]',
        ),
      );
      const campaign = await waitFor('the fairness of the edited campaign', async () => {
        const reply = await fixture.getJson<FairnessReply>('/api/plan/fairness');
        const found = reply.campaigns.find((each) => each.campaign === advent);
        return found?.parties[1]?.qa.length === 1 ? found : undefined;
      });
      expect(campaign.flags).toContainEqual({
        kind: 'fewer',
        party: 'Centerpartiet',
        count: 1,
        most: 2,
      });
      expect(campaign.flags).toContainEqual({
        kind: 'missing',
        party: 'Centerpartiet',
        question: 1,
      });
    } finally {
      writeFileSync(file, text);
      await waitFor('the campaign as it was', async () => {
        const reply = await fixture.getJson<FairnessReply>('/api/plan/fairness');
        return reply.campaigns.find((each) => each.campaign === advent)?.parties[1]?.qa.length === 2
          ? true
          : undefined;
      });
    }
  });
});

describe('output', () => {
  it('says nothing is built, and offers each post’s caption and publish status', async () => {
    const output = await fixture.getJson<OutputState>('/api/plan/output');
    const campaign = output.campaigns.find((each) => each.id === advent)!;
    expect(campaign.posts).toHaveLength(6);
    expect(campaign.posts.every((each) => each.build === 'missing')).toBe(true);
    expect(campaign.files).toEqual([]);
    const first = campaign.posts[0]!;
    expect(first).toMatchObject({ id: post, party: 'Socialdemokraterna', date: '2020-12-15' });
    expect(first.caption).toContain('#StoppaVåldet');
    // No ledger in the data folder: a post whose time has passed is due.
    expect(first.status).toEqual({ state: 'due', publishAt: first.publishAt });
    expect((await get(`/out/${post}.zip`)).status).toBe(404);
  });

  it('zips a built post: its slides, caption and alt text, as the build wrote them', async () => {
    await buildPost(post);
    const output = await fixture.getJson<OutputState>('/api/plan/output');
    const campaign = output.campaigns.find((each) => each.id === advent)!;
    const built = campaign.posts.find((each) => each.id === post)!;
    expect(built.build).toBe('current');
    expect(campaign.posts.filter((each) => each.build === 'current')).toHaveLength(1);
    expect(campaign.files).toContain('manifest.json');

    const response = await get(`/out/${post}.zip`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="${advent}-2020-12-15-socialdemokraterna.zip"`,
    );
    const entries = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const folder = join(fixture.outDir, advent, '2020-12-15-socialdemokraterna');
    const names = Object.keys(entries).sort();
    const slides = names.filter((name) => /\/\d{2}\.jpg$/.test(name));
    expect(slides).toHaveLength(built.slides!);
    expect(names).toEqual(
      [
        ...slides,
        '2020-12-15-socialdemokraterna/alt.txt',
        '2020-12-15-socialdemokraterna/caption.txt',
        '2020-12-15-socialdemokraterna/post.json',
      ].sort(),
    );
    for (const name of names) {
      const file = name.split('/')[1]!;
      expect(Buffer.from(entries[name]!).equals(readFileSync(join(folder, file))), name).toBe(true);
    }
    // The caption offered to copy is the one the build wrote.
    expect(`${built.caption}\n`).toBe(readFileSync(join(folder, 'caption.txt'), 'utf8'));

    const manifest = await get(`/out/${advent}/manifest.json`);
    expect(manifest.status).toBe(200);
    expect(await manifest.text()).toBe(
      readFileSync(join(fixture.outDir, advent, 'manifest.json'), 'utf8'),
    );
  });

  it('refuses a zip of a post whose slide changed since the build, and files it did not write', async () => {
    const folder = join(fixture.outDir, advent, '2020-12-15-socialdemokraterna');
    const slide = join(folder, '01.jpg');
    const original = readFileSync(slide);
    writeFileSync(slide, Buffer.concat([original, Buffer.from('tampered')]));
    try {
      const response = await get(`/out/${post}.zip`);
      expect(response.status).toBe(409);
      expect(await response.text()).toMatch(/build it again/);
    } finally {
      writeFileSync(slide, original);
    }
    writeFileSync(join(fixture.outDir, advent, 'contact-sheet-99.jpg'), 'not ours');
    expect((await get(`/out/${advent}/contact-sheet-99.jpg`)).status).toBe(404);
    // A file the build wrote, replaced by a link elsewhere: not followed.
    const schedule = join(fixture.outDir, advent, 'schedule.csv');
    expect((await get(`/out/${advent}/schedule.csv`)).status).toBe(200);
    rmSync(schedule);
    symlinkSync('/etc/passwd', schedule);
    expect((await get(`/out/${advent}/schedule.csv`)).status).toBe(404);
    expect((await get(`/out/${advent}/..%2f..%2fdata%2fbrand.yaml`)).status).toBe(404);
    expect((await get(`/out/no-such-campaign/manifest.json`)).status).toBe(404);
  });

  it('calls a post built from other data outdated, and will not zip it', async () => {
    const file = join(fixture.dataDir, 'campaigns', `${advent}.yaml`);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('StoppaVåldet]', 'StoppaVåldetNu]'));
    try {
      const built = await waitFor('the post outdated', async () => {
        const output = await fixture.getJson<OutputState>('/api/plan/output');
        const found = output.campaigns
          .find((each) => each.id === advent)
          ?.posts.find((each) => each.id === post);
        return found?.build === 'outdated' ? found : undefined;
      });
      expect(built.caption).toContain('#StoppaVåldetNu');
      expect((await get(`/out/${post}.zip`)).status).toBe(409);
    } finally {
      writeFileSync(file, text);
    }
  });
});

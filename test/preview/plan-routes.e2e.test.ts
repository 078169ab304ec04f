import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadTemplates } from '../../src/cli/templates.js';
import { loadData } from '../../src/data/load.js';
import type {
  BrandFields,
  BrandState,
  BuildProgress,
  BuildStarted,
  CampaignFields,
  FairnessReply,
  OutputState,
  PlanCampaign,
  PlanState,
} from '../../src/preview/page-protocol.js';
import { buildCampaigns } from '../../src/render/build.js';
import type { HistoryReply } from '../../src/preview/protocol/studio.js';
import { root, startFixture, waitFor, type PreviewFixture } from './fixture.js';
import { send, tokenOf } from './write-client.js';

/**
 * The studio's campaign, fairness and output routes, in process: what the page is told of
 * the campaign files, each party's questions and slides, what is built, the files it hands out
 * (a post's zip checked entry by entry), and the writes: campaigns, the schedule, builds.
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
    // No ledger in the data folder, and its time (2020) over a day ago: it has missed its time,
    // and publish --due leaves it (a campaign of years ago must not go out because cron met it).
    expect(first.status).toEqual({ state: 'missed', publishAt: first.publishAt });
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
    // Files excerpt did not write stop a build of the campaign (as they should): taken away.
    rmSync(schedule);
    rmSync(join(fixture.outDir, advent, 'contact-sheet-99.jpg'));
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

describe('writes: campaigns and the schedule, through the studio’s write path', () => {
  const campaignFile = (): string => join(fixture.dataDir, 'campaigns', `${advent}.yaml`);
  const campaignOf = async (id = advent): Promise<PlanCampaign> =>
    (await fixture.getJson<PlanState>('/api/plan')).campaigns.find((each) => each.id === id)!;
  const fieldsOf = (campaign: PlanCampaign): CampaignFields => ({
    title: campaign.title,
    subtitle: campaign.subtitle ?? '',
    marker: campaign.marker,
    theme: campaign.theme,
    format: campaign.format,
    time: campaign.time,
    hashtags: campaign.hashtags,
  });
  let token: string;
  let original: string;
  beforeAll(async () => {
    token = await tokenOf(fixture.server.url);
    original = readFileSync(campaignFile(), 'utf8');
  });
  beforeEach(() => writeFileSync(campaignFile(), original));
  afterAll(() => writeFileSync(campaignFile(), original));

  it('saves a campaign’s fields over the version read, comments kept', async () => {
    const campaign = await campaignOf();
    const answer = await send(fixture.server.url, `/api/plan/campaigns/${advent}`, {
      token,
      body: {
        baseVersion: campaign.version,
        fields: { ...fieldsOf(campaign), time: '09:30', hashtags: ['Huddinge', 'Advent'] },
      },
    });
    expect(answer.status).toBe(200);
    const text = readFileSync(campaignFile(), 'utf8');
    expect(answer.json).toEqual({
      ok: true,
      id: advent,
      file: `campaigns/${advent}.yaml`,
      version: createHash('sha256').update(text).digest('hex'),
    });
    expect(text).toContain('time: "09:30"');
    expect(text).toContain('hashtags: [Huddinge, Advent]');
    expect(text.startsWith('# Adventsfrågestund 2020: one party a day')).toBe(true);
    // Only those two lines changed.
    const changed = text.split('\n').filter((line, index) => line !== original.split('\n')[index]);
    expect(changed).toEqual(['time: "09:30"', 'hashtags: [Huddinge, Advent]']);
  });

  it('refuses a save without the token, or over a file changed on disk since, and writes nothing', async () => {
    const campaign = await campaignOf();
    const body = {
      baseVersion: campaign.version,
      fields: { ...fieldsOf(campaign), time: '10:00' },
    };
    const untokened = await send(fixture.server.url, `/api/plan/campaigns/${advent}`, { body });
    expect(untokened.status).toBe(403);
    const foreign = await send(fixture.server.url, `/api/plan/campaigns/${advent}`, {
      token,
      body,
      headers: { Origin: 'http://attacker.example' },
    });
    expect(foreign.status).toBe(403);
    expect(readFileSync(campaignFile(), 'utf8')).toBe(original);

    const byHand = original.replace('marker: 🎄', 'marker: ⭐');
    writeFileSync(campaignFile(), byHand);
    const stale = await send(fixture.server.url, `/api/plan/campaigns/${advent}`, { token, body });
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ ok: false, reason: 'conflict', current: byHand });
    expect((stale.json as { yours: string }).yours).toContain('time: "10:00"');
    expect(readFileSync(campaignFile(), 'utf8')).toBe(byHand);
  });

  it('schedules a post with a highlight checked against the answer, and undoes it', async () => {
    const plan = await fixture.getJson<PlanState>('/api/plan');
    const campaign = plan.campaigns.find((each) => each.id === advent)!;
    const interview = `${advent}/socialdemokraterna`;
    const answer = plan.interviews.find((each) => each.id === interview)!.qa[0]!.answer[0];
    expect(typeof answer).toBe('string');
    const passage = (answer as string).split(/(?<=\.) /)[0]!;

    const wrong = await send(fixture.server.url, `/api/plan/campaigns/${advent}/schedule`, {
      token,
      body: {
        baseVersion: campaign.version,
        interview,
        post: { date: '2020-12-15', qa: ['q1', 'q6'], highlight: `${passage} Och mer.` },
      },
    });
    expect(wrong.status).toBe(422);
    expect(JSON.stringify(wrong.json)).toContain('highlight');
    expect(readFileSync(campaignFile(), 'utf8')).toBe(original);

    const right = await send(fixture.server.url, `/api/plan/campaigns/${advent}/schedule`, {
      token,
      body: {
        baseVersion: campaign.version,
        interview,
        post: { date: '2020-12-15', qa: ['q6', 'q1'], highlight: passage },
      },
    });
    expect(right.status).toBe(200);
    const scheduled = (await campaignOf()).posts.find((post) => post.interview === interview)!;
    expect(scheduled).toMatchObject({ index: 0, qa: ['q6', 'q1'], highlight: passage });

    const undo = await send(fixture.server.url, '/api/undo', { token, body: {} });
    expect(undo.status).toBe(200);
    expect(readFileSync(campaignFile(), 'utf8')).toBe(original);
  });

  it('takes a post off the schedule, and refuses an interview of no campaign', async () => {
    const campaign = await campaignOf();
    const off = await send(fixture.server.url, `/api/plan/campaigns/${advent}/schedule`, {
      token,
      body: { baseVersion: campaign.version, interview: `${advent}/liberalerna`, post: null },
    });
    expect(off.status).toBe(200);
    expect((await campaignOf()).posts).toHaveLength(5);
    // The undo button names it in Swedish, by its party, as the schedule shows it.
    const history = await fixture.getJson<HistoryReply>('/api/history');
    expect(history.undo?.label).toBe('Liberalerna ur schemat');
    const unknown = await send(fixture.server.url, `/api/plan/campaigns/${advent}/schedule`, {
      token,
      body: {
        baseVersion: (await campaignOf()).version,
        interview: `${advent}/piratpartiet`,
        post: { date: '2020-12-23', qa: ['q1'] },
      },
    });
    expect(unknown.status).toBe(422);
    expect((await campaignOf()).posts).toHaveLength(5);
  });

  it('creates a campaign named by its title, once', async () => {
    const fields: CampaignFields = {
      title: 'Valfrågor 2026',
      subtitle: 'Politiker svarar',
      marker: '🗳️',
      theme: 'default',
      format: 'portrait',
      time: '08:00',
      hashtags: ['Huddinge'],
    };
    const created = await send(fixture.server.url, '/api/plan/campaigns', {
      token,
      body: { fields },
    });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({ ok: true, id: 'valfragor-2026' });
    expect(await campaignOf('valfragor-2026')).toMatchObject({ ...fields, posts: [] });
    const again = await send(fixture.server.url, '/api/plan/campaigns', {
      token,
      body: { fields },
    });
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ reason: 'exists', id: 'valfragor-2026' });
    const untitled = await send(fixture.server.url, '/api/plan/campaigns', {
      token,
      body: { fields: { ...fields, title: '!!' } },
    });
    expect(untitled.status).toBe(422);
    const twoLines = await send(fixture.server.url, '/api/plan/campaigns', {
      token,
      body: { fields: { ...fields, title: 'Valfrågor\nid: annan' } },
    });
    expect(twoLines.status).toBe(400);
    expect(twoLines.json).toMatchObject({ reason: 'bad-request' });
    expect(JSON.stringify(twoLines.json)).toContain('fields.title: must be one line of text');
    rmSync(join(fixture.dataDir, 'campaigns', 'valfragor-2026.yaml'));
  });
});

describe('builds from the page', () => {
  it('builds one post with progress, then the zip is there', async () => {
    const token = await tokenOf(fixture.server.url);
    const id = `${advent}/2020-12-16-centerpartiet`;
    const refused = await send(fixture.server.url, '/api/plan/builds', {
      body: { campaign: advent, post: id },
    });
    expect(refused.status).toBe(403);
    const started = await send(fixture.server.url, '/api/plan/builds', {
      token,
      body: { campaign: advent, post: id },
    });
    expect(started.status).toBe(202);
    const build = (started.json as BuildStarted).id;
    const events = await followBuild(build);
    expect(events.map((event) => event.type)).toEqual([
      'started',
      'planned',
      'post',
      'campaign',
      'done',
    ]);
    expect(events[2]).toMatchObject({
      type: 'post',
      folder: '2020-12-16-centerpartiet',
      status: 'rendered',
    });
    expect((await get(`/out/${id}.zip`)).status).toBe(200);

    const failed = await send(fixture.server.url, '/api/plan/builds', {
      token,
      body: { campaign: 'no-such-campaign' },
    });
    const failure = await followBuild((failed.json as BuildStarted).id);
    expect(failure.at(-1)).toMatchObject({ type: 'failed' });
  });
});

/** A build's events, read from its stream until it ends. */
async function followBuild(id: string): Promise<BuildProgress[]> {
  const response = await get(`/api/plan/builds/${id}`);
  const text = await response.text();
  return text
    .split('\n\n')
    .filter((chunk) => chunk.startsWith('event: build'))
    .map((chunk) => JSON.parse(chunk.split('\ndata: ')[1]!) as BuildProgress);
}

describe('publish status', () => {
  const pride = 'digital-pride-2020';
  const ledger = (): string => join(fixture.dataDir, 'publish', `${pride}.json`);
  const entry = (folder: string, extra: object): object => ({
    id: `${pride}/${folder}`,
    publishAt: '2020-07-30T08:00:00+02:00',
    account: '17841400000000000',
    attempts: 1,
    content: 'c'.repeat(64),
    children: [],
    errors: [],
    ...extra,
  });
  const statuses = async (): Promise<OutputState> =>
    fixture.getJson<OutputState>('/api/plan/output');

  it('says which post is published (with its permalink), which failed, which is due', async () => {
    mkdirSync(join(fixture.dataDir, 'publish'), { recursive: true });
    writeFileSync(
      ledger(),
      JSON.stringify({
        campaign: pride,
        posts: {
          '2020-07-30-drevvikenpartiet': entry('2020-07-30-drevvikenpartiet', {
            state: 'published',
            mediaId: '1790000000',
            permalink: 'https://www.instagram.com/p/ABC123/',
            publishedAt: '2020-07-30T08:00:05+02:00',
          }),
          '2020-07-31-centerpartiet': entry('2020-07-31-centerpartiet', {
            state: 'failed',
            failure: {
              at: '2020-07-31T08:00:09+02:00',
              step: 'carousel',
              message: 'The image could not be fetched',
              hint: 'build the post again',
              isFinal: true,
            },
          }),
        },
      }),
    );
    try {
      const posts = (await statuses()).campaigns.find((each) => each.id === pride)!.posts;
      const byFolder = new Map(posts.map((post) => [post.folder, post.status]));
      expect(byFolder.get('2020-07-30-drevvikenpartiet')).toEqual({
        state: 'published',
        mediaId: '1790000000',
        permalink: 'https://www.instagram.com/p/ABC123/',
        publishedAt: '2020-07-30T08:00:05+02:00',
      });
      expect(byFolder.get('2020-07-31-centerpartiet')).toMatchObject({
        state: 'failed',
        error: 'carousel: The image could not be fetched',
        hint: 'build the post again',
        isFinal: true,
      });
      expect(byFolder.get('2020-07-31-liberalerna')).toMatchObject({ state: 'missed' });

      // A ledger that does not read: no status is guessed, and the page is told why.
      writeFileSync(ledger(), '{ not json');
      const broken = await statuses();
      expect(broken.statusProblem?.title).toBeTruthy();
      expect(JSON.stringify(broken.statusProblem)).toContain(`${pride}.json`);
      const brokenPosts = broken.campaigns.flatMap((campaign) => campaign.posts);
      expect(brokenPosts.every((post) => post.status === undefined)).toBe(true);
    } finally {
      rmSync(join(fixture.dataDir, 'publish'), { recursive: true, force: true });
    }
  });
});

describe('the organisation (brand.yaml), from the page', () => {
  let own: PreviewFixture;
  beforeAll(async () => {
    own = await startFixture('plan-brand');
  });
  afterAll(async () => {
    await own?.close();
  });
  const fields: BrandFields = {
    organisation: 'Föreningen Trygg',
    handle: '@foreningen.trygg',
    website: 'trygg.example.se',
    interviewsUrl: 'trygg.example.se/intervjuer',
    email: 'info@trygg.example.se',
    contactLine: 'Vill ni synas här? Hör av er till info@trygg.example.se',
  };
  const brandPath = (): string => join(own.dataDir, 'brand.yaml');

  it('creates a brand.yaml for a data folder without one, with the bundled themes, so the data loads', async () => {
    rmSync(brandPath());
    await waitFor('the missing brand.yaml to be seen', async () =>
      (await own.state()).problems.length > 0 ? true : undefined,
    );
    const none = await own.getJson<BrandState>('/api/plan/brand');
    expect(none).toEqual({ file: 'brand.yaml', version: null, fields: null });

    const token = await tokenOf(own.server.url);
    const created = await send(own.server.url, '/api/plan/brand', {
      token,
      body: { baseVersion: null, fields },
    });
    expect(created.status).toBe(200);
    const dataset = await loadData(own.dataDir);
    expect(dataset.brand).toMatchObject(fields);
    expect(Object.keys(dataset.brand.themes)).toEqual(['default', 'advent', 'pride']);
    const read = await own.getJson<BrandState>('/api/plan/brand');
    expect(read.fields).toEqual(fields);
    expect(read.version).toBe(
      createHash('sha256').update(readFileSync(brandPath(), 'utf8')).digest('hex'),
    );
  });

  it('sets the fields of an existing brand.yaml, comments and themes kept, and refuses what would not load', async () => {
    const token = await tokenOf(own.server.url);
    writeFileSync(
      brandPath(),
      readFileSync(join(root, 'data', 'brand.yaml'), 'utf8').replace(
        'organisation: Kraftbyrån',
        '# Our name, as we write it.\norganisation: Kraftbyrån',
      ),
    );
    const before = await own.getJson<BrandState>('/api/plan/brand');
    expect(before.fields?.organisation).toBe('Kraftbyrån');
    const wrong = await send(own.server.url, '/api/plan/brand', {
      token,
      body: { baseVersion: before.version, fields: { ...before.fields!, email: 'inte en adress' } },
    });
    expect(wrong.status).toBe(422);
    expect(JSON.stringify(wrong.json)).toContain('email');
    const saved = await send(own.server.url, '/api/plan/brand', {
      token,
      body: {
        baseVersion: before.version,
        fields: { ...before.fields!, handle: '@kraftbyran_sthlm' },
      },
    });
    expect(saved.status).toBe(200);
    const text = readFileSync(brandPath(), 'utf8');
    expect(text).toContain('# Our name, as we write it.\norganisation: Kraftbyrån\n');
    expect(text).toContain('# Deep pine, cranberry and warm gold');
    expect((await loadData(own.dataDir)).brand.handle).toBe('@kraftbyran_sthlm');
    // Saved over a version that is no longer the file's: refused, nothing overwritten.
    const stale = await send(own.server.url, '/api/plan/brand', {
      token,
      body: { baseVersion: before.version, fields },
    });
    expect(stale.status).toBe(409);
    expect(readFileSync(brandPath(), 'utf8')).toBe(text);
  });
});

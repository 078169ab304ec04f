import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importPage, type ImportResult } from '../../src/data/import-page.js';
import { readYamlFile } from '../../src/data/read-yaml-file.js';
import { themeForMarker, writeImport } from '../../src/data/write-import.js';
import { campaignSchema, interviewSchema, type Interview } from '../../src/data/schema.js';

function importFixture(name: string): ImportResult {
  const text = readFileSync(new URL(`../fixtures/pages/${name}`, import.meta.url), 'utf8');
  return importPage(text, { source: name });
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

describe('writeImport', () => {
  let dataDir: string;
  const result = importFixture('valfragor-2022.txt');

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'excerpt-import-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('writes one file per interview and per campaign, and nothing else', async () => {
    const { written } = await writeImport(result, { dataDir });
    const expected = [
      join(dataDir, 'interviews', 'valfragor-2022', 'miljopartiet.yaml'),
      join(dataDir, 'interviews', 'valfragor-2022', 'kristdemokraterna.yaml'),
      join(dataDir, 'interviews', 'valfragor-2022', 'botkyrka-framat.yaml'),
      join(dataDir, 'campaigns', 'valfragor-2022.yaml'),
    ];
    expect(written).toEqual(expected);
    expect(await listFiles(dataDir)).toEqual([...expected].sort());
  });

  it('writes interviews that round-trip through the schema', async () => {
    await writeImport(result, { dataDir });
    for (const interview of result.interviews) {
      const text = await readFile(join(dataDir, 'interviews', `${interview.id}.yaml`), 'utf8');
      expect(interviewSchema.parse(parse(text))).toEqual(interview);
    }
  });

  it('quotes a list item and a paragraph that end in a colon, and folds no line', async () => {
    await writeImport(result, { dataDir });
    const text = await readFile(
      join(dataDir, 'interviews', 'valfragor-2022', 'miljopartiet.yaml'),
      'utf8',
    );
    expect(text).toContain('      - "Det här vill vi se:"\n');
    expect(text).toContain('          - "Trygga vägar hem:"\n');
    expect(text).toContain('interviewee: { name: Amanda Lind, role: gruppledare }\n');
    expect(text).toContain(
      '\n      - Miljöpartiet vill att alla barn ska få lära sig om samtycke. Det börjar redan i förskolan.\n',
    );
    expect(text.startsWith('# ')).toBe(true);
  });

  it('writes a campaign with a post per interview on its date', async () => {
    await writeImport(result, { dataDir });
    const text = await readFile(join(dataDir, 'campaigns', 'valfragor-2022.yaml'), 'utf8');
    const campaign = campaignSchema.parse(parse(text));
    expect(campaign).toEqual({
      id: 'valfragor-2022',
      title: 'Valfrågor 2022',
      marker: '❤️',
      theme: 'default',
      format: 'square',
      time: '08:00',
      hashtags: [],
      posts: [
        { date: '2022-09-05', interview: 'valfragor-2022/miljopartiet', qa: ['q1'] },
        { date: '2022-09-06', interview: 'valfragor-2022/kristdemokraterna', qa: ['q1'] },
        { date: '2022-09-07', interview: 'valfragor-2022/botkyrka-framat', qa: ['q1'] },
      ],
    });
    expect(Object.keys(parse(text) as object)).toEqual([
      'id',
      'title',
      'marker',
      'theme',
      'hashtags',
      'posts',
    ]);
  });

  it('orders posts by date and picks the theme from the marker', async () => {
    const real = importFixture('politisk-paverkan-i-kommunen.txt');
    await writeImport(real, { dataDir });
    const advent = campaignSchema.parse(
      parse(await readFile(join(dataDir, 'campaigns', 'adventsfragestund-2020.yaml'), 'utf8')),
    );
    expect(advent.theme).toBe('advent');
    expect(advent.posts.map((post) => post.date)).toEqual([
      '2020-12-15',
      '2020-12-16',
      '2020-12-19',
      '2020-12-20',
      '2020-12-21',
      '2020-12-22',
    ]);
    const pride = campaignSchema.parse(
      parse(await readFile(join(dataDir, 'campaigns', 'digital-pride-2020.yaml'), 'utf8')),
    );
    expect(pride.theme).toBe('pride');
    expect(pride.posts.map((post) => post.interview)).toEqual([
      'digital-pride-2020/drevvikenpartiet',
      'digital-pride-2020/centerpartiet',
      'digital-pride-2020/liberalerna',
      'digital-pride-2020/socialdemokraterna',
    ]);
  });

  it.each([
    ['🎄', 'advent'],
    ['🌈', 'pride'],
    ['❤️', 'default'],
  ])('themeForMarker(%s) is %s', (marker, theme) => {
    expect(themeForMarker(marker)).toBe(theme);
  });

  it('merges a page imported again: a corrected typo is kept, and the difference said', async () => {
    // The page says "samtyke"; the data was corrected to "samtycke" since the first import.
    const typoPage = readFileSync(
      new URL('../fixtures/pages/valfragor-2022.txt', import.meta.url),
      'utf8',
    ).replace('om samtycke.', 'om samtyke.');
    const withTypo = importPage(typoPage, { source: 'page.txt' });
    await writeImport(withTypo, { dataDir });
    const file = join(dataDir, 'interviews', 'valfragor-2022', 'miljopartiet.yaml');
    const corrected = (await readFile(file, 'utf8')).replace('om samtyke.', 'om samtycke.');
    await writeFile(file, `# Rättat för hand.\n${corrected}`, 'utf8');
    const before = await listFiles(dataDir);
    const texts = await Promise.all(before.map((path) => readFile(path, 'utf8')));

    const report = await writeImport(withTypo, { dataDir });
    expect(report.written).toEqual([]);
    expect(await Promise.all(before.map((path) => readFile(path, 'utf8')))).toEqual(texts);
    expect(report.unchanged).toEqual([
      'valfragor-2022/kristdemokraterna',
      'valfragor-2022/botkyrka-framat',
    ]);
    expect(report.differing).toEqual([
      {
        id: 'valfragor-2022/miljopartiet',
        path: file,
        differences: [
          {
            path: ['qa', 0, 'answer', 0],
            data: '…sig om samtycke. Det börjar…',
            page: '…sig om samtyke. Det börjar…',
            qa: 'q1',
          },
        ],
      },
    ]);
  });

  it('adds a new interview to a campaign the data holds: its post joins the schedule, nothing else changes', async () => {
    const removed = join(dataDir, 'interviews', 'valfragor-2022', 'kristdemokraterna.yaml');
    await writeImport(result, { dataDir });
    await rm(removed);
    const campaignFile = join(dataDir, 'campaigns', 'valfragor-2022.yaml');
    // The schedule as the communicator made it: hashtags, a comment, another Q&A choice, the
    // Kristdemokraterna post taken out.
    const planned = (await readFile(campaignFile, 'utf8'))
      .replace('hashtags: []', 'hashtags: [Botkyrka, Val2022] # våra taggar')
      .replace(
        '  - date: 2022-09-06\n    interview: valfragor-2022/kristdemokraterna\n    qa: [ q1 ]\n',
        '',
      )
      .replace(
        'interview: valfragor-2022/miljopartiet\n    qa: [ q1 ]',
        'interview: valfragor-2022/miljopartiet\n    qa: [ q1, q3 ]',
      );
    expect(planned).toContain('[ q1, q3 ]');
    expect(planned).not.toContain('kristdemokraterna');
    await writeFile(campaignFile, planned, 'utf8');

    const report = await writeImport(result, { dataDir });
    expect(report.added).toEqual(['valfragor-2022/kristdemokraterna']);
    expect(report.written).toEqual([removed, campaignFile]);
    expect(report.scheduled).toEqual([
      {
        campaign: 'valfragor-2022',
        interview: 'valfragor-2022/kristdemokraterna',
        date: '2022-09-06',
      },
    ]);
    const campaign = await readFile(campaignFile, 'utf8');
    // Only the new post's three lines are new, in date order: the rest is as it was.
    expect(campaign).toBe(
      planned.replace(
        '  - date: 2022-09-07',
        '  - date: 2022-09-06\n    interview: valfragor-2022/kristdemokraterna\n    qa: [ q1 ]\n  - date: 2022-09-07',
      ),
    );
    expect((await readYamlFile(campaignFile, campaignSchema)).value?.posts).toHaveLength(3);
  });
});

/**
 * Text a communicator writes that YAML reads otherwise when unquoted (FACTS.md, "Traps"): a
 * comment, an alias, an anchor, a tag, a reserved first character, a key, a block marker.
 */
const trickyTexts = [
  'Vi redovisar öppet på #Huddinge kommuns webbplats.',
  '#Huddinge först',
  'Slutar med #',
  'Hur gör ni? #viktigt',
  '*Viktigt* att alla vet',
  '&Viktigt att alla vet',
  '!Viktigt! att alla vet',
  '%50 av alla',
  '@kraftbyran tycker',
  '`kod` här',
  '- inte en lista',
  '? en fråga',
  '| och > betyder',
  'Så här: vi vill',
  'Några exempel:',
  "'citat' sa hon",
  '"citat" sa hon',
  '”citat” sa hon',
  `Han sa "ja" och 'nej' #två`,
  'C:\\mapp #1',
  '{ mapp }',
  '[lista]',
  ', komma',
  'ett\u00a0hårt mellanslag',
  'Jul 🎄 och pride 🏳️‍🌈',
  'Rad ett\nrad två #tre',
  'Stycke ett\n\nStycke två',
  'tab\there',
  'true',
  '123',
  '2020-12-16',
  'null',
  '~',
];

function trickyInterview(party: string, name: string, role: string): Interview {
  return {
    id: 'valfragor-2022/knepiga',
    campaign: 'valfragor-2022',
    party,
    interviewee: { name, role },
    publishedOn: '2022-09-05',
    intro: trickyTexts.join(' '),
    qa: [
      { id: 'q1', question: 'Alla stycken?', answer: [...trickyTexts] },
      { id: 'q2', question: 'Alla punkter?', answer: [{ list: [...trickyTexts] }] },
      ...trickyTexts.map((text, index) => ({
        id: `q${String(index + 3)}`,
        question: text,
        answer: [text],
      })),
    ],
  };
}

describe('writeImport and text YAML would read otherwise', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'excerpt-import-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it.each([
    ['#Huddinge-partiet', 'Anna #1, "Annan"', '*Viktigt*: kommunalråd'],
    ['*Viktigt* Partiet', '&Anna { Berg }', 'ordförande #2'],
    ['Partiet: Ett', '!Anna [Berg]', '”roll”, ja'],
  ])(
    'writes party %s, every answer and question so the loader reads them back word for word',
    async (party, name, role) => {
      const interview = trickyInterview(party, name, role);
      const campaign = { id: 'valfragor-2022', title: `${party}: ${name} #val`, marker: '❤️' };
      await writeImport({ campaigns: [campaign], interviews: [interview] }, { dataDir });

      const interviewFile = join(dataDir, 'interviews', 'valfragor-2022', 'knepiga.yaml');
      const read = await readYamlFile(interviewFile, interviewSchema);
      expect(read.issues).toEqual([]);
      expect(read.value).toEqual(interview);

      const campaignFile = join(dataDir, 'campaigns', 'valfragor-2022.yaml');
      const readCampaign = await readYamlFile(campaignFile, campaignSchema);
      expect(readCampaign.issues).toEqual([]);
      expect(readCampaign.value?.title).toBe(campaign.title);
    },
  );

  it('keeps such text readable: quoted, one paragraph a line', async () => {
    const interview = trickyInterview('Partiet', 'Anna', 'kommunalråd');
    const campaign = { id: 'valfragor-2022', title: 'Val', marker: '❤️' };
    await writeImport({ campaigns: [campaign], interviews: [interview] }, { dataDir });
    const text = await readFile(
      join(dataDir, 'interviews', 'valfragor-2022', 'knepiga.yaml'),
      'utf8',
    );
    expect(text).toContain('\n      - "Vi redovisar öppet på #Huddinge kommuns webbplats."\n');
    expect(text).toContain('\n          - "*Viktigt* att alla vet"\n');
    expect(text).toContain('\n    question: "Hur gör ni? #viktigt"\n');
    expect(text).toContain('\n      - ”citat” sa hon\n');
  });

  it('writes an answer shared by two Q&As twice, not as an anchor and an alias', async () => {
    const answer = ['Samma svar.'];
    const interview = trickyInterview('Partiet', 'Anna', 'kommunalråd');
    interview.qa = [
      { id: 'q1', question: 'Ett?', answer },
      { id: 'q2', question: 'Två?', answer },
    ];
    const campaign = { id: 'valfragor-2022', title: 'Val', marker: '❤️' };
    await writeImport({ campaigns: [campaign], interviews: [interview] }, { dataDir });

    const file = join(dataDir, 'interviews', 'valfragor-2022', 'knepiga.yaml');
    const text = await readFile(file, 'utf8');
    expect(text).not.toMatch(/[&*]a\d/);
    const read = await readYamlFile(file, interviewSchema);
    expect(read.issues).toEqual([]);
    expect(read.value?.qa.map((qa) => qa.answer)).toEqual([answer, answer]);
  });
});

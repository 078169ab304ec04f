import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importPage, type ImportResult } from '../../src/data/import-page.js';
import { themeForMarker, writeImport } from '../../src/data/write-import.js';
import { campaignSchema, interviewSchema } from '../../src/data/schema.js';
import { InputError } from '../../src/errors.js';

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
    const written = await writeImport(result, { dataDir });
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

  it('refuses to overwrite without force, naming every file, and writes nothing', async () => {
    await writeImport(result, { dataDir });
    const edited = join(dataDir, 'interviews', 'valfragor-2022', 'miljopartiet.yaml');
    const removed = join(dataDir, 'interviews', 'valfragor-2022', 'botkyrka-framat.yaml');
    await writeFile(edited, '# edited by hand\n', 'utf8');
    await rm(removed);

    const attempt = writeImport(result, { dataDir });
    await expect(attempt).rejects.toBeInstanceOf(InputError);
    await expect(attempt).rejects.toThrow(
      [
        'The import would overwrite 3 files that exist:',
        `  ${edited}`,
        `  ${join(dataDir, 'interviews', 'valfragor-2022', 'kristdemokraterna.yaml')}`,
        `  ${join(dataDir, 'campaigns', 'valfragor-2022.yaml')}`,
      ].join('\n'),
    );
    await expect(attempt).rejects.toMatchObject({ hint: 'use --force to overwrite' });

    expect(await readFile(edited, 'utf8')).toBe('# edited by hand\n');
    expect((await listFiles(dataDir)).includes(removed)).toBe(false);
  });

  it('overwrites with force, leaving no temporary files', async () => {
    await writeImport(result, { dataDir });
    const edited = join(dataDir, 'interviews', 'valfragor-2022', 'miljopartiet.yaml');
    await writeFile(edited, '# edited by hand\n', 'utf8');

    const written = await writeImport(result, { dataDir, force: true });
    expect(written).toHaveLength(4);
    expect(await readFile(edited, 'utf8')).toContain('party: Miljöpartiet');
    expect((await listFiles(dataDir)).filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });
});

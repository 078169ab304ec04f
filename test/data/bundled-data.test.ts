import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importPage } from '../../src/data/import-page.js';
import {
  brandSchema,
  campaignSchema,
  interviewSchema,
  type Campaign,
  type Interview,
} from '../../src/data/schema.js';

const dataDir = fileURLToPath(new URL('../../data/', import.meta.url));

function readYaml(path: string): unknown {
  return parse(readFileSync(path, 'utf8'));
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.yaml'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

const interviews = yamlFiles(join(dataDir, 'interviews')).map((path) => ({
  path: relative(join(dataDir, 'interviews'), path),
  interview: interviewSchema.parse(readYaml(path)),
}));
const campaigns = yamlFiles(join(dataDir, 'campaigns')).map((path) => ({
  path: relative(join(dataDir, 'campaigns'), path),
  campaign: campaignSchema.parse(readYaml(path)),
}));

function findInterview(id: string): Interview {
  const found = interviews.find((entry) => entry.interview.id === id);
  if (found === undefined) throw new Error(`no interview ${id}`);
  return found.interview;
}

function findCampaign(id: string): Campaign {
  const found = campaigns.find((entry) => entry.campaign.id === id);
  if (found === undefined) throw new Error(`no campaign ${id}`);
  return found.campaign;
}

describe('the bundled data', () => {
  it('has a brand that parses', () => {
    expect(() => brandSchema.parse(readYaml(join(dataDir, 'brand.yaml')))).not.toThrow();
  });

  it('has ten interviews, each at the path its id names', () => {
    expect(interviews).toHaveLength(10);
    for (const { path, interview } of interviews) {
      expect(path).toBe(join(...`${interview.id}.yaml`.split('/')));
      expect(interview.id.startsWith(`${interview.campaign}/`)).toBe(true);
    }
  });

  it('has the two campaigns, with their themes and at most five hashtags', () => {
    expect(campaigns.map(({ path, campaign }) => [path, campaign.id, campaign.theme])).toEqual([
      ['adventsfragestund-2020.yaml', 'adventsfragestund-2020', 'advent'],
      ['digital-pride-2020.yaml', 'digital-pride-2020', 'pride'],
    ]);
    for (const { campaign } of campaigns) {
      expect(campaign.hashtags.length).toBeGreaterThan(0);
      expect(campaign.hashtags.length).toBeLessThanOrEqual(5);
      expect(campaign.time).toBe('08:00');
    }
  });

  it('schedules the ten posts of 2020, each on its interview’s date', () => {
    const posts = campaigns.flatMap(({ campaign }) =>
      campaign.posts.map((post) => [post.date, post.interview]),
    );
    expect(posts).toEqual([
      ['2020-12-15', 'adventsfragestund-2020/socialdemokraterna'],
      ['2020-12-16', 'adventsfragestund-2020/centerpartiet'],
      ['2020-12-19', 'adventsfragestund-2020/moderaterna'],
      ['2020-12-20', 'adventsfragestund-2020/drevvikenpartiet'],
      ['2020-12-21', 'adventsfragestund-2020/vansterpartiet'],
      ['2020-12-22', 'adventsfragestund-2020/liberalerna'],
      ['2020-07-30', 'digital-pride-2020/drevvikenpartiet'],
      ['2020-07-31', 'digital-pride-2020/centerpartiet'],
      ['2020-07-31', 'digital-pride-2020/liberalerna'],
      ['2020-07-31', 'digital-pride-2020/socialdemokraterna'],
    ]);
    for (const { campaign } of campaigns) {
      for (const post of campaign.posts) {
        const interview = findInterview(post.interview);
        expect(interview.campaign).toBe(campaign.id);
        expect(interview.publishedOn).toBe(post.date);
      }
    }
  });

  it('chooses 2–3 existing Q&As a post, at most ~320 words of answers', () => {
    for (const { campaign } of campaigns) {
      for (const post of campaign.posts) {
        const interview = findInterview(post.interview);
        expect(post.qa.length).toBeGreaterThanOrEqual(2);
        expect(post.qa.length).toBeLessThanOrEqual(3);
        const words = post.qa
          .map((id) => {
            const qa = interview.qa.find((candidate) => candidate.id === id);
            if (qa === undefined) throw new Error(`${post.interview} has no ${id}`);
            return qa.answer.flatMap((block) => (typeof block === 'string' ? [block] : block.list));
          })
          .flat()
          .join(' ')
          .split(/\s+/u).length;
        expect(words, `${post.interview} ${post.qa.join(',')}`).toBeLessThanOrEqual(320);
      }
    }
  });

  it('gives every party of a campaign the same questions', () => {
    for (const { campaign } of campaigns) {
      const asked = campaign.posts.map((post) => {
        const interview = findInterview(post.interview);
        return post.qa.map((id) =>
          interview.qa
            .find((qa) => qa.id === id)
            ?.question.replaceAll(interview.party, '…')
            // The page asks for proposals "hos Moderaterna" but "i Centerpartiet".
            .replace(/\s+(?:hos|i)\s+…/gu, ' …')
            .replace(/\s+/gu, ' '),
        );
      });
      for (const questions of asked) expect(questions).toEqual(asked[0]);
    }
    expect(findCampaign('adventsfragestund-2020').posts).toHaveLength(6);
  });

  it('is the importer’s reading of the source page, with only the typos corrected', () => {
    const page = readFileSync(
      new URL('../fixtures/pages/politisk-paverkan-i-kommunen.txt', import.meta.url),
      'utf8',
    );
    const corrections: [string, string, string, number][] = [
      ['adventsfragestund-2020/centerpartiet', 'Möertalet', 'Mörkertalet', 1],
      ['adventsfragestund-2020/drevvikenpartiet', 'kränknigar', 'kränkningar', 1],
      ['adventsfragestund-2020/drevvikenpartiet', 'statisik', 'statistik', 1],
      ['adventsfragestund-2020/liberalerna', 'uppelever', 'upplever', 2],
      ['adventsfragestund-2020/moderaterna', 'sekreterared', 'sekreterare', 2],
      ['adventsfragestund-2020/moderaterna', 'kontakförbud', 'kontaktförbud', 2],
      ['adventsfragestund-2020/moderaterna', 'på sexualbrott"', 'på sexualbrott."', 1],
      ['adventsfragestund-2020/socialdemokraterna', 'för at få', 'för att få', 1],
      [
        'adventsfragestund-2020/vansterpartiet',
        'jämställshetsintegrering',
        'jämställdhetsintegrering',
        1,
      ],
      ['adventsfragestund-2020/vansterpartiet', 'förtyck', 'förtryck', 1],
      ['digital-pride-2020/socialdemokraterna', 'homo- bi - och', 'homo- bi- och', 1],
    ];
    for (const imported of importPage(page).interviews) {
      let json = JSON.stringify(imported);
      for (const [id, before, after, count] of corrections) {
        if (id !== imported.id) continue;
        expect(json.split(before).length - 1, `${id}: ${before}`).toBe(count);
        json = json.replaceAll(before, after);
      }
      expect(findInterview(imported.id)).toEqual(JSON.parse(json));
    }
  });
});

import { describe, expect, it } from 'vitest';
import { checkReferences } from '../../src/data/check-references.js';
import type { ReferenceInput, Sourced } from '../../src/data/check-references.js';
import type { Brand, Campaign, Interview, Theme } from '../../src/data/schema.js';
import { expectSwedish, inEnglish } from '../helpers/issues.js';

/** What every issue checkReferences finds is. */
const reference = { code: 'reference', severity: 'error' } as const;

const surface = { background: '#FFFFFF', text: '#000000', muted: '#333333', accent: '#6E2160' };
const theme: Theme = { light: surface, dark: surface, decor: ['#6E2160'] };
const brand: Brand = {
  organisation: 'Kraftbyrån',
  handle: '@kraftbyran',
  website: 'kraftbyran.nu',
  interviewsUrl: 'kraftbyran.nu',
  email: 'info@kraftbyran.nu',
  contactLine: 'Hör av er!',
  themes: { default: theme, advent: theme, pride: theme },
};

function campaign(id: string, posts: Campaign['posts'] = [], overrides: Partial<Campaign> = {}) {
  const value: Campaign = {
    id,
    title: id,
    marker: '🎄',
    theme: 'advent',
    format: 'square',
    time: '08:00',
    hashtags: [],
    posts,
    ...overrides,
  };
  return { file: `data/campaigns/${overrides.id ?? id}.yaml`, value };
}

function interview(id: string, qaIds: string[] = ['q1', 'q2'], file?: string): Sourced<Interview> {
  const [campaignId = ''] = id.split('/');
  return {
    file: file ?? `data/interviews/${id}.yaml`,
    value: {
      id,
      campaign: campaignId,
      party: 'Partiet',
      interviewee: { name: 'Namn', role: 'kommunalråd' },
      publishedOn: '2020-12-16',
      qa: qaIds.map((qaId) => ({ id: qaId, question: 'Fråga?', answer: ['Svar.'] })),
    },
  };
}

const advent = 'adventsfragestund-2020';
const pride = 'digital-pride-2020';

/** The input with its advent campaign replaced. */
function withAdvent(input: ReferenceInput, replacement: Sourced<Campaign>): ReferenceInput {
  return { ...input, campaigns: [replacement, ...input.campaigns.slice(1)] };
}

function valid(): ReferenceInput {
  return {
    brand,
    campaigns: [
      campaign(advent, [{ date: '2020-12-16', interview: `${advent}/centerpartiet`, qa: ['q1'] }]),
      campaign(pride, [], { theme: 'pride' }),
    ],
    interviews: [interview(`${advent}/centerpartiet`), interview(`${pride}/liberalerna`)],
  };
}

describe('checkReferences', () => {
  it('finds nothing wrong in consistent data', () => {
    expect(checkReferences(valid())).toEqual([]);
  });

  it.each<[string, (input: ReferenceInput) => ReferenceInput, object[]]>([
    [
      'a theme brand.yaml does not define',
      (input) => withAdvent(input, campaign(advent, [], { theme: 'jul' })),
      [
        {
          ...reference,
          file: `data/campaigns/${advent}.yaml`,
          path: ['theme'],
          message: 'the theme jul is not defined in brand.yaml',
          hint: 'the themes are: default, advent, pride',
        },
      ],
    ],
    [
      'a post of another campaign',
      (input) =>
        withAdvent(
          input,
          campaign(advent, [{ date: '2020-07-31', interview: `${pride}/liberalerna`, qa: ['q1'] }]),
        ),
      [
        {
          ...reference,
          file: `data/campaigns/${advent}.yaml`,
          path: ['posts', 0, 'interview'],
          message: `${pride}/liberalerna belongs to the campaign ${pride}, not ${advent}`,
          hint: `move this post to data/campaigns/${pride}.yaml`,
        },
      ],
    ],
    [
      'an unknown interview, listing the campaign’s interviews when none is close',
      (input) =>
        withAdvent(
          input,
          campaign(advent, [
            { date: '2020-12-19', interview: `${advent}/moderaterna`, qa: ['q1'] },
          ]),
        ),
      [
        {
          ...reference,
          file: `data/campaigns/${advent}.yaml`,
          path: ['posts', 0, 'interview'],
          message: `no interview has the id ${advent}/moderaterna`,
          hint: `the interviews of ${advent} are: ${advent}/centerpartiet`,
        },
      ],
    ],
    [
      'a Q&A listed twice, and the same post twice',
      (input) =>
        withAdvent(
          input,
          campaign(advent, [
            { date: '2020-12-16', interview: `${advent}/centerpartiet`, qa: ['q1', 'q1'] },
            { date: '2020-12-16', interview: `${advent}/centerpartiet`, qa: ['q2'] },
          ]),
        ),
      [
        {
          ...reference,
          file: `data/campaigns/${advent}.yaml`,
          path: ['posts', 0, 'qa', 1],
          message: 'q1 is listed twice',
          hint: 'remove the second one',
        },
        {
          ...reference,
          file: `data/campaigns/${advent}.yaml`,
          path: ['posts', 1],
          message: `is the same post as posts[0] (${advent}/centerpartiet on 2020-12-16)`,
          hint: 'remove one of them',
        },
      ],
    ],
    [
      'an interview of a campaign that does not exist',
      (input) => ({
        ...input,
        interviews: [...input.interviews, interview('sommar-2021/liberalerna')],
      }),
      [
        {
          ...reference,
          file: 'data/interviews/sommar-2021/liberalerna.yaml',
          path: ['campaign'],
          message: 'no campaign has the id sommar-2021',
          hint: `add campaigns/sommar-2021.yaml; the campaigns are: ${advent}, ${pride}`,
        },
      ],
    ],
    [
      'an interview id that does not match its path, and the duplicate it makes',
      (input) => ({
        ...input,
        interviews: [
          ...input.interviews,
          interview(
            `${advent}/centerpartiet`,
            ['q1'],
            `data/interviews/${advent}/vansterpartiet.yaml`,
          ),
        ],
      }),
      [
        {
          ...reference,
          file: `data/interviews/${advent}/vansterpartiet.yaml`,
          path: ['id'],
          message: `is ${advent}/centerpartiet but the file is data/interviews/${advent}/vansterpartiet.yaml`,
          hint: `an interview's id is <campaign folder>/<file name>: set id: ${advent}/vansterpartiet, or move the file to interviews/${advent}/centerpartiet.yaml`,
        },
        {
          ...reference,
          file: `data/interviews/${advent}/vansterpartiet.yaml`,
          path: ['id'],
          message: `${advent}/centerpartiet is already the id of data/interviews/${advent}/centerpartiet.yaml`,
          hint: 'every interview needs its own id',
        },
      ],
    ],
    [
      'an interview whose campaign is not its folder',
      (input) => ({
        ...input,
        interviews: [
          {
            file: `data/interviews/${pride}/moderaterna.yaml`,
            value: { ...interview(`${pride}/moderaterna`).value, campaign: advent },
          },
        ],
      }),
      [
        // Centerpartiet is gone, so its post is reported too: campaigns come first.
        {
          ...reference,
          file: `data/campaigns/${advent}.yaml`,
          path: ['posts', 0, 'interview'],
          message: `no interview has the id ${advent}/centerpartiet`,
          hint: `there are no interviews of ${advent} yet: add them under interviews/${advent}/`,
        },
        {
          ...reference,
          file: `data/interviews/${pride}/moderaterna.yaml`,
          path: ['campaign'],
          message: `is ${advent} but the file is in the folder of ${pride}`,
          hint: `set campaign: ${pride}, or move the file to interviews/${advent}/`,
        },
      ],
    ],
    [
      'two campaigns with one id',
      (input) => ({
        ...input,
        campaigns: [...input.campaigns, { ...campaign(advent), file: 'data/campaigns/jul.yaml' }],
      }),
      [
        {
          ...reference,
          file: 'data/campaigns/jul.yaml',
          path: ['id'],
          message: `is ${advent} but the file is named jul.yaml`,
          hint: `a campaign's id and file name must match: set id: jul, or rename the file to ${advent}.yaml`,
        },
        {
          ...reference,
          file: 'data/campaigns/jul.yaml',
          path: ['id'],
          message: `${advent} is already the id of data/campaigns/${advent}.yaml`,
          hint: 'every campaign needs its own id',
        },
      ],
    ],
  ])('reports %s', (_name, change, expected) => {
    const issues = checkReferences(change(valid()));
    expect(inEnglish(issues)).toEqual(expected);
    expectSwedish(issues);
  });

  it('does not report references to files that did not parse', () => {
    const input = valid();
    expect(
      checkReferences({
        ...input,
        interviews: [],
        unreadable: { interviews: [`${advent}/centerpartiet`] },
      }),
    ).toEqual([]);
  });
});

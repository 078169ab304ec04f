import { describe, expect, it } from 'vitest';
import { assessFairness, questionFairnessIssues } from '../../src/check/fairness-check.js';
import type { ScheduledPost } from '../../src/check/scheduled-posts.js';
import type { Format } from '../../src/data/schema.js';
import type { Issue } from '../../src/issue.js';
import { expectSwedish } from '../helpers/issues.js';

/** A laid-out post as planScheduledPosts gives it, reduced to what fairness looks at. */
function post(
  index: number,
  party: string,
  date: string,
  format: Format,
  slides: number | undefined,
): ScheduledPost {
  return {
    campaign: { id: 'advent', title: 'Adventsfrågestund 2020' },
    file: 'data/campaigns/advent.yaml',
    index,
    spec: {
      format,
      themeName: 'advent',
      date,
      qaIds: ['q1', 'q2'],
      interview: {
        id: `advent/${party.toLowerCase()}`,
        party,
        qa: [
          { id: 'q1', question: `Hur arbetar ${party} mot våld?` },
          { id: 'q2', question: 'Vilka utmaningar ser du?' },
        ],
      },
    },
    layout: slides === undefined ? undefined : { slides, perQa: [], caption: '', altTexts: [] },
  } as unknown as ScheduledPost;
}

describe('assessFairness', () => {
  it('reports each party’s slides, in date order, and no error when all look alike', () => {
    const result = assessFairness([
      post(0, 'Vänsterpartiet', '2020-12-21', 'square', 4),
      post(1, 'Centerpartiet', '2020-12-16', 'square', 6),
      post(2, 'Moderaterna', '2020-12-16', 'square', undefined),
    ]);
    expect(result.issues).toEqual([]);
    expect(result.fairness).toEqual([
      {
        campaign: 'advent',
        title: 'Adventsfrågestund 2020',
        formats: ['square'],
        themes: ['advent'],
        posts: [
          {
            date: '2020-12-16',
            party: 'Centerpartiet',
            interview: 'advent/centerpartiet',
            qa: ['q1', 'q2'],
            slides: 6,
          },
          {
            date: '2020-12-16',
            party: 'Moderaterna',
            interview: 'advent/moderaterna',
            qa: ['q1', 'q2'],
            slides: null,
          },
          {
            date: '2020-12-21',
            party: 'Vänsterpartiet',
            interview: 'advent/vänsterpartiet',
            qa: ['q1', 'q2'],
            slides: 4,
          },
        ],
      },
    ]);
  });

  it('is an error when the posts of a campaign do not share one format', () => {
    const result = assessFairness([
      post(0, 'Centerpartiet', '2020-12-16', 'square', 6),
      post(1, 'Moderaterna', '2020-12-19', 'portrait', 5),
      post(2, 'Liberalerna', '2020-12-22', 'square', 5),
    ]);
    expect(result.issues).toEqual([
      {
        code: 'fairness',
        severity: 'error',
        message:
          'the posts of advent do not share one format (square: Centerpartiet, Liberalerna; portrait: Moderaterna)',
        file: 'data/campaigns/advent.yaml',
        path: ['format'],
        hint: "every party in a campaign gets the same look: give all its posts the campaign's format",
        sv: {
          message:
            'inläggen i kampanjen advent har inte samma format (kvadrat: Centerpartiet, Liberalerna; stående: Moderaterna)',
          hint: 'alla partier i en kampanj ska se likadana ut: ge alla kampanjens inlägg samma format',
        },
      },
    ]);
    expect(result.fairness?.[0]?.formats).toEqual(['square', 'portrait']);
  });

  it('is an error when the posts of a campaign do not share one theme, in Swedish too', () => {
    const result = assessFairness(differentThemes());
    expect(result.issues).toEqual([
      {
        code: 'fairness',
        severity: 'error',
        message:
          'the posts of advent do not share one theme (advent: Centerpartiet; pride: Moderaterna)',
        file: 'data/campaigns/advent.yaml',
        path: ['theme'],
        hint: "every party in a campaign gets the same look: give all its posts the campaign's theme",
        sv: {
          message:
            'inläggen i kampanjen advent har inte samma tema (advent: Centerpartiet; pride: Moderaterna)',
          hint: 'alla partier i en kampanj ska se likadana ut: ge alla kampanjens inlägg samma tema',
        },
      },
    ]);
  });
});

/** Two posts of one campaign, the second drawn in another theme. */
function differentThemes(): ScheduledPost[] {
  const other = post(1, 'Moderaterna', '2020-12-19', 'square', 5);
  return [
    post(0, 'Centerpartiet', '2020-12-16', 'square', 6),
    { ...other, spec: { ...other.spec, themeName: 'pride' } },
  ];
}

/**
 * A post of `party`, whose interview has `questions` (by id q1, q2…), as the fairness check sees
 * it: it asks them all, or those of `chosen`.
 */
function asking(
  index: number,
  party: string,
  questions: readonly string[],
  chosen?: readonly string[],
): ScheduledPost {
  const qa = questions.map((question, at) => ({ id: `q${at + 1}`, question, answer: ['Svar.'] }));
  return {
    campaign: { id: 'advent', title: 'Adventsfrågestund 2020' },
    file: 'data/campaigns/advent.yaml',
    index,
    spec: {
      format: 'square',
      themeName: 'advent',
      date: `2020-12-${15 + index}`,
      qaIds: chosen ?? qa.map((entry) => entry.id),
      interview: { id: `advent/${party.toLowerCase()}`, party, qa },
    },
    layout: { slides: 5, perQa: [], caption: '', altTexts: [] },
  } as unknown as ScheduledPost;
}

const first = (party: string): string =>
  `Hur arbetar ${party} för att motverka killars våld mot tjejer?`;
const second = (party: string, word = 'hos'): string =>
  `Finns det några konkreta förslag ${word} ${party} för att stärka den ideella jourrörelsen?`;
const other = 'Vilka utmaningar ser du i arbetet mot killars våld mot tjejer?';

/** Moderaterna's post chooses another question (q2) where the others are asked its q3. */
function askedAnother(): ScheduledPost[] {
  return [
    asking(0, 'Centerpartiet', [first('Centerpartiet'), second('Centerpartiet')]),
    asking(1, 'Moderaterna', [first('Moderaterna'), other, second('Moderaterna')], ['q1', 'q2']),
    asking(2, 'Liberalerna', [first('Liberalerna'), second('Liberalerna')]),
  ];
}

/** Moderaterna's post asks three questions where the others are asked one. */
function askedMore(): ScheduledPost[] {
  return [
    asking(0, 'Centerpartiet', [first('Centerpartiet')]),
    asking(1, 'Moderaterna', [first('Moderaterna'), second('Moderaterna'), other]),
    asking(2, 'Liberalerna', [first('Liberalerna')]),
  ];
}

describe('questionFairnessIssues', () => {
  it('is silent when every party is asked the same, with its own name and a word worded otherwise', () => {
    expect(
      questionFairnessIssues([
        asking(0, 'Centerpartiet', [first('Centerpartiet'), second('Centerpartiet', 'i')]),
        asking(1, 'Moderaterna', [first('Moderaterna'), second('Moderaterna')]),
        asking(2, 'Liberalerna', [first('Liberalerna'), second('Liberalerna')]),
      ]),
    ).toEqual([]);
  });

  it('names the post asked another question, and the id of the one the others are asked', () => {
    const issues = questionFairnessIssues([
      asking(0, 'Centerpartiet', [first('Centerpartiet'), second('Centerpartiet')]),
      asking(1, 'Moderaterna', [first('Moderaterna'), other, second('Moderaterna')].slice(0, 2)),
      asking(2, 'Liberalerna', [first('Liberalerna'), second('Liberalerna')]),
    ]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: 'fairness',
      severity: 'warning',
      path: ['posts', 1, 'qa'],
      file: 'data/campaigns/advent.yaml',
    });
    expect(issues[0]!.message).toBe(
      `the post of 2020-12-16 (Moderaterna) differs from the campaign's other posts: not asked what most parties are: “${second('Centerpartiet')}” (not in this interview); asked what most parties are not: q2 “${other}”`,
    );
    expect(issues[0]!.sv).toEqual({
      message: `inlägget den 16 december 2020 (Moderaterna) skiljer sig från kampanjens andra inlägg: får inte frågor som de flesta partier får: ”${second('Centerpartiet')}” (finns inte i den här intervjun); får frågor som de flesta partier inte får: q2 ”${other}”`,
      hint: 'så att inget parti ser gynnat ut: ge varje partis inlägg samma frågor (välj id:na för de frågor i intervjun som ställer dem)',
    });
  });

  it('names the id of the question the others are asked when the interview has it', () => {
    const [issue, ...rest] = questionFairnessIssues(askedAnother());
    expect(rest).toEqual([]);
    expect(issue!.message).toBe(
      `the post of 2020-12-16 (Moderaterna) differs from the campaign's other posts: not asked what most parties are: q3 “${second('Moderaterna')}”; asked what most parties are not: q2 “${other}”`,
    );
    expect(issue!.sv!.message).toBe(
      `inlägget den 16 december 2020 (Moderaterna) skiljer sig från kampanjens andra inlägg: får inte frågor som de flesta partier får: q3 ”${second('Moderaterna')}”; får frågor som de flesta partier inte får: q2 ”${other}”`,
    );
  });

  it('names a post asked fewer questions than the others', () => {
    const issues = questionFairnessIssues([
      asking(0, 'Centerpartiet', [first('Centerpartiet'), second('Centerpartiet')]),
      asking(1, 'Moderaterna', [first('Moderaterna')]),
      asking(2, 'Liberalerna', [first('Liberalerna'), second('Liberalerna')]),
    ]);
    expect(issues.map((issue) => issue.message)).toEqual([
      `the post of 2020-12-16 (Moderaterna) differs from the campaign's other posts: 1 question where most parties get 2; not asked what most parties are: “${second('Centerpartiet')}” (not in this interview)`,
    ]);
    expect(issues.map((issue) => issue.sv?.message)).toEqual([
      `inlägget den 16 december 2020 (Moderaterna) skiljer sig från kampanjens andra inlägg: 1 fråga där de flesta partier får 2; får inte frågor som de flesta partier får: ”${second('Centerpartiet')}” (finns inte i den här intervjun)`,
    ]);
  });

  it('names a post asked more questions than the others, in Swedish in the plural', () => {
    const issues = questionFairnessIssues(askedMore());
    expect(issues.map((issue) => [issue.message, issue.sv?.message])).toEqual([
      [
        `the post of 2020-12-16 (Moderaterna) differs from the campaign's other posts: 3 questions where most parties get 1; asked what most parties are not: q2 “${second('Moderaterna')}”, q3 “${other}”`,
        `inlägget den 16 december 2020 (Moderaterna) skiljer sig från kampanjens andra inlägg: 3 frågor där de flesta partier får 1; får frågor som de flesta partier inte får: q2 ”${second('Moderaterna')}”, q3 ”${other}”`,
      ],
    ]);
  });

  it('does not take a question differing in a word or two of a short question for the same', () => {
    const issues = questionFairnessIssues([
      asking(0, 'Centerpartiet', ['Vad gör ni?']),
      asking(1, 'Moderaterna', ['Vad vill ni?']),
      asking(2, 'Liberalerna', ['Vad gör ni?']),
    ]);
    expect(issues.map((issue) => issue.path)).toEqual([['posts', 1, 'qa']]);
  });
});

describe('fairness findings in Swedish', () => {
  it('says every finding the cases above provoke in Swedish too, for the studio', () => {
    const issues: Issue[] = [
      ...assessFairness([
        post(0, 'Centerpartiet', '2020-12-16', 'square', 6),
        post(1, 'Moderaterna', '2020-12-19', 'portrait', 5),
      ]).issues,
      ...assessFairness(differentThemes()).issues,
      ...questionFairnessIssues(askedAnother()),
      ...questionFairnessIssues(askedMore()),
      ...questionFairnessIssues([
        asking(0, 'Centerpartiet', ['Vad gör ni?']),
        asking(1, 'Moderaterna', ['Vad vill ni?']),
        asking(2, 'Liberalerna', ['Vad gör ni?']),
      ]),
    ];
    expect(issues.map((issue) => issue.severity)).toEqual([
      'error',
      'error',
      'warning',
      'warning',
      'warning',
    ]);
    expectSwedish(issues);
  });
});

describe('coverFairnessIssues: every cover quotes its party, or none does', () => {
  const withHighlight = (scheduled: ScheduledPost, highlight: string): ScheduledPost => ({
    ...scheduled,
    spec: { ...scheduled.spec, highlight },
  });

  it('names the one post whose cover quotes its answer, where the others ask the question', () => {
    const result = assessFairness([
      withHighlight(
        post(0, 'Centerpartiet', '2020-12-16', 'square', 5),
        'Vi vill ha en nollvision.',
      ),
      post(1, 'Liberalerna', '2020-12-17', 'square', 5),
      post(2, 'Moderaterna', '2020-12-19', 'square', 5),
    ]);
    expect(result.issues).toHaveLength(1);
    const [issue] = result.issues;
    expect(issue).toMatchObject({
      code: 'fairness',
      severity: 'warning',
      path: ['posts', 0, 'highlight'],
      message:
        "the post of 2020-12-16 (Centerpartiet) quotes its answer on the cover, where the campaign's other covers ask the question (Liberalerna, Moderaterna)",
    });
    expectSwedish(result.issues);
    expect(issue!.sv?.message).toBe(
      'inlägget den 16 december 2020 (Centerpartiet) citerar sitt svar på omslaget, där kampanjens andra omslag ställer frågan (Liberalerna, Moderaterna)',
    );
  });

  it('names the post without a quote when most covers quote, and nothing when all or none do', () => {
    const quoted = [
      withHighlight(post(0, 'Centerpartiet', '2020-12-16', 'square', 5), 'A.'),
      withHighlight(post(1, 'Liberalerna', '2020-12-17', 'square', 5), 'B.'),
      post(2, 'Moderaterna', '2020-12-19', 'square', 5),
    ];
    expect(assessFairness(quoted).issues).toMatchObject([
      {
        path: ['posts', 2],
        message: expect.stringMatching(/^the post of 2020-12-19 \(Moderaterna\) asks the question/),
      },
    ]);
    expect(assessFairness(quoted.slice(0, 2)).issues).toEqual([]);
    expect(assessFairness([quoted[2]!]).issues).toEqual([]);
  });
});

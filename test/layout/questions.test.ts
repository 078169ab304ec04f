import { describe, expect, it } from 'vitest';
import { questionFairnessIssues } from '../../src/check/fairness-check.js';
import type { ScheduledPost } from '../../src/check/scheduled-posts.js';
import type { Dataset } from '../../src/data/load.js';
import { isSameQuestion, questionWords, setPartyAside } from '../../src/layout/questions.js';
import { assessQuestions } from '../../src/preview/plan/fairness.js';

const same = (a: string, partyA: string, b: string, partyB: string): boolean =>
  isSameQuestion(questionWords(a, partyA), questionWords(b, partyB));

describe('when two parties were asked the same question', () => {
  it('sets the party’s own name aside, and its genitive', () => {
    expect(setPartyAside('Hur arbetar Centerpartiet? Centerpartiets svar?', 'Centerpartiet')).toBe(
      'Hur arbetar ‹parti›? ‹parti› svar?',
    );
    // Only the name as a word of its own: not inside another word.
    expect(setPartyAside('Vad gör Vänsterpartiet och Ickevänsterpartiet?', 'Vänsterpartiet')).toBe(
      'Vad gör ‹parti› och Ickevänsterpartiet?',
    );
    expect(
      same(
        'Hur arbetar Centerpartiet för att motverka killars våld mot tjejer?',
        'Centerpartiet',
        'Hur arbetar Moderaterna för att motverka killars våld mot tjejer?',
        'Moderaterna',
      ),
    ).toBe(true);
    expect(
      same(
        'Vilka är Liberalernas viktigaste förslag i kommunen?',
        'Liberalerna',
        'Vilka är Vänsterpartiets viktigaste förslag i kommunen?',
        'Vänsterpartiet',
      ),
    ).toBe(true);
  });

  it('allows one word worded otherwise in a question of six words or more, not two', () => {
    const asked = 'Vilka förslag har ‹parti› lagt i kommunen i år?';
    expect(same(asked, 'X', 'Vilka förslag har ‹parti› lagt hos kommunen i år?', 'X')).toBe(true);
    expect(same(asked, 'X', 'Vilka förslag har ‹parti› lagt i kommunen?', 'X')).toBe(false);
    expect(same(asked, 'X', 'Vilka motioner har ‹parti› lagt hos kommunen i år?', 'X')).toBe(false);
    expect(same('Vad gör ni?', 'X', 'Vad vill ni?', 'X')).toBe(false);
    expect(same('Vad gör ni?', 'X', 'vad gör ni', 'X')).toBe(true);
  });
});

/** A post asking `questions`, as planScheduledPosts gives it, reduced to what fairness reads. */
function post(index: number, party: string, questions: string[]): ScheduledPost {
  return {
    campaign: { id: 'advent', title: 'Advent' },
    file: 'data/campaigns/advent.yaml',
    index,
    spec: {
      format: 'square',
      themeName: 'advent',
      date: `2020-12-${String(index + 10)}`,
      qaIds: questions.map((_, at) => `q${at + 1}`),
      interview: {
        id: `advent/${party.toLowerCase()}`,
        party,
        qa: questions.map((question, at) => ({ id: `q${at + 1}`, question })),
      },
    },
    layout: { slides: 4, perQa: [], caption: '', altTexts: [] },
  } as unknown as ScheduledPost;
}

describe('check and the studio’s fairness view', () => {
  // Three parties; Moderaterna's second question differs by two words: another question.
  const posts = [
    post(0, 'Centerpartiet', [
      'Hur arbetar Centerpartiet mot våld i nära relationer?',
      'Vilka förslag har ni lagt i kommunen i år?',
    ]),
    post(1, 'Liberalerna', [
      'Hur arbetar Liberalerna mot våld i nära relationer?',
      'Vilka förslag har du lagt i kommunen i år?',
    ]),
    post(2, 'Moderaterna', [
      'Hur arbetar Moderaterna mot våld i nära relationer?',
      'Vilka motioner har ni lagt i regionen i år?',
    ]),
  ];
  const dataset = {
    campaigns: [{ id: 'advent', title: 'Advent', marker: '🎄', posts: [] }],
    interviews: [],
  } as unknown as Dataset;

  it('agree on which party was asked otherwise', () => {
    const warned = questionFairnessIssues(posts).map((issue) => issue.path);
    expect(warned).toEqual([['posts', 2, 'qa']]);

    const [campaign] = assessQuestions(dataset, posts);
    // One row each for the shared questions, and one for Moderaterna's own.
    expect(
      campaign!.questions.map((question) => question.cells.map((cell) => cell?.qa ?? null)),
    ).toEqual([
      ['q1', 'q1', 'q1'],
      ['q2', 'q2', null],
      [null, null, 'q2'],
    ]);
    const flagged = campaign!.flags.flatMap((flag) =>
      flag.kind === 'missing' || flag.kind === 'other' ? [flag.party] : [],
    );
    expect([...new Set(flagged)]).toEqual(['Moderaterna']);
    // Liberalerna's "du" for "ni" is the same question, shown as reworded.
    expect(campaign!.questions[1]!.cells[1]).toMatchObject({ isReworded: true });
  });
});

describe('the studio’s fairness view, a post that cannot be laid out', () => {
  it('passes on why, in English and in Swedish', () => {
    const stuck = {
      ...post(0, 'Centerpartiet', ['Hur arbetar Centerpartiet mot våld i nära relationer?']),
      layout: undefined,
      problem: {
        message: 'the chosen Q&As need 11 slides',
        hint: 'choose fewer or shorter Q&As',
        sv: { message: 'de valda frågorna behöver 11 bilder', hint: 'välj färre frågor' },
      },
    } as ScheduledPost;
    const dataset = {
      campaigns: [{ id: 'advent', title: 'Advent', marker: '🎄', posts: [] }],
      interviews: [],
    } as unknown as Dataset;
    const [campaign] = assessQuestions(dataset, [stuck]);
    expect(campaign!.parties[0]).toMatchObject({
      slides: null,
      problem: {
        message: 'the chosen Q&As need 11 slides',
        sv: { message: 'de valda frågorna behöver 11 bilder' },
      },
    });
  });
});

describe('the studio’s fairness view, a party with more questions than the rest', () => {
  it('flags the questions the others were not asked, and no other party as having fewer', () => {
    const shared = 'Hur arbetar ni mot våld i nära relationer?';
    const posts = [
      post(0, 'Centerpartiet', [shared, 'Vad gör ni i skolan?', 'Vad gör ni för jourerna?']),
      post(1, 'Liberalerna', [shared]),
      post(2, 'Moderaterna', [shared]),
    ];
    const dataset = {
      campaigns: [{ id: 'advent', title: 'Advent', marker: '🎄', posts: [] }],
      interviews: [],
    } as unknown as Dataset;
    const [campaign] = assessQuestions(dataset, posts);
    expect(campaign!.flags.filter((flag) => flag.kind === 'fewer')).toEqual([]);
    expect(campaign!.flags.flatMap((flag) => (flag.kind === 'other' ? [flag.party] : []))).toEqual([
      'Centerpartiet',
      'Centerpartiet',
    ]);
  });

  it('flags a party with fewer questions than most parties have', () => {
    const posts = [
      post(0, 'Centerpartiet', ['Vad gör ni?', 'Vad vill ni?']),
      post(1, 'Liberalerna', ['Vad gör ni?', 'Vad vill ni?']),
      post(2, 'Moderaterna', ['Vad gör ni?']),
    ];
    const dataset = {
      campaigns: [{ id: 'advent', title: 'Advent', marker: '🎄', posts: [] }],
      interviews: [],
    } as unknown as Dataset;
    const [campaign] = assessQuestions(dataset, posts);
    expect(campaign!.flags.filter((flag) => flag.kind === 'fewer')).toEqual([
      { kind: 'fewer', party: 'Moderaterna', count: 1, most: 2 },
    ]);
  });
});

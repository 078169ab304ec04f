import { afterAll, describe, expect, it } from 'vitest';
import type { CampaignFairness } from '../../src/check/check.js';
import type { Finding } from '../../src/cli/commands/check.js';
import { removeWorkspaces, runExcerpt, stackLine } from '../helpers/cli.js';
import { checkWorkspace } from './workspace.js';

afterAll(removeWorkspaces);

interface CheckJson {
  errors: Finding[];
  warnings: Finding[];
  fairness?: CampaignFairness[];
}

/** `excerpt check --json` on the base fixture with `overlay` over it, as a user runs it. */
async function check(overlay?: string): Promise<{ code: number; json: CheckJson; stderr: string }> {
  const result = await runExcerpt(['check', '--json'], checkWorkspace(overlay));
  return { code: result.code, json: JSON.parse(result.stdout) as CheckJson, stderr: result.stderr };
}

const pride = 'data/campaigns/digital-pride-2020.yaml';

describe('excerpt check on data made to break each check', () => {
  it('passes the base fixture, the bundled Digital Pride 2020, with exit code 0', async () => {
    const { code, json, stderr } = await check();
    expect({ code, stderr, errors: json.errors, warnings: json.warnings }).toEqual({
      code: 0,
      stderr: '',
      errors: [],
      warnings: [],
    });
    expect(json.fairness?.map((campaign) => campaign.campaign)).toEqual(['digital-pride-2020']);
  });

  const cases: [overlay: string, finding: Finding][] = [
    [
      'low-contrast',
      {
        code: 'contrast',
        message: '#A9A3B8 on #F7F5F2 has a contrast of 2.23:1; muted text needs at least 4.5:1',
        file: 'data/brand.yaml',
        where: 'themes.pride.light.muted',
        hint: 'darken the muted colour, or lighten the background',
        line: 23,
        column: 54,
      },
    ],
    [
      'long-caption',
      {
        code: 'limit',
        message:
          'the post of 2020-07-31: the caption has 2336 characters; Instagram takes at most 2200',
        file: pride,
        where: 'posts[2].qa',
        hint: 'the caption lists the chosen questions: choose fewer or shorter ones (136 characters too many)',
        line: 20,
        column: 5,
      },
    ],
    [
      'too-many-hashtags',
      {
        code: 'limit',
        message: 'the campaign has 6 hashtags; Instagram takes at most 5 a post',
        file: pride,
        where: 'hashtags',
        hint: 'keep the 5 that matter most',
        line: 9,
        column: 1,
      },
    ],
    [
      'hashtag-in-question',
      {
        code: 'limit',
        message:
          'the post of 2020-07-31: the caption has 6 hashtags; Instagram takes at most 5 a post',
        file: pride,
        where: 'posts[2].qa',
        hint: 'a chosen question holds a #hashtag: choose another, or fewer campaign hashtags',
        line: 20,
        column: 5,
      },
    ],
    [
      'eleven-slides',
      {
        code: 'fit',
        message:
          'the post of 2020-07-31 (square): digital-pride-2020/socialdemokraterna: the chosen Q&As need 13 slides with cover and closing; a carousel holds at most 10 (q1 needs 2, q2 needs 3, q3 needs 2, q4 needs 1, q5 needs 3)',
        file: pride,
        where: 'posts[3]',
        hint: 'choose fewer or shorter Q&As, or use the portrait format, which holds more text a slide',
        line: 21,
        column: 5,
      },
    ],
  ];

  // The schedule's rules, one case after another: six checks at once (each loading the
  // spelling dictionary) come near the test timeout on two shared cores.
  const scheduleCases: [overlay: string, finding: Finding][] = [
    [
      'spring-forward',
      {
        code: 'schema',
        message:
          '2021-03-28 at 02:30 does not exist in Stockholm: the clocks go from 02:00 to 03:00 that night, as summer time starts',
        file: pride,
        where: 'posts[3].date',
        hint: 'move the post to another day, or set the campaign’s time outside 02:00–03:00',
        line: 21,
        column: 5,
      },
    ],
    [
      'folder-clash',
      {
        code: 'reference',
        message:
          'a second post for Centerpartiet on 2020-07-31: posts[1] (digital-pride-2020/centerpartiet) goes to the same folder, 2020-07-31-centerpartiet',
        file: pride,
        where: 'posts[4]',
        hint: 'a party gets one post a day: merge the two, or move one to another date',
        line: 24,
        column: 5,
      },
    ],
  ];

  it.each(scheduleCases)('%s: one error, exit code 2, no stack', async (overlay, finding) => {
    const { code, json, stderr } = await check(overlay);
    expect(json.errors).toEqual([finding]);
    // A campaign file that fails its schema takes its words (Pride, in its title and hashtags)
    // out of the spelling check's known words: only spelling warnings may come with it.
    // The second Centerpartiet post of folder-clash asks one question where the others ask two:
    // the fairness warning says so.
    const expected = overlay === 'folder-clash' ? ['fairness'] : [];
    expect(
      json.warnings.filter((warning) => warning.code !== 'spelling').map((w) => w.code),
    ).toEqual(expected);
    if (finding.code !== 'schema') expect(json.warnings.map((w) => w.code)).toEqual(expected);
    expect(code).toBe(2);
    expect(stderr).toBe('error: check found 1 error\nhint: fix it and run excerpt check again\n');
  });

  // Cases whose post chooses other Q&As than the other parties' get the fairness warning too.
  const otherQuestions = new Set(['long-caption', 'eleven-slides']);

  it.concurrent.each(cases)('%s: one error, exit code 2, no stack', async (overlay, finding) => {
    const { code, json, stderr } = await check(overlay);
    expect(json.errors).toEqual([finding]);
    expect(json.warnings.map((warning) => warning.code)).toEqual(
      otherQuestions.has(overlay) ? ['fairness'] : [],
    );
    expect(code).toBe(2);
    expect(stderr).toBe('error: check found 1 error\nhint: fix it and run excerpt check again\n');
    expect(stderr).not.toContain(stackLine);
  });

  it('autumn-back: a publish time that happens twice is a warning, exit code 0', async () => {
    const { code, json } = await check('autumn-back');
    expect(json.errors).toEqual([]);
    expect(json.warnings).toEqual([
      {
        code: 'schema',
        message:
          '2021-10-31 at 02:30 happens twice in Stockholm: the clocks go back from 03:00 to 02:00 that night, as summer time ends; the post is published at the first, 2021-10-31T02:30:00+02:00',
        file: pride,
        where: 'posts[3].date',
        hint: 'to be sure of the hour, set the campaign’s time outside 02:00–03:00',
        line: 21,
        column: 5,
      },
    ]);
    expect(code).toBe(0);
  });

  it('nine-slides: a warning naming the slides each Q&A takes, exit code 0', async () => {
    const { code, json } = await check('nine-slides');
    expect(json.errors).toEqual([]);
    expect(json.warnings.find((warning) => warning.code === 'limit')).toEqual({
      code: 'limit',
      message:
        'the post of 2020-07-31 uses 9 of its 10 slides (q1 takes 2, q2 takes 3, q3 takes 2, with the cover and the closing slide): the next edit may not fit',
      file: pride,
      where: 'posts[3].qa',
      hint: 'to leave room, choose a shorter Q&A, or use the portrait format, which holds more text a slide',
      line: 23,
      column: 5,
    });
    expect(code).toBe(0);
  });

  it('other-question: a party asked another question than the others is a fairness warning', async () => {
    const { code, json } = await check('other-question');
    expect(json.errors).toEqual([]);
    expect(json.warnings).toEqual([
      {
        code: 'fairness',
        message:
          "the post of 2020-07-31 (Liberalerna) differs from the campaign's other posts: not asked what most parties are: q2 “Vilka initiativ har Liberalerna tagit för att förbättra livssituationen för unga HBTQ-personer i Huddinge kommun?”; asked what most parties are not: q3 “Hur ser Liberalerna till att civilsamhället har resurser att bedriva politisk påverkansarbete för målgruppen?”",
        file: pride,
        where: 'posts[2].qa',
        hint: "so no party looks favoured, give each party's post the same questions (choose the Q&A ids that ask them)",
        line: 20,
        column: 5,
      },
    ]);
    expect(code).toBe(0);
  });

  it('story-format: a warning that publish refuses it, and exit code 0 (it builds, for stories)', async () => {
    const { code, json } = await check('story-format');
    expect(json.errors).toEqual([]);
    expect(json.warnings).toEqual([
      {
        code: 'limit',
        message:
          "its slides are 1080×1920 (the story format, 9:16); a carousel takes 4:5 (portrait) to 1.91:1 (landscape): excerpt publish refuses the campaign's posts",
        file: pride,
        where: 'format',
        hint: 'use square or portrait for posts to publish; story suits stories posted by hand',
        line: 7,
        column: 1,
      },
    ]);
    expect(code).toBe(0);
  });

  it('foreign-glyph: names each character and its code point, in any Q&A, scheduled or not', async () => {
    const { code, json } = await check('foreign-glyph');
    const file = 'data/interviews/digital-pride-2020/liberalerna.yaml';
    const hint = 'replace or remove the character; nothing is ever drawn as a blank box';
    // q1 is scheduled: its post cannot be laid out, and that is not reported twice as a fit error.
    expect(json.errors).toEqual([
      {
        code: 'glyph',
        message:
          'cannot draw ”\uf0b7” (U+F0B7): no bundled font has it and Twemoji has no image for it',
        file,
        where: 'qa[0].answer[0]',
        word: '\uf0b7',
        qa: 'q1',
        hint,
        line: 15,
        column: 9,
      },
      {
        code: 'glyph',
        message:
          'cannot draw ”漢” (U+6F22): no bundled font has it and Twemoji has no image for it',
        file,
        where: 'qa[3].answer[0]',
        word: '漢',
        qa: 'q4',
        hint,
        line: 27,
        column: 9,
      },
    ]);
    expect(code).toBe(2);
    const liberalerna = json.fairness?.[0]?.posts.find((post) => post.party === 'Liberalerna');
    expect(liberalerna?.slides).toBeNull();
  });

  it('glyph-in-title: a character every cover draws is one glyph error, not a fit error a post', async () => {
    const { code, json } = await check('glyph-in-title');
    expect(json.errors).toEqual([
      {
        code: 'glyph',
        message:
          'cannot draw ”\uf0b7” (U+F0B7): no bundled font has it and Twemoji has no image for it',
        file: pride,
        where: 'title',
        word: '\uf0b7',
        hint: 'replace or remove the character; nothing is ever drawn as a blank box',
        line: 4,
        column: 1,
      },
    ]);
    expect(code).toBe(2);
    expect(json.fairness?.[0]?.posts.map((post) => post.slides)).toEqual([null, null, null, null]);
  });

  it('prints findings with their position and hint, and the slides per party', async () => {
    const result = await runExcerpt(['check'], checkWorkspace('eleven-slides'));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe(
      [
        'data/campaigns/digital-pride-2020.yaml',
        '  21:5  error    posts[3]: the post of 2020-07-31 (square): digital-pride-2020/socialdemokraterna: the chosen Q&As need 13 slides with cover and closing; a carousel holds at most 10 (q1 needs 2, q2 needs 3, q3 needs 2, q4 needs 1, q5 needs 3)  fit',
        '        hint: choose fewer or shorter Q&As, or use the portrait format, which holds more text a slide',
        "  23:5  warning  posts[3].qa: the post of 2020-07-31 (Socialdemokraterna) differs from the campaign's other posts: 5 questions where most parties get 2; asked what most parties are not: q3 “Hur ser Socialdemokraterna till att civilsamhället har resurser att bedriva politisk påverkansarbete för målgruppen?”, q4 “Vilka verksamheter för unga HBTQ-personer finns i kommunen som du skulle vilja lyfta?”  fairness",
        "        hint: so no party looks favoured, give each party's post the same questions (choose the Q&A ids that ask them)",
        '',
        'Slides per party',
        '  digital-pride-2020  square, theme pride, 4–6 slides',
        '    2020-07-30  Drevvikenpartiet    q1, q2               4  ▮▮▮▮',
        '    2020-07-31  Centerpartiet       q1, q2               6  ▮▮▮▮▮▮',
        '    2020-07-31  Liberalerna         q1, q2               4  ▮▮▮▮',
        '    2020-07-31  Socialdemokraterna  q1, q2, q3, q4, q5   ?',
        '',
        '✖ 1 error, 1 warning in 6 files',
        '',
      ].join('\n'),
    );
  });
});

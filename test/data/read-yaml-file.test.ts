import { describe, expect, it } from 'vitest';
import { parseYamlText } from '../../src/data/read-yaml-file.js';
import { campaignSchema, interviewSchema } from '../../src/data/schema.js';

const file = 'data/interviews/adventsfragestund-2020/centerpartiet.yaml';

const head = `id: adventsfragestund-2020/centerpartiet
campaign: adventsfragestund-2020
party: Centerpartiet
interviewee: { name: Christian Ottosson, role: kommunalråd }
publishedOn: 2020-12-16
`;

/** An interview whose only Q&A has `answer` written as given (indented under `answer:`). */
const withAnswer = (answer: string): string =>
  `${head}qa:\n  - id: q1\n    question: Hur?\n    answer:\n${answer}`;

describe('parseYamlText', () => {
  it('returns the value of a valid file, with no issues', () => {
    const parsed = parseYamlText(withAnswer('      - Svar.\n'), file, interviewSchema);
    expect(parsed.issues).toEqual([]);
    expect(parsed.value?.qa[0]?.answer).toEqual(['Svar.']);
  });

  it.each([
    [
      'a misspelt field',
      `${head}qa:\n  - id: q1\n    question: Hur?\n    answr: [Svar.]\n`,
      [
        { where: 'qa[0].answer', message: 'is missing', line: 7 },
        {
          where: 'qa[0].answr',
          message: 'is not a known field',
          hint: 'did you mean answer?',
          line: 9,
        },
      ],
    ],
    [
      'a number where text belongs',
      head.replace('party: Centerpartiet', 'party: 1') + 'qa: []\n',
      [
        {
          where: 'party',
          message: 'must be text, not the number 1',
          hint: 'put it in quotes',
          line: 3,
        },
        { where: 'qa', message: 'an interview needs at least one question', line: 6 },
      ],
    ],
    [
      'an answer written as one text instead of a list',
      `${head}qa:\n  - id: q1\n    question: Hur?\n    answer: Svar.\n`,
      [
        {
          where: 'qa[0].answer',
          message: 'must be a list, not text "Svar."',
          hint: 'write each item on its own line, starting with "- "',
          line: 9,
        },
      ],
    ],
    [
      'an empty bullet inside a list',
      withAnswer('      - list:\n          - Ett.\n          - ""\n'),
      [{ where: 'qa[0].answer[0].list[1]', message: 'must not be empty', line: 12 }],
    ],
    [
      'a bullet ending in a colon',
      withAnswer('      - list:\n          - Till exempel:\n'),
      [
        {
          where: 'qa[0].answer[0].list[0]',
          message: 'is a mapping {"Till exempel": null}, not text',
          hint: "put the text in quotes: a line ending in ':' reads as a key in YAML",
          line: 11,
        },
      ],
    ],
    [
      'a lead-in with its bullets nested under it',
      withAnswer('      - Till exempel:\n          - Ett.\n'),
      [
        {
          where: 'qa[0].answer[0]',
          message:
            'must be a paragraph (text) or a bullet list ("list:" and its items), not a mapping',
          hint: `write a bullet list as "- list:" followed by its items, and put text containing ': ' in quotes`,
          line: 10,
        },
      ],
    ],
  ])('describes %s', (_name, text, expected) => {
    const parsed = parseYamlText(text, file, interviewSchema);
    expect(parsed.value).toBeUndefined();
    expect(
      parsed.issues.map(({ where, message, hint, line }) => ({
        where,
        message,
        ...(hint === undefined ? {} : { hint }),
        line,
      })),
    ).toEqual(expected);
  });

  it.each([
    ['an empty file', '', 'the file is empty'],
    ['a list instead of fields', '- a\n', 'the file must be a mapping of fields, not a list'],
  ])('says so for %s, listing the fields', (_name, text, message) => {
    const parsed = parseYamlText(text, 'data/campaigns/x.yaml', campaignSchema);
    expect(parsed.issues).toMatchObject([
      {
        kind: 'schema',
        where: '',
        message,
        hint: expect.stringMatching(/^its fields are: id, title, .*posts$/),
      },
    ]);
  });

  it('names the values a choice allows', () => {
    const text = 'id: x\ntitle: X\nmarker: 🎄\ntheme: advent\nformat: poster\n';
    const parsed = parseYamlText(text, 'data/campaigns/x.yaml', campaignSchema);
    expect(parsed.issues).toEqual([
      {
        kind: 'schema',
        file: 'data/campaigns/x.yaml',
        where: 'format',
        message: 'must be one of square, portrait, story, not text "poster"',
        line: 5,
        column: 1,
      },
    ]);
  });

  it.each([
    [
      'a tab as indentation',
      'id: x\nposts:\n\t- date: 2020-12-16\n',
      { line: 3, column: 1, hint: 'indent with spaces, not tabs' },
    ],
    [
      'a field written twice',
      'id: x\nid: y\n',
      {
        line: 2,
        column: 1,
        hint: 'a field may appear only once here: remove or rename the second one',
      },
    ],
    [
      'a quote that closes before the text ends',
      'id: x\nhashtags:\n  - "Vi vill" sa hon.\n',
      {
        line: 3,
        column: 15,
        hint: `text that starts with a quote mark must end with it: put the whole text in quotes of the other kind, e.g. '"Vi vill" sa hon.'`,
      },
    ],
  ])('gives the position and a hint for %s', (_name, text, expected) => {
    const parsed = parseYamlText(text, 'data/campaigns/x.yaml', campaignSchema);
    expect(parsed.issues[0]).toMatchObject({ kind: 'syntax', ...expected });
    expect(parsed.issues[0]?.where).toBeUndefined();
  });
});

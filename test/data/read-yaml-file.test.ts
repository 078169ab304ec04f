import { afterEach, describe, expect, it, vi } from 'vitest';
import { Document } from 'yaml';
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
        { path: ['qa', 0, 'answer'], message: 'is missing', line: 7 },
        {
          path: ['qa', 0, 'answr'],
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
          path: ['party'],
          message: 'must be text, not the number 1',
          hint: 'put it in quotes',
          line: 3,
        },
        { path: ['qa'], message: 'an interview needs at least one question', line: 6 },
      ],
    ],
    [
      'an answer written as one text instead of a list',
      `${head}qa:\n  - id: q1\n    question: Hur?\n    answer: Svar.\n`,
      [
        {
          path: ['qa', 0, 'answer'],
          message: 'must be a list, not text "Svar."',
          hint: 'write each item on its own line, starting with "- "',
          line: 9,
        },
      ],
    ],
    [
      'an empty bullet inside a list',
      withAnswer('      - list:\n          - Ett.\n          - ""\n'),
      [{ path: ['qa', 0, 'answer', 0, 'list', 1], message: 'must not be empty', line: 12 }],
    ],
    [
      'a bullet ending in a colon',
      withAnswer('      - list:\n          - Till exempel:\n'),
      [
        {
          path: ['qa', 0, 'answer', 0, 'list', 0],
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
          path: ['qa', 0, 'answer', 0],
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
      parsed.issues.map(({ path, message, hint, line }) => ({
        path,
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
        code: 'schema',
        severity: 'error',
        path: [],
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
        code: 'schema',
        severity: 'error',
        file: 'data/campaigns/x.yaml',
        path: ['format'],
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
    expect(parsed.issues[0]).toMatchObject({ code: 'syntax', severity: 'error', ...expected });
    expect(parsed.issues[0]?.path).toEqual([]);
  });
});

const campaignFile = 'data/campaigns/x.yaml';
const campaignHead = 'id: x\ntitle: X\nmarker: 🎄\ntheme: advent\n';

const quoteHint =
  'put the whole text in quotes ("…"), so the # stays part of it; a note of your own goes on a line of its own';
const lostAfterHash = (comment: string): string =>
  `"${comment}" would be lost: YAML reads " #" and the rest of the line as a comment`;

describe('parseYamlText and YAML that would lose or garble words', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each([
    [
      'a " #" in a paragraph',
      withAnswer('      - Vi redovisar öppet på #Huddinge kommuns webbplats.\n      - Ja.\n'),
      {
        path: ['qa', 0, 'answer', 0],
        message: lostAfterHash('#Huddinge kommuns webbplats.'),
        hint: quoteHint,
        line: 10,
        column: 31,
      },
    ],
    [
      'a " #" in a question',
      `${head}qa:\n  - id: q1\n    question: Hur gör ni? #viktigt\n    answer: [Svar.]\n`,
      {
        path: ['qa', 0, 'question'],
        message: lostAfterHash('#viktigt'),
        hint: quoteHint,
        line: 8,
        column: 27,
      },
    ],
    [
      'a " #" in a bullet',
      withAnswer('      - list:\n          - Ett #två\n'),
      {
        path: ['qa', 0, 'answer', 0, 'list', 0],
        message: lostAfterHash('#två'),
        hint: quoteHint,
        line: 11,
        column: 17,
      },
    ],
    [
      'a " #" after a tab, on the second line of a paragraph',
      withAnswer('      - Rad ett\n        rad två\t#tre\n'),
      {
        path: ['qa', 0, 'answer', 0],
        message: lostAfterHash('#tre'),
        hint: quoteHint,
        line: 11,
        column: 17,
      },
    ],
    [
      'a paragraph that starts with #',
      withAnswer('      - #Huddinge är bäst\n'),
      {
        path: ['qa', 0, 'answer', 0],
        message: lostAfterHash('#Huddinge är bäst'),
        hint: quoteHint,
        line: 10,
        column: 9,
      },
    ],
    [
      'a question that starts with #',
      `${head}qa:\n  - id: q1\n    question: #viktigt Hur?\n    answer: [Svar.]\n`,
      {
        path: ['qa', 0, 'question'],
        message: lostAfterHash('#viktigt Hur?'),
        hint: quoteHint,
        line: 8,
        column: 15,
      },
    ],
    [
      'a " #" in text holding a double quote',
      withAnswer('      - Han sa "ja" #två\n'),
      {
        path: ['qa', 0, 'answer', 0],
        message: lostAfterHash('#två'),
        hint: "put the whole text in single quotes ('…'), writing each ' inside it twice, so the # stays part of it; a note of your own goes on a line of its own",
        line: 10,
        column: 21,
      },
    ],
    [
      'a note after a field',
      head.replace('party: Centerpartiet', 'party: Centerpartiet # stavning?') +
        'qa: [{ id: q1, question: Hur?, answer: [Svar.] }]\n',
      {
        path: ['party'],
        message: lostAfterHash('# stavning?'),
        hint: quoteHint,
        line: 3,
        column: 22,
      },
    ],
    [
      'a paragraph whose last line starts with #',
      withAnswer('      - Vi redovisar öppet på\n        #Huddinge kommuns webbplats.\n'),
      {
        path: ['qa', 0, 'answer', 0],
        message:
          '"#Huddinge kommuns webbplats." would be lost: YAML reads a line that starts with # as a comment, even inside a text',
        hint: 'put the whole text in quotes ("…"), so the # stays part of it; a note of your own goes in line with its field, not further in',
        line: 11,
        column: 9,
      },
    ],
    [
      'a question with a line in the middle that starts with #',
      `${head}qa:\n  - id: q1\n    question: Hur gör\n      #Huddinge kommun\n      med det?\n    answer: [Svar.]\n`,
      {
        path: ['qa', 0, 'question'],
        message:
          '"#Huddinge kommun" would be lost: YAML reads a line that starts with # as a comment, even inside a text',
        hint: 'put the whole text in quotes ("…"), so the # stays part of it; a note of your own goes in line with its field, not further in',
        line: 9,
        column: 7,
      },
    ],
    [
      'a paragraph starting with *, an alias',
      withAnswer('      - *Viktigt* att alla vet\n'),
      {
        path: ['qa', 0, 'answer', 0],
        message: '"*Viktigt*" reads as a YAML alias (a reference to an anchor), not as text',
        hint: 'put the whole text in quotes ("…")',
        line: 10,
        column: 9,
      },
    ],
    [
      'a paragraph starting with &, an anchor',
      withAnswer('      - &Viktigt att alla vet\n'),
      {
        path: ['qa', 0, 'answer', 0],
        message:
          '"&Viktigt" reads as a YAML anchor (a name for reuse) and would be dropped from the text',
        hint: 'put the whole text in quotes ("…")',
        line: 10,
        column: 9,
      },
    ],
    [
      'a lone & starting a paragraph',
      withAnswer('      - & co\n'),
      {
        path: ['qa', 0, 'answer', 0],
        message: '"&" reads as a YAML anchor (a name for reuse) and would be dropped from the text',
        hint: 'put the whole text in quotes ("…")',
        line: 10,
        column: 9,
      },
    ],
    [
      'a paragraph starting with !, a tag',
      withAnswer('      - !Viktigt! sa hon "nu"\n'),
      {
        path: ['qa', 0, 'answer', 0],
        message: '"!Viktigt!" reads as a YAML tag (a type) and would be dropped from the text',
        hint: "put the whole text in single quotes ('…'), writing each ' inside it twice",
        line: 10,
        column: 9,
      },
    ],
    [
      'a paragraph starting with ?',
      withAnswer('      - ? Varför\n'),
      {
        path: ['qa', 0, 'answer', 0],
        message: '"?" at the start of a text reads as a YAML key marker, not as text',
        hint: 'put the whole text in quotes ("…")',
        line: 10,
        column: 9,
      },
    ],
    [
      'a { never closed',
      head.replace('kommunalråd }', 'kommunalråd') +
        'qa: [{ id: q1, question: Hur?, answer: [Svar.] }]\n',
      {
        path: ['interviewee'],
        message: 'the { here is never closed: a mapping written this way ends with }',
        hint: 'end the mapping with }, e.g. { name: …, role: … }; put text holding , [ ] { } or # in quotes',
        line: 4,
        column: 14,
      },
    ],
    [
      'a # inside { }',
      head.replace('Christian Ottosson', '#1 Christian') +
        'qa: [{ id: q1, question: Hur?, answer: [Svar.] }]\n',
      {
        path: ['interviewee'],
        message:
          '"#1 Christian, role: kommunalråd }" would be lost: inside { }, YAML reads # and the rest of the line as a comment, so the { is never closed',
        hint: 'put text holding # in quotes ("…")',
        line: 4,
        column: 22,
      },
    ],
  ])('refuses %s, naming line and field', (_name, text, expected) => {
    const parsed = parseYamlText(text, file, interviewSchema);
    expect(parsed.value).toBeUndefined();
    // One issue: the parser's own errors on the line follow from it and are left out.
    expect(parsed.issues).toEqual([{ code: 'syntax', severity: 'error', file, ...expected }]);
  });

  it.each([
    [
      'a hashtag written with #',
      'hashtags: [#Huddinge]\n',
      {
        path: ['hashtags'],
        message:
          '"#Huddinge]" would be lost: inside [ ], YAML reads # and the rest of the line as a comment, so the [ is never closed',
        hint: 'write hashtags without #, e.g. hashtags: [Huddinge, Botkyrka]',
        line: 5,
        column: 12,
      },
    ],
    [
      'the second hashtag written with #',
      'hashtags: [Huddinge, #Botkyrka]\nposts: []\n',
      {
        path: ['hashtags'],
        message:
          '"#Botkyrka]" would be lost: inside [ ], YAML reads # and the rest of the line as a comment, so the [ is never closed',
        hint: 'write hashtags without #, e.g. hashtags: [Huddinge, Botkyrka]',
        line: 5,
        column: 22,
      },
    ],
    [
      'a hashtag written with #, the list closed on the next line',
      'hashtags: [Huddinge, #Botkyrka\n  ]\n',
      {
        path: ['hashtags'],
        message:
          '"#Botkyrka" would be lost: inside [ ], YAML reads # and the rest of the line as a comment',
        hint: 'write hashtags without #, e.g. hashtags: [Huddinge, Botkyrka]',
        line: 5,
        column: 22,
      },
    ],
    [
      'hashtags with #, without brackets',
      'hashtags: #Huddinge #Botkyrka\n',
      {
        path: ['hashtags'],
        message: lostAfterHash('#Huddinge #Botkyrka'),
        hint: quoteHint,
        line: 5,
        column: 11,
      },
    ],
    [
      'a [ never closed',
      'posts:\n  - date: 2020-12-16\n    interview: a/b\n    qa: [q1, q2\n',
      {
        path: ['posts', 0, 'qa'],
        message: 'the [ here is never closed: a list written this way ends with ]',
        hint: 'end the list with ], e.g. [q1, q2]; put text holding , [ ] { } or # in quotes',
        line: 8,
        column: 9,
      },
    ],
  ])('refuses %s in a campaign', (_name, tail, expected) => {
    const parsed = parseYamlText(campaignHead + tail, campaignFile, campaignSchema);
    expect(parsed.value).toBeUndefined();
    expect(parsed.issues).toEqual([
      { code: 'syntax', severity: 'error', file: campaignFile, ...expected },
    ]);
  });

  it('keeps comments that lose nothing, and # that is not a comment', () => {
    const text = [
      '# Imported by `excerpt import`.',
      head.replace('kommunalråd }', 'kommunalråd } # flow').trimEnd(),
      'intro: "Inledning #1" # after quotes',
      'qa: # the questions',
      '  # q1 first',
      '  - id: q1',
      '    # a note between fields',
      "    question: 'Hur? #x' #c",
      '    answer: # below',
      '      - |',
      '        Svar # inte en kommentar',
      '      - list: # a list',
      '          - Ett',
      '          # a line of its own',
      '        # in line with the list',
      '          - Två#tre',
      '      - "*Viktigt* att alla vet"',
      '# the end',
      '',
    ].join('\n');
    const parsed = parseYamlText(text, file, interviewSchema);
    expect(parsed.issues).toEqual([]);
    expect(parsed.value?.intro).toBe('Inledning #1');
    expect(parsed.value?.qa[0]).toEqual({
      id: 'q1',
      question: 'Hur? #x',
      answer: ['Svar # inte en kommentar', { list: ['Ett', 'Två#tre'] }, '*Viktigt* att alla vet'],
    });
  });

  it('keeps notes after settings, as the spec’s examples write them, but not after text', () => {
    const interview = [
      'id: adventsfragestund-2020/centerpartiet',
      'campaign: adventsfragestund-2020',
      'party: Centerpartiet',
      'interviewee: { name: Christian Ottosson, role: kommunalråd }',
      'publishedOn: 2020-12-16          # the day the excerpt appeared on Instagram',
      'qa:',
      '  - id: q1                       # a note',
      '    question: Hur arbetar Centerpartiet för att motverka killars våld mot tjejer?',
      '    answer:                       # blocks: a string is a paragraph',
      '      - Centerpartiet vill ha en nollvision för våld.',
      '',
    ].join('\n');
    const parsed = parseYamlText(interview, file, interviewSchema);
    expect(parsed.issues).toEqual([]);
    expect(parsed.value?.publishedOn).toBe('2020-12-16');

    const campaign = [
      'id: adventsfragestund-2020',
      'title: Adventsfrågestund 2020',
      'marker: 🎄                        # the emoji the page puts before each question',
      'theme: advent',
      'format: square                    # optional; square is the default',
      'time: "08:00"                     # optional publish time of day, Europe/Stockholm',
      'hashtags: [Huddinge, Adventsfrågestund]',
      'posts:',
      '  - date: 2020-12-16',
      '    interview: adventsfragestund-2020/centerpartiet',
      '    qa: [q1, q2]',
      '',
    ].join('\n');
    const parsedCampaign = parseYamlText(campaign, campaignFile, campaignSchema);
    expect(parsedCampaign.issues).toEqual([]);
    expect(parsedCampaign.value?.marker).toBe('🎄');

    // The same note after a title is text a reader would lose.
    const titled = campaign.replace('title: Adventsfrågestund 2020', 'title: Advent #Huddinge');
    expect(parseYamlText(titled, campaignFile, campaignSchema).issues).toMatchObject([
      { path: ['title'], line: 2, message: expect.stringMatching(/would be lost/) as unknown },
    ]);
  });

  it('reports a trap and an unrelated syntax error both, in line order', () => {
    const text = withAnswer('      - *Viktigt* att alla vet\n').replace(
      'campaign:',
      'id: again\ncampaign:',
    );
    const parsed = parseYamlText(text, file, interviewSchema);
    expect(parsed.issues.map(({ line, message }) => [line, message])).toEqual([
      [2, 'Map keys must be unique'],
      [11, '"*Viktigt*" reads as a YAML alias (a reference to an anchor), not as text'],
    ]);
  });

  it('refuses a "billion laughs" file line by line without expanding an alias', () => {
    const levels = 'abcdefghij'.split('');
    const text = levels
      .map((name, index) => {
        const items =
          index === 0 ? Array(9).fill('"lol"') : Array(9).fill(`*${levels[index - 1] ?? ''}`);
        return `${name}: &${name} [${items.join(', ')}]\n`;
      })
      .join('');
    const toJS = vi.spyOn(Document.prototype, 'toJS');
    const parsed = parseYamlText(text, campaignFile, campaignSchema);
    expect(toJS).not.toHaveBeenCalled();
    expect(parsed.raw).toBeUndefined();
    expect(parsed.issues).toHaveLength(10);
    expect(parsed.issues[1]).toEqual({
      code: 'syntax',
      severity: 'error',
      file: campaignFile,
      path: ['b'],
      message: '"&b" reads as a YAML anchor (a name for reuse) and would be dropped from the text',
      hint: 'put the whole text in quotes ("…")',
      line: 2,
      column: 4,
    });
  });

  it('refuses 5,000 nested [ with one issue, without exhausting the call stack', () => {
    const parsed = parseYamlText(`hashtags: ${'['.repeat(5000)}\n`, campaignFile, campaignSchema);
    expect(parsed.issues).toEqual([
      {
        code: 'syntax',
        severity: 'error',
        file: campaignFile,
        path: ['hashtags'],
        message: 'the [ here is never closed: a list written this way ends with ]',
        hint: 'end the list with ], e.g. [q1, q2]; put text holding , [ ] { } or # in quotes',
        line: 1,
        column: 11,
      },
    ]);
  });

  it.each([
    [
      '@',
      withAnswer('      - @kraftbyran tycker\n'),
      'Plain value cannot start with reserved character @',
      'put the whole text in quotes ("…"): YAML text cannot start with @',
    ],
    [
      '%',
      withAnswer('      - %50 av alla\n'),
      'Plain value cannot start with directive indicator character %',
      'put the whole text in quotes ("…"): YAML text cannot start with %',
    ],
    [
      '|',
      withAnswer('      - | betyder eller\n'),
      'Not a YAML token: betyder eller',
      'put the whole text in quotes ("…"): YAML reads | or > at the start of a text as the start of a block of lines below it',
    ],
  ])('says to quote a text starting with %s', (_char, text, message, hint) => {
    const parsed = parseYamlText(text, file, interviewSchema);
    expect(parsed.issues).toMatchObject([
      { code: 'syntax', severity: 'error', message, hint, line: 10 },
    ]);
  });
});

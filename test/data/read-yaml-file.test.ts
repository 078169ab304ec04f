import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Document } from 'yaml';
import { parseYamlText, readYamlFile } from '../../src/data/read-yaml-file.js';
import { campaignSchema, interviewSchema } from '../../src/data/schema.js';
import type { z } from 'zod';
import type { InSwedish, Issue } from '../../src/issue.js';

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

const campaignFile = 'data/campaigns/x.yaml';
const campaignHead = 'id: x\ntitle: X\nmarker: 🎄\ntheme: advent\n';

/** Files the parser itself refuses, with the issue's position, hint and Swedish words. */
const syntaxErrorCases: [name: string, text: string, expected: Partial<Issue>][] = [
  [
    'a tab as indentation',
    'id: x\nposts:\n\t- date: 2020-12-16\n',
    {
      line: 3,
      column: 1,
      hint: 'indent with spaces, not tabs',
      sv: {
        message: 'raden är indragen med tabb, och det går inte i YAML',
        hint: 'dra in raden med mellanslag, inte med tabb',
      },
    },
  ],
  [
    'a field written twice',
    'id: x\nid: y\n',
    {
      line: 2,
      column: 1,
      hint: 'a field may appear only once here: remove or rename the second one',
      sv: {
        message: 'samma fält står två gånger',
        hint: 'ett fält får bara finnas en gång här: ta bort det andra eller ge det ett annat namn',
      },
    },
  ],
  [
    'a quote that closes before the text ends',
    'id: x\nhashtags:\n  - "Vi vill" sa hon.\n',
    {
      line: 3,
      column: 15,
      hint: `text that starts with a quote mark must end with it: put the whole text in quotes of the other kind, e.g. '"Vi vill" sa hon.'`,
      sv: {
        message: 'texten fortsätter efter citattecknet som avslutar den',
        hint: `en text som börjar med ett citattecken måste också sluta med det: sätt hela texten inom den andra sortens citattecken, till exempel '"Vi vill" sa hon.'`,
      },
    },
  ],
  [
    'a quote never closed',
    'id: "x\ntitle: X\n',
    {
      line: 3,
      column: 1,
      hint: 'end the text with the same quote mark it starts with',
      sv: {
        message: 'ett citattecken som börjar en text stängs aldrig',
        hint: 'avsluta texten med samma sorts citattecken som den börjar med',
      },
    },
  ],
  [
    'a colon inside a text',
    'id: x\ntitle: Vi vill: det här: och mer\n',
    {
      line: 2,
      column: 8,
      hint: "put the text in quotes: a ': ' inside it, or a ':' ending the line, reads as a key in YAML",
      sv: {
        message: 'ett kolon gör att YAML läser texten här som ett fältnamn',
        hint: 'sätt texten inom raka citattecken ("…", inte ”…”): ett kolon följt av mellanslag i texten, eller ett kolon sist på raden, läser YAML som slutet på ett fältnamn',
      },
    },
  ],
  [
    'list items not lined up',
    'posts:\n  - date: 2020-12-16\n   - date: 2020-12-17\n',
    {
      line: 3,
      column: 4,
      hint: 'line up the fields of a mapping, or the items of a list, at the same column',
      sv: {
        message: 'raden är indragen fel',
        hint: 'fälten som hör ihop, eller punkterna i en lista, ska börja lika långt in på raden',
      },
    },
  ],
  [
    'a second document',
    'id: x\n---\nid: y\n',
    {
      line: 2,
      column: 1,
      hint: "one file holds one document: remove the '---' line",
      sv: {
        message: 'en rad med --- delar filen i flera dokument',
        hint: 'en fil ska bara innehålla ett dokument: ta bort raden med ---',
      },
    },
  ],
];

const quoteHint =
  'put the whole text in quotes ("…"), so the # stays part of it; a note of your own goes on a line of its own';
const lostAfterHash = (comment: string): string =>
  `"${comment}" would be lost: YAML reads " #" and the rest of the line as a comment`;
const quoteHintSv =
  'sätt hela texten inom raka citattecken ("…", inte ”…”), så att # blir kvar i texten; en egen anteckning skriver du på en egen rad';
const lostAfterHashSv = (comment: string): string =>
  `”${comment}” skulle försvinna: efter ett mellanslag läser YAML # och resten av raden som en kommentar, inte som text`;
const quoteSv = 'sätt hela texten inom raka citattecken ("…", inte ”…”)';

/** Files that YAML reads but the schema refuses. */
const schemaCases: [name: string, text: string, expected: Partial<Issue>[]][] = [
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
];

/** Interviews with a YAML trap, and its one issue. */
const trapCases: [name: string, text: string, expected: Partial<Issue>][] = [
  [
    'a " #" in a paragraph',
    withAnswer('      - Vi redovisar öppet på #Huddinge kommuns webbplats.\n      - Ja.\n'),
    {
      path: ['qa', 0, 'answer', 0],
      message: lostAfterHash('#Huddinge kommuns webbplats.'),
      hint: quoteHint,
      sv: { message: lostAfterHashSv('#Huddinge kommuns webbplats.'), hint: quoteHintSv },
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
      sv: { message: lostAfterHashSv('#viktigt'), hint: quoteHintSv },
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
      sv: { message: lostAfterHashSv('#två'), hint: quoteHintSv },
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
      sv: { message: lostAfterHashSv('#tre'), hint: quoteHintSv },
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
      sv: { message: lostAfterHashSv('#Huddinge är bäst'), hint: quoteHintSv },
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
      sv: { message: lostAfterHashSv('#viktigt Hur?'), hint: quoteHintSv },
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
      sv: {
        message: lostAfterHashSv('#två'),
        hint: "sätt hela texten inom raka apostrofer ('…', inte ’…’) och skriv varje ' i texten två gånger, så att # blir kvar i texten; en egen anteckning skriver du på en egen rad",
      },
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
      sv: { message: lostAfterHashSv('# stavning?'), hint: quoteHintSv },
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
      sv: {
        message:
          '”#Huddinge kommuns webbplats.” skulle försvinna: YAML läser en rad som börjar med # som en kommentar, också mitt i en text',
        hint: `${quoteSv}, så att # blir kvar i texten; en egen anteckning skriver du på en rad som börjar rakt under fältets namn, inte längre in`,
      },
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
      sv: {
        message:
          '”#Huddinge kommun” skulle försvinna: YAML läser en rad som börjar med # som en kommentar, också mitt i en text',
        hint: `${quoteSv}, så att # blir kvar i texten; en egen anteckning skriver du på en rad som börjar rakt under fältets namn, inte längre in`,
      },
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
      sv: {
        message:
          '”*Viktigt*” läses som en hänvisning till ett annat ställe i filen (ett alias i YAML), inte som text',
        hint: quoteSv,
      },
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
      sv: {
        message:
          '”&Viktigt” läses som ett namn att hänvisa till (ett ankare i YAML) och skulle försvinna ur texten',
        hint: quoteSv,
      },
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
      sv: {
        message:
          '”&” läses som ett namn att hänvisa till (ett ankare i YAML) och skulle försvinna ur texten',
        hint: quoteSv,
      },
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
      sv: {
        message:
          '”!Viktigt!” läses som en typangivelse (en tagg i YAML) och skulle försvinna ur texten',
        hint: "sätt hela texten inom raka apostrofer ('…', inte ’…’) och skriv varje ' i texten två gånger",
      },
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
      sv: {
        message: '”?” i början av en text läses som början på ett fältnamn i YAML, inte som text',
        hint: quoteSv,
      },
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
      sv: {
        message: '{ här stängs aldrig: fält som skrivs så här, inom { }, ska sluta med }',
        hint: 'avsluta med }, till exempel { name: …, role: … }; sätt text som innehåller , [ ] { } eller # inom raka citattecken ("…", inte ”…”)',
      },
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
      sv: {
        message:
          '”#1 Christian, role: kommunalråd }” skulle försvinna: inom { } läser YAML # och resten av raden som en kommentar, så { stängs aldrig',
        hint: 'sätt text som innehåller # inom raka citattecken ("…", inte ”…”)',
      },
      line: 4,
      column: 22,
    },
  ],
];

/** The end of a campaign with a YAML trap, and its one issue. */
const campaignTrapCases: [name: string, tail: string, expected: Partial<Issue>][] = [
  [
    'a hashtag written with #',
    'hashtags: [#Huddinge]\n',
    {
      path: ['hashtags'],
      message:
        '"#Huddinge]" would be lost: inside [ ], YAML reads # and the rest of the line as a comment, so the [ is never closed',
      hint: 'write hashtags without #, e.g. hashtags: [Huddinge, Botkyrka]',
      sv: {
        message:
          '”#Huddinge]” skulle försvinna: inom [ ] läser YAML # och resten av raden som en kommentar, så [ stängs aldrig',
        hint: 'skriv hashtaggarna utan #, till exempel hashtags: [Huddinge, Botkyrka]',
      },
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
      sv: {
        message:
          '”#Botkyrka]” skulle försvinna: inom [ ] läser YAML # och resten av raden som en kommentar, så [ stängs aldrig',
        hint: 'skriv hashtaggarna utan #, till exempel hashtags: [Huddinge, Botkyrka]',
      },
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
      sv: {
        message:
          '”#Botkyrka” skulle försvinna: inom [ ] läser YAML # och resten av raden som en kommentar',
        hint: 'skriv hashtaggarna utan #, till exempel hashtags: [Huddinge, Botkyrka]',
      },
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
      sv: { message: lostAfterHashSv('#Huddinge #Botkyrka'), hint: quoteHintSv },
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
      sv: {
        message: '[ här stängs aldrig: en lista som skrivs så här ska sluta med ]',
        hint: 'avsluta listan med ], till exempel [q1, q2]; sätt text som innehåller , [ ] { } eller # inom raka citattecken ("…", inte ”…”)',
      },
      line: 8,
      column: 9,
    },
  ],
];

/** Interviews with a text starting with a character YAML keeps for itself. */
const startCases: [char: string, text: string, message: string, hint: string, sv: InSwedish][] = [
  [
    '@',
    withAnswer('      - @kraftbyran tycker\n'),
    'Plain value cannot start with reserved character @',
    'put the whole text in quotes ("…"): YAML text cannot start with @',
    {
      message: 'YAML kan inte läsa en text som börjar med @',
      hint: 'sätt hela texten inom raka citattecken ("…", inte ”…”): i YAML kan en text utan citattecken inte börja med @',
    },
  ],
  [
    '%',
    withAnswer('      - %50 av alla\n'),
    'Plain value cannot start with directive indicator character %',
    'put the whole text in quotes ("…"): YAML text cannot start with %',
    {
      message: 'YAML kan inte läsa en text som börjar med %',
      hint: 'sätt hela texten inom raka citattecken ("…", inte ”…”): i YAML kan en text utan citattecken inte börja med %',
    },
  ],
  [
    '|',
    withAnswer('      - | betyder eller\n'),
    'Not a YAML token: betyder eller',
    'put the whole text in quotes ("…"): YAML reads | or > at the start of a text as the start of a block of lines below it',
    {
      message: 'YAML kan inte läsa en text som börjar med | eller >',
      hint: 'sätt hela texten inom raka citattecken ("…", inte ”…”): i början av en text läser YAML | eller > som starten på ett textstycke på raderna under',
    },
  ],
];

describe('parseYamlText', () => {
  it('returns the value of a valid file, with no issues', () => {
    const parsed = parseYamlText(withAnswer('      - Svar.\n'), file, interviewSchema);
    expect(parsed.issues).toEqual([]);
    expect(parsed.value?.qa[0]?.answer).toEqual(['Svar.']);
  });

  it.each(schemaCases)('describes %s', (_name, text, expected) => {
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
        sv: { message: 'ska vara ett av square, portrait, story, inte texten ”poster”' },
        line: 5,
        column: 1,
      },
    ]);
  });

  it.each(syntaxErrorCases)('gives the position and a hint for %s', (_name, text, expected) => {
    const parsed = parseYamlText(text, 'data/campaigns/x.yaml', campaignSchema);
    expect(parsed.issues[0]).toMatchObject({ code: 'syntax', severity: 'error', ...expected });
    expect(parsed.issues[0]?.path).toEqual([]);
  });

  it('says in Swedish what it knows of an error it does not recognise, keeping the parser’s words', () => {
    const parsed = parseYamlText('id: x\nhashtags: [a,, b]\n', campaignFile, campaignSchema);
    expect(parsed.issues).toEqual([
      {
        code: 'syntax',
        severity: 'error',
        file: campaignFile,
        path: [],
        message: 'Unexpected , in flow sequence',
        line: 2,
        column: 14,
        sv: {
          message: 'något på rad 2, vid tecken 14, är skrivet så att YAML inte kan läsa filen',
          hint: 'titta efter något som saknas eller står fel just där, till exempel ett citattecken, en parentes eller ett kolon. Det tekniska felmeddelandet på engelska, om du vill be någon om hjälp: ”Unexpected , in flow sequence”',
        },
      },
    ]);
  });
});

describe('readYamlFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'read-yaml-file-'));
    await mkdir(join(dir, 'folder.yaml'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['a missing file', 'nobody.yaml', 'does not exist', 'finns inte'],
    ['a folder', 'folder.yaml', 'is a folder, not a file', 'är en mapp, inte en fil'],
  ])('says so for %s, in English and Swedish', async (_name, name, message, sv) => {
    const path = join(dir, name);
    const parsed = await readYamlFile(path, campaignSchema);
    expect(parsed.issues).toEqual([
      { code: 'syntax', severity: 'error', file: path, path: [], message, sv: { message: sv } },
    ]);
  });

  it.each([
    [
      'saved as Latin-1',
      Buffer.from(withAnswer('      - Vi vill öka tryggheten.\n'), 'latin1'),
      4,
      /is not UTF-8 text/,
    ],
    [
      'saved as UTF-16',
      Buffer.from(`\uFEFF${withAnswer('      - Vi vill.\n')}`, 'utf16le'),
      1,
      /is not UTF-8 text/,
    ],
    [
      'holding a NUL byte',
      Buffer.from(withAnswer('      - Vi vill\0 det.\n')),
      10,
      /holds a NUL character/,
    ],
  ])(
    'says where a file %s goes wrong, rather than lose its letters',
    async (_name, bytes, line, message) => {
      const path = join(dir, 'encoded.yaml');
      await writeFile(path, bytes);
      const parsed = await readYamlFile(path, interviewSchema);
      expect(parsed.value).toBeUndefined();
      expect(parsed.issues).toHaveLength(1);
      expect(parsed.issues[0]).toMatchObject({
        code: 'syntax',
        file: path,
        line,
        message: expect.stringMatching(message),
      });
      expect(parsed.issues[0]!.hint).toBeDefined();
      expect(parsed.issues[0]!.sv?.hint).toBeDefined();
    },
  );
});

/** An interview with a trap on one line and an error of the parser's own on another. */
const trapAndSyntaxError = withAnswer('      - *Viktigt* att alla vet\n').replace(
  'campaign:',
  'id: again\ncampaign:',
);

/** Ten levels of nine aliases each: 9^9 "lol" if expanded. */
const levels = 'abcdefghij'.split('');
const billionLaughs = levels
  .map((name, index) => {
    const items =
      index === 0 ? Array(9).fill('"lol"') : Array(9).fill(`*${levels[index - 1] ?? ''}`);
    return `${name}: &${name} [${items.join(', ')}]\n`;
  })
  .join('');

describe('parseYamlText and YAML that would lose or garble words', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each(trapCases)('refuses %s, naming line and field', (_name, text, expected) => {
    const parsed = parseYamlText(text, file, interviewSchema);
    expect(parsed.value).toBeUndefined();
    // One issue: the parser's own errors on the line follow from it and are left out.
    expect(parsed.issues).toEqual([{ code: 'syntax', severity: 'error', file, ...expected }]);
  });

  it.each(campaignTrapCases)('refuses %s in a campaign', (_name, tail, expected) => {
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
    const parsed = parseYamlText(trapAndSyntaxError, file, interviewSchema);
    expect(parsed.issues.map(({ line, message }) => [line, message])).toEqual([
      [2, 'Map keys must be unique'],
      [11, '"*Viktigt*" reads as a YAML alias (a reference to an anchor), not as text'],
    ]);
  });

  it('refuses a "billion laughs" file line by line without expanding an alias', () => {
    const toJS = vi.spyOn(Document.prototype, 'toJS');
    const parsed = parseYamlText(billionLaughs, campaignFile, campaignSchema);
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
      sv: {
        message:
          '”&b” läses som ett namn att hänvisa till (ett ankare i YAML) och skulle försvinna ur texten',
        hint: quoteSv,
      },
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
        sv: {
          message: '[ här stängs aldrig: en lista som skrivs så här ska sluta med ]',
          hint: 'avsluta listan med ], till exempel [q1, q2]; sätt text som innehåller , [ ] { } eller # inom raka citattecken ("…", inte ”…”)',
        },
        line: 1,
        column: 11,
      },
    ]);
  });

  it.each(startCases)('says to quote a text starting with %s', (_char, text, message, hint, sv) => {
    const parsed = parseYamlText(text, file, interviewSchema);
    expect(parsed.issues).toMatchObject([
      { code: 'syntax', severity: 'error', message, hint, line: 10 },
    ]);
    expect(parsed.issues.map((issue) => issue.sv)).toEqual([sv]);
  });
});

describe('the Swedish words of every problem', () => {
  /** Every broken text of the tests above, with the schema it is read against. */
  const broken: [name: string, text: string, schema: z.ZodType][] = [
    ...schemaCases.map(([name, text]): [string, string, z.ZodType] => [
      name,
      text,
      interviewSchema,
    ]),
    ['an empty file', '', campaignSchema],
    ['a list instead of fields', '- a\n', campaignSchema],
    [
      'a choice not allowed',
      'id: x\ntitle: X\nmarker: 🎄\ntheme: advent\nformat: poster\n',
      campaignSchema,
    ],
    ...syntaxErrorCases.map(([name, text]): [string, string, z.ZodType] => [
      name,
      text,
      campaignSchema,
    ]),
    ['an error the reader does not recognise', 'id: x\nhashtags: [a,, b]\n', campaignSchema],
    ...trapCases.map(([name, text]): [string, string, z.ZodType] => [name, text, interviewSchema]),
    ...campaignTrapCases.map(([name, tail]): [string, string, z.ZodType] => [
      name,
      campaignHead + tail,
      campaignSchema,
    ]),
    ['a trap and a syntax error', trapAndSyntaxError, interviewSchema],
    ['a "billion laughs" file', billionLaughs, campaignSchema],
    // Fewer than the 5,000 above: the same issue, in a fraction of the time.
    ['nested [', `hashtags: ${'['.repeat(50)}\n`, campaignSchema],
    ...startCases.map(([char, text]): [string, string, z.ZodType] => [char, text, interviewSchema]),
  ];

  it('gives every issue a Swedish message, and a Swedish hint wherever it has a hint', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'read-yaml-file-'));
    try {
      await mkdir(join(dir, 'folder.yaml'));
      const issues = [
        ...broken.map(([name, text, schema]) => ({
          name,
          parsed: parseYamlText(text, file, schema),
        })),
        {
          name: 'a missing file',
          parsed: await readYamlFile(join(dir, 'no.yaml'), campaignSchema),
        },
        { name: 'a folder', parsed: await readYamlFile(join(dir, 'folder.yaml'), campaignSchema) },
      ].flatMap(({ name, parsed }) => {
        expect(parsed.issues, name).not.toEqual([]);
        // Schema issues included: their words, Swedish too, come from describe-zod-issues.ts.
        return parsed.issues.map((issue) => ({ name, issue }));
      });
      expect(issues.length).toBeGreaterThan(broken.length);
      const unworded = issues.filter(
        ({ issue }) =>
          issue.sv === undefined ||
          issue.sv.message.trim() === '' ||
          (issue.hint !== undefined && (issue.sv.hint ?? '').trim() === ''),
      );
      expect(unworded.map(({ name, issue }) => `${name}: ${issue.message}`)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

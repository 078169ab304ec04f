import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importPage, type ImportResult } from '../../src/data/import-page.js';
import { DataError, InputError } from '../../src/errors.js';
import type { AnswerBlock, Interview } from '../../src/data/schema.js';

const NBSP = '\u00A0';

function readPage(name: string): string {
  return readFileSync(new URL(`../fixtures/pages/${name}`, import.meta.url), 'utf8');
}

function importFixture(name: string): ImportResult {
  return importPage(readPage(name), { source: name });
}

function interview(result: ImportResult, id: string): Interview {
  const found = result.interviews.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no interview ${id}`);
  return found;
}

function allTexts(result: ImportResult): string[] {
  return result.interviews.flatMap((item) => [
    item.party,
    item.interviewee.name,
    item.interviewee.role,
    item.intro ?? '',
    ...item.qa.flatMap((qa) => [
      qa.question,
      ...qa.answer.flatMap((block: AnswerBlock) =>
        typeof block === 'string' ? [block] : block.list,
      ),
    ]),
  ]);
}

describe('importPage on the real source page', () => {
  const page = 'politisk-paverkan-i-kommunen.txt';
  const result = importFixture(page);

  // The team's copy of the page sits beside the repository on our machines, not in a clone.
  const shared = new URL(
    '../../../shared/source/politisk-paverkan-i-kommunen.txt',
    import.meta.url,
  );
  it.skipIf(!existsSync(shared))('reads the fixture copy of the shared page unchanged', () => {
    expect(readPage(page)).toBe(readFileSync(shared, 'utf8'));
  });

  it('finds both campaigns with their markers', () => {
    expect(result.campaigns).toEqual([
      { id: 'adventsfragestund-2020', title: 'Adventsfrågestund 2020', marker: '🎄' },
      { id: 'digital-pride-2020', title: 'Digital Pride 2020', marker: '🌈' },
    ]);
  });

  it('reads the ten interviews in page order', () => {
    expect(
      result.interviews.map((item) => [
        item.id,
        item.party,
        item.interviewee.name,
        item.interviewee.role,
        item.publishedOn,
        item.qa.length,
      ]),
    ).toEqual([
      [
        'adventsfragestund-2020/centerpartiet',
        'Centerpartiet',
        'Christian Ottosson',
        'kommunalråd',
        '2020-12-16',
        6,
      ],
      [
        'digital-pride-2020/centerpartiet',
        'Centerpartiet',
        'Tomas Selin',
        'politisk sekreterare',
        '2020-07-31',
        4,
      ],
      [
        'adventsfragestund-2020/drevvikenpartiet',
        'Drevvikenpartiet',
        'Ingalill Söderberg',
        'kommunalråd',
        '2020-12-20',
        6,
      ],
      [
        'digital-pride-2020/drevvikenpartiet',
        'Drevvikenpartiet',
        'Emil Holmlund',
        'politisk sekreterare',
        '2020-07-30',
        4,
      ],
      [
        'adventsfragestund-2020/liberalerna',
        'Liberalerna',
        'Bo Källström',
        'kommunalråd',
        '2020-12-22',
        5,
      ],
      [
        'digital-pride-2020/liberalerna',
        'Liberalerna',
        'Bo Källström',
        'kommunalråd',
        '2020-07-31',
        4,
      ],
      // The source's typo in the role is kept by the importer; the bundled data corrects it.
      [
        'adventsfragestund-2020/moderaterna',
        'Moderaterna',
        'Hampus Holmgren',
        'politisk sekreterared',
        '2020-12-19',
        5,
      ],
      [
        'adventsfragestund-2020/socialdemokraterna',
        'Socialdemokraterna',
        'Sara Heelge Vikmång',
        'oppositionsråd',
        '2020-12-15',
        6,
      ],
      [
        'digital-pride-2020/socialdemokraterna',
        'Socialdemokraterna',
        'Sara Heelge Vikmång',
        'oppositionsråd',
        '2020-07-31',
        4,
      ],
      [
        'adventsfragestund-2020/vansterpartiet',
        'Vänsterpartiet',
        'Nujin Alcabek',
        'oppositionsråd',
        '2020-12-21',
        6,
      ],
    ]);
  });

  it('numbers the questions q1..qN and keeps the campaign on each interview', () => {
    for (const item of result.interviews) {
      expect(item.qa.map((qa) => qa.id)).toEqual(item.qa.map((_, index) => `q${index + 1}`));
      expect(item.id.startsWith(`${item.campaign}/`)).toBe(true);
    }
  });

  it('keeps the intro', () => {
    expect(interview(result, 'adventsfragestund-2020/centerpartiet').intro).toBe(
      'Vi intervjuade Christian Ottosson (kommunalråd) som fick svara på hur killars våld mot tjejer ska prioriteras i den kommunala politiken. Ett utdrag av intervjun publicerades på vår Instagram 16 december 2020. Här på vår hemsida kan du ta del av hela intervjun.',
    );
  });

  it('recognises the question Liberalerna got without its marker', () => {
    const liberals = interview(result, 'adventsfragestund-2020/liberalerna');
    expect(liberals.qa[2]?.answer).toEqual([
      'Nej, det har vi inte. Vi styr tillsammans med fem andra partier och vi lägger därför inte fram enskilda förslag. Däremot finns preventionsarbete med i Mål och budget för 2021.',
    ]);
    expect(liberals.qa[3]).toEqual({
      id: 'q4',
      question:
        'Socialstyrelsen har tidigare konstaterat att kunskapen om våld i kommuner runt om i Sverige är bristfällig. Hur tydlig bild av killars våld och flickors utsatthet upplever ni att det finns i Huddinge kommun, och hur kan den eventuellt bli bättre?',
      answer: [
        'Kunskapsläget kan alltid bli bättre. I framtiden tror jag att det kan bli aktuellt med en kartläggning gällande tjejers otrygghet och killars våld mot tjejer.',
      ],
    });
  });

  it('splits the question glued to its answer', () => {
    const left = interview(result, 'adventsfragestund-2020/vansterpartiet');
    expect(left.qa[0]).toEqual({
      id: 'q1',
      question: 'Hur arbetar Vänsterpartiet för att motverka killars våld mot tjejer?',
      answer: [
        'Vänsterpartiet är ett feministiskt parti. Vi menar att killars våld mot tjejer är en del av ett system, patriarkatet, där kvinnor systematiskt underordnas män genom att strukturellt missgynnas. I allt vårt politiska arbete har vi det feministiska perspektivet som en självklar del.',
      ],
    });
  });

  it('turns bullet lines into a list after the paragraph that introduces it', () => {
    const centre = interview(result, 'adventsfragestund-2020/centerpartiet');
    const answer = centre.qa[1]?.answer ?? [];
    expect(answer).toHaveLength(2);
    expect(answer[0]).toBe('Några exempel på det som vi i Centerpartiet vill är:');
    const list = answer[1];
    expect(typeof list === 'string' ? [] : list?.list).toHaveLength(6);
    expect(typeof list === 'string' ? undefined : list?.list[0]).toBe(
      'Stärka det normkritiska arbetet i förskola och skola, genom att politiskt visa att detta är prioriterat, kompetensutveckla, och möjliggöra för ett aktivt nätverksarbete.',
    );

    // A paragraph that introduces a list without a colon.
    const liberals = interview(result, 'adventsfragestund-2020/liberalerna');
    const first = liberals.qa[0]?.answer ?? [];
    expect(first.map((block) => (typeof block === 'string' ? 'text' : block.list.length))).toEqual([
      'text',
      3,
    ]);
    expect(first[0]).toMatch(/Liberalerna vill bland annat se$/u);
  });

  it('keeps a line ending in a colon followed by a paragraph as two paragraphs', () => {
    const left = interview(result, 'adventsfragestund-2020/vansterpartiet');
    expect(left.qa[2]?.answer[0]).toBe('Sedan 2010 har följande motioner lagts som berör ämnet:');
    expect(left.qa[2]?.answer[1]).toMatch(
      /^Motion om feministiskt självförsvar, motion om genusförskola, motion om /u,
    );
  });

  it('keeps no-break spaces inside text and normalises other whitespace', () => {
    const drevviken = interview(result, 'adventsfragestund-2020/drevvikenpartiet');
    expect(drevviken.qa[5]?.question).toBe(
      `Finns det några konkreta förslag hos${NBSP}Drevvikenpartiet för att stärka, stötta och bevara den ideella jourrörelsen?`,
    );
    for (const text of allTexts(result)) {
      expect(text).toBe(text.trim());
      expect(text).not.toMatch(/\s\s/u);
      expect(text).not.toMatch(/^[🎄🌈]/u);
    }
  });
});

describe('importPage on pages it was not written against', () => {
  it('reads a campaign with a VS16 marker, a heading dressed in emoji, a two-word local party and the same quirks', () => {
    const result = importFixture('valfragor-2022.txt');
    expect(result).toEqual({
      campaigns: [{ id: 'valfragor-2022', title: 'Valfrågor 2022', marker: '❤️' }],
      interviews: [
        {
          id: 'valfragor-2022/miljopartiet',
          campaign: 'valfragor-2022',
          party: 'Miljöpartiet',
          interviewee: { name: 'Amanda Lind', role: 'gruppledare' },
          publishedOn: '2022-09-05',
          intro:
            'Vi intervjuade Amanda Lind (gruppledare) om partiets arbete mot våld i nära relationer. Ett utdrag publicerades på vår Instagram 5 september 2022.',
          qa: [
            {
              id: 'q1',
              question: 'Hur arbetar Miljöpartiet för att förebygga våld i nära relationer?',
              answer: [
                'Miljöpartiet vill att alla barn ska få lära sig om samtycke. Det börjar redan i förskolan.',
                'Det här vill vi se:',
                {
                  list: [
                    'Fler kuratorer i skolan.',
                    'Trygga vägar hem:',
                    'Belysning och öppna lokaler.',
                  ],
                },
              ],
            },
            {
              id: 'q2',
              question: 'Vad kan kommunen göra bättre?',
              answer: [
                `Mycket. Vem ska annars ta ansvar? Det är kommunens uppgift att samordna arbetet, och vi vill lägga 55${NBSP}000 kronor på det.`,
              ],
            },
            {
              id: 'q3',
              question: 'Hur kan Miljöpartiet stödja de ideella jourerna?',
              answer: ['Med långsiktiga avtal.'],
            },
          ],
        },
        {
          id: 'valfragor-2022/kristdemokraterna',
          campaign: 'valfragor-2022',
          party: 'Kristdemokraterna',
          interviewee: { name: 'Lars Ek', role: 'ledamot i socialnämnden' },
          publishedOn: '2022-09-06',
          intro:
            'Vi intervjuade Lars Ek (ledamot i socialnämnden) om partiets arbete mot våld i nära relationer. Ett utdrag publicerades på vår Instagram 6 september 2022.',
          qa: [
            {
              id: 'q1',
              question: 'Hur arbetar Kristdemokraterna för att förebygga våld i nära relationer?',
              answer: ['Kristdemokraterna vill stärka familjerna och stödet till föräldrar.'],
            },
            {
              id: 'q2',
              question: 'Vad kan kommunen göra bättre?',
              answer: ['Vi behöver fler poliser. Varför dröjer det? Det vet ingen.'],
            },
            {
              id: 'q3',
              question: 'Hur kan Kristdemokraterna stödja de ideella jourerna?',
              answer: [
                'Kristdemokraterna vill bland annat',
                { list: ['höja bidragen till jourerna,', 'ge dem lokaler.'] },
                'Det är vår linje.',
              ],
            },
          ],
        },
        {
          id: 'valfragor-2022/botkyrka-framat',
          campaign: 'valfragor-2022',
          party: 'Botkyrka Framåt',
          interviewee: { name: 'Ebba af Klint', role: 'ordförande' },
          publishedOn: '2022-09-07',
          intro:
            'Vi intervjuade Ebba af Klint (ordförande) om partiets arbete mot våld i nära relationer. Ett utdrag publicerades på vår Instagram 7 september 2022.',
          qa: [
            {
              id: 'q1',
              question: 'Hur arbetar Botkyrka Framåt för att förebygga våld i nära relationer?',
              answer: ['Vi lyssnar på de unga.'],
            },
            {
              id: 'q2',
              question: 'Vad kan kommunen göra bättre?',
              answer: ['Samarbeta mer med föreningarna.'],
            },
            {
              id: 'q3',
              question: `Hur kan Botkyrka${NBSP}Framåt stödja de ideella jourerna?`,
              answer: ['Vi vill ge jourerna fler lokaler.'],
            },
            {
              id: 'q4',
              question: 'Vilken fråga är viktigast för er?',
              answer: ['Tryggheten.'],
            },
          ],
        },
      ],
    });
  });

  it('reads two campaigns, a ZWJ marker, an unmarked glued question, a marker on a line of its own and a single-interview campaign', () => {
    const result = importFixture('sommarsnack-2021.txt');
    expect(result).toEqual({
      campaigns: [
        { id: 'sommarsnack-2021', title: 'Sommarsnack 2021', marker: '⭐️' },
        { id: 'hostens-fragor-2021', title: 'Höstens frågor 2021', marker: '🏳️‍🌈' },
      ],
      interviews: [
        {
          id: 'sommarsnack-2021/sverigedemokraterna',
          campaign: 'sommarsnack-2021',
          party: 'Sverigedemokraterna',
          interviewee: { name: 'Nils Berg', role: 'kommunfullmäktigeledamot' },
          // The intro has two dates; the one after "publicerades" is the Instagram date.
          publishedOn: '2021-06-10',
          intro:
            'Vi träffade Nils Berg (kommunfullmäktigeledamot) den 3 juni 2021, och ett utdrag av samtalet publicerades på vår Instagram 10 juni 2021.',
          qa: [
            {
              id: 'q1',
              question: 'Vad gör Sverigedemokraterna för att unga ska känna sig trygga?',
              // A line led by another emoji is answer text, not a question.
              answer: [
                'Vi vill ha fler vuxna ute på kvällarna.',
                '👉 Läs hela vårt program på vår hemsida.',
              ],
            },
            {
              id: 'q2',
              question: 'Hur tycker ni att skolan ska arbeta med samtycke?',
              answer: [
                'Det är en fråga för lärarna. Men vad säger eleverna själva? Det vill vi veta.',
              ],
            },
            {
              id: 'q3',
              question: `Vilka förslag hos${NBSP}Sverigedemokraterna handlar om våld mot tjejer?`,
              answer: ['Hårdare straff.'],
            },
          ],
        },
        {
          id: 'sommarsnack-2021/kristdemokraterna',
          campaign: 'sommarsnack-2021',
          party: 'Kristdemokraterna',
          interviewee: { name: 'Maria Öst-Lund', role: 'oppositionsråd' },
          publishedOn: '2021-06-11',
          intro:
            'Vi träffade Maria Öst-Lund (oppositionsråd) och ett utdrag av samtalet publicerades på vår Instagram 11 juni 2021.',
          qa: [
            {
              id: 'q1',
              question: 'Vad gör Kristdemokraterna för att unga ska känna sig trygga?',
              answer: ['Kristdemokraterna satsar på fritidsgårdarna.'],
            },
            {
              id: 'q2',
              question: 'Hur tycker ni att skolan ska arbeta med samtycke?',
              answer: ['Skolan ska undervisa om samtycke från tidig ålder.'],
            },
            {
              id: 'q3',
              question: 'Vilka förslag hos Kristdemokraterna handlar om våld mot tjejer?',
              answer: [
                'Vi har två förslag som är viktiga för oss. Vilka? Dessa:',
                { list: ['Fler kvinnojourer.', 'Utbildning för socialtjänsten.'] },
              ],
            },
          ],
        },
        {
          id: 'hostens-fragor-2021/tumbapartiet',
          campaign: 'hostens-fragor-2021',
          party: 'Tumbapartiet',
          interviewee: { name: 'Kim Sandberg', role: 'gruppledare' },
          publishedOn: '2021-10-02',
          // An intro over two lines is read as one.
          intro:
            'Vi intervjuade Kim Sandberg (gruppledare) om HBTQ-personers trygghet. Ett utdrag publicerades på vår Instagram 2 oktober 2021. Här på vår hemsida kan du läsa hela intervjun.',
          qa: [
            {
              id: 'q1',
              question: 'Vad har Tumbapartiet gjort för HBTQ-personer i Botkyrka?',
              answer: ['Vi har drivit frågan om en regnbågsmärkt fritidsgård.'],
            },
            {
              id: 'q2',
              question: 'Hur arbetar Tumbapartiet vidare?',
              answer: ['Med fler mötesplatser.'],
            },
          ],
        },
      ],
    });
  });

  it('reads Windows line endings the same way', () => {
    const text = readPage('valfragor-2022.txt');
    expect(importPage(text.replace(/\n/gu, '\r\n'))).toEqual(importPage(text));
  });
});

/** A page the importer must refuse, and what it says: in English (terminal) and Swedish (studio). */
interface Failure {
  source: string;
  text: string;
  message: string;
  hint: RegExp;
  sv: string;
  svHint: RegExp;
}

function brokenFixture(name: string, failure: Omit<Failure, 'source' | 'text'>): Failure {
  const source = `broken/${name}`;
  return { source, text: readPage(source), ...failure };
}

const INTRO =
  'Vi intervjuade Anna Ek (kommunalråd). Ett utdrag publicerades på vår Instagram 16 december 2020.';

/** A page of paragraphs, one a line, as pasted (blank lines between). */
function page(...paragraphs: string[]): string {
  return paragraphs.join('\n\n');
}

/** Every failure the importer's tests provoke; each must say what is wrong in Swedish too. */
const failures: Failure[] = [
  brokenFixture('no-heading.txt', {
    message: 'broken/no-heading.txt:1: found no campaign heading, so no interview',
    hint: /campaign's name on a line of its own/u,
    sv: 'Rad 1: Sidan har ingen rubrik med kampanjens namn, så ingen intervju hittades.',
    svHint:
      /^Varje intervju börjar med kampanjens namn på en egen rad \(till exempel ”Adventsfrågestund 2020”\)/u,
  }),
  brokenFixture('intro-without-heading.txt', {
    message: 'broken/intro-without-heading.txt:1: an intro without a campaign heading above it',
    hint: /put the campaign's name on the line above the intro/u,
    sv: 'Rad 1: Ovanför inledningen saknas en rubrik med kampanjens namn.',
    svHint:
      /^Skriv kampanjens namn på raden ovanför inledningen, till exempel ”Adventsfrågestund 2020”\.$/u,
  }),
  brokenFixture('intro-without-date.txt', {
    message: 'broken/intro-without-date.txt:3: the intro gives no publication date',
    hint: /publicerades på vår Instagram 16 december 2020/u,
    sv: 'Rad 3: Inledningen har inget datum för när utdraget publicerades.',
    svHint: /”publicerades på vår Instagram 16 december 2020”/u,
  }),
  brokenFixture('intro-without-role.txt', {
    message:
      'broken/intro-without-role.txt:3: the intro names no interviewee with a role in parentheses',
    hint: /Christian Ottosson \(kommunalråd\)/u,
    sv: 'Rad 3: Inledningen saknar den intervjuades namn med rollen inom parentes.',
    svHint:
      /^Skriv namn och roll så som sidan brukar: ”Vi intervjuade Christian Ottosson \(kommunalråd\)/u,
  }),
  brokenFixture('impossible-date.txt', {
    message: 'broken/impossible-date.txt:3: "31 november 2020" is not a real date',
    hint: /day of the month/u,
    sv: 'Rad 3: ”31 november 2020” är inget riktigt datum.',
    svHint: /^Rätta dagen i månaden\.$/u,
  }),
  brokenFixture('question-without-answer.txt', {
    message:
      'broken/question-without-answer.txt:5: the question "Hur arbetar Centerpartiet för att motverka våld?" has no answer',
    hint: /write the answer below the question/u,
    sv: 'Rad 5: Frågan ”Hur arbetar Centerpartiet för att motverka våld?” har inget svar.',
    svHint: /^Skriv svaret under frågan, eller ta bort frågan\.$/u,
  }),
  brokenFixture('same-party-twice.txt', {
    message:
      'broken/same-party-twice.txt:9: a second interview with Centerpartiet in "Adventsfrågestund 2020" (the first starts at line 1)',
    hint: /one interview a campaign/u,
    sv: 'Rad 9: Centerpartiet har redan en intervju i ”Adventsfrågestund 2020” (den första börjar på rad 1).',
    svHint: /^Varje parti har en intervju per kampanj/u,
  }),
  brokenFixture('no-party.txt', {
    message: 'broken/no-party.txt:3: cannot tell which party this interview is with',
    hint: /name it in one/u,
    sv: 'Rad 3: Det går inte att se vilket parti intervjun är med.',
    svHint: /nämn det i någon av dem, till exempel ”Hur arbetar Centerpartiet för …\?”$/u,
  }),
  {
    source: 'no-marker.txt',
    text: page(
      'Advent 2020',
      INTRO,
      'Hur arbetar Centerpartiet för att motverka våld?',
      'Med skolan.',
    ),
    message: 'no-marker.txt:1: no question of "Advent 2020" starts with an emoji',
    hint: /put the campaign's emoji \(e\.g\. 🎄\) before each question/u,
    sv: 'Rad 1: Ingen fråga i ”Advent 2020” börjar med en emoji.',
    svHint: /^Sätt kampanjens emoji \(till exempel 🎄\) före varje fråga/u,
  },
  {
    source: 'marker-before-a-list.txt',
    text: page(
      'Advent 2020',
      INTRO,
      '🎄 Hur arbetar Centerpartiet för att motverka våld?',
      'Med skolan.',
      '🎄',
      '• en punkt',
    ),
    message: 'marker-before-a-list.txt:9: a question marker with no question after it',
    hint: /write the question after the marker, on the same line/u,
    sv: 'Rad 9: Kampanjens emoji står här utan någon fråga efter sig.',
    svHint: /^Skriv frågan efter emojin, på samma rad\.$/u,
  },
  {
    source: 'marker-at-the-end.txt',
    text: page(
      'Advent 2020',
      INTRO,
      '🎄 Hur arbetar Centerpartiet för att motverka våld?',
      'Med skolan.',
      '🎄',
    ),
    message: 'marker-at-the-end.txt:9: a question marker with no question after it',
    hint: /write the question after the marker, on the same line/u,
    sv: 'Rad 9: Kampanjens emoji står här utan någon fråga efter sig.',
    svHint: /^Skriv frågan efter emojin, på samma rad\.$/u,
  },
  {
    source: 'other-emoji-first.txt',
    text: page(
      'Advent 2020',
      INTRO,
      '⭐ Välkomna',
      '🎄 Hur arbetar Centerpartiet för att motverka våld?',
      'Med skolan.',
      '🎄 Hur ser Centerpartiet på skolan?',
      'Bra.',
    ),
    message: 'other-emoji-first.txt:5: expected a question after the intro',
    hint: /start each question with the campaign's marker, e\.g\. "🎄 Hur arbetar …\?"/u,
    sv: 'Rad 5: Efter inledningen ska det komma en fråga.',
    svHint: /^Börja varje fråga med kampanjens emoji, till exempel ”🎄 Hur arbetar …\?”$/u,
  },
];

/** The InputError that `run` throws. */
function thrownBy(run: () => unknown): InputError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(InputError);
  return caught as InputError;
}

function provoke(failure: Failure): InputError {
  return thrownBy(() => importPage(failure.text, { source: failure.source }));
}

describe('importPage errors', () => {
  it.each(failures.map((failure) => [failure.source, failure] as const))('%s', (_, failure) => {
    const error = provoke(failure);
    expect(error.message).toBe(failure.message);
    expect(error.hint).toMatch(failure.hint);
    expect(error.sv?.message).toBe(failure.sv);
    expect(error.sv?.hint).toMatch(failure.svHint);
  });

  it('says every failure it provokes in Swedish too, naming the same line', () => {
    for (const failure of failures) {
      const { message, hint, sv } = provoke(failure);
      const line = new RegExp(`^${failure.source}:(\\d+): `, 'u').exec(message)?.[1];
      expect(line, message).toBeDefined();
      expect(sv?.message, message).toMatch(new RegExp(`^Rad ${line}: [\\p{Lu}”].*[.?!]$`, 'u'));
      expect(sv?.hint, message).toMatch(/^\p{Lu}.*[.?!”]$/u);
      // Swedish, not the English copied: the words after the line differ, and so do the hints.
      expect(sv?.message.slice(`Rad ${line}: `.length)).not.toBe(
        message.slice(`${failure.source}:${line}: `.length),
      );
      expect(sv?.hint).not.toBe(hint);
      // Quotes are Swedish: ”…” on both sides, never the English "…".
      expect(`${sv?.message} ${sv?.hint}`).not.toMatch(/["“]/u);
    }
  });

  it('reports an interview that does not come out valid as the data problems zod finds, in the same English', () => {
    // A heading with no letter a–z or digit makes an empty campaign id.
    let caught: unknown;
    try {
      importPage(
        page('Ωμέγα', INTRO, '🎄 Hur arbetar Centerpartiet för att motverka våld?', 'Med skolan.'),
        {
          source: 'page.txt',
        },
      );
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DataError);
    expect((caught as DataError).message).toBe(
      [
        'The data has 2 problems:',
        '  page.txt: interviews[0].id: must be <campaign-id>/<party>, both slugs, e.g. adventsfragestund-2020/centerpartiet',
        '  page.txt: interviews[0].campaign: must be a slug: lower case a–z, 0–9 and single dashes',
      ].join('\n'),
    );
  });

  it('names the page "page" when no source is given', () => {
    const error = thrownBy(() => importPage(''));
    expect(error.message).toBe('page:1: found no campaign heading, so no interview');
    // The Swedish names no file either way: the studio shows the pasted text.
    expect(error.sv?.message).toBe(
      'Rad 1: Sidan har ingen rubrik med kampanjens namn, så ingen intervju hittades.',
    );
  });
});

import type { AnswerBlock, Qa } from '../schema.js';
import type { Fail, Line } from './lines.js';
import { isMarked } from './markers.js';
import { partyFinder } from './party-name.js';
import type { Section } from './sections.js';

/**
 * The questions marked with the campaign's emoji, split from a glued answer by punctuation alone:
 * enough to compare interviews and find each one's party.
 */
export function collectMarkedQuestions(section: Section, marker: string): string[] {
  const questions: string[] = [];
  section.body.forEach((line, index) => {
    if (!isMarked(line, marker)) return;
    const next = section.body[index + 1];
    const text = line.rest !== '' ? line.rest : next?.kind === 'text' ? next.text : '';
    if (text !== '') questions.push(splitGlued(text).question);
  });
  return questions;
}

/**
 * A question glued to its answer: `…tjejer?Vänsterpartiet är…`. Only a `?` or `!` directly
 * followed by a letter is taken for the seam; a `?` followed by a space may be part of the question.
 */
function splitGlued(text: string): { question: string; rest: string } {
  const seam = /[?!](?=\p{L})/u.exec(text);
  if (seam === null) return { question: text, rest: '' };
  const end = seam.index + 1;
  return { question: text.slice(0, end).trim(), rest: text.slice(end).trim() };
}

/**
 * A question's text for comparing across interviews: the party's name and spacing left out. Made
 * once for a party, so that its finder is made once, not for every question compared.
 */
export function questionKeyer(party: string): (question: string) => string {
  const find = partyFinder(party);
  return (question) =>
    replaceRanges(question, find(question), '\u0000')
      .replace(/\s+/gu, ' ')
      .replace(/ ([?!.,:;])/gu, '$1')
      .trim()
      // Not toLocaleLowerCase('sv-SE'): Swedish has no casing rules of its own (Unicode's
      // SpecialCasing has them for Lithuanian, Turkish and Azeri only), so the result is the
      // same, while V8 spends ~7 µs resolving the locale on each call, and a long page makes
      // tens of thousands of calls.
      .toLowerCase();
}

function replaceRanges(text: string, ranges: [number, number][], by: string): string {
  if (ranges.length === 0) return text;
  let result = '';
  let from = 0;
  for (const [start, end] of ranges) {
    result += text.slice(from, start) + by;
    from = end;
  }
  return result + text.slice(from);
}

/** Whether another interview of the campaign was asked a question, by its key. */
export interface KnownQuestions {
  has(key: string): boolean;
}

/**
 * For each interview, the questions the other interviews of its campaign were asked (marked).
 * One count a campaign of the interviews asking each question, less the interview's own: not a
 * set for each interview of everyone else's questions, which grows with the square of them.
 */
export function indexKnownQuestions(
  sections: Section[],
  questions: string[][],
  parties: string[],
): KnownQuestions[] {
  const own = sections.map(
    (_, index) => new Set((questions[index] ?? []).map(questionKeyer(parties[index] ?? ''))),
  );
  const asking = new Map<string, Map<string, number>>();
  sections.forEach((section, index) => {
    const campaign = asking.get(section.campaignId) ?? new Map<string, number>();
    asking.set(section.campaignId, campaign);
    for (const key of own[index] ?? []) campaign.set(key, (campaign.get(key) ?? 0) + 1);
  });
  return sections.map((section, index) => ({
    has: (key) =>
      (asking.get(section.campaignId)?.get(key) ?? 0) - (own[index]?.has(key) === true ? 1 : 0) > 0,
  }));
}

/**
 * Splits a line that begins with a question asked in other interviews of the campaign: the
 * longest such beginning ending at a sentence mark is the question, the rest its answer.
 */
function matchKnown(
  text: string,
  keyOf: (question: string) => string,
  known: KnownQuestions,
): { question: string; rest: string } | undefined {
  // Each sentence mark ends a beginning to try, and so does the end of the line.
  const ends = Array.from(text.matchAll(/[?!.]/gu), (mark) => mark.index + 1);
  if (text.length > 0 && ends.at(-1) !== text.length) ends.push(text.length);
  const best = ends.findLast((end) => known.has(keyOf(text.slice(0, end))));
  if (best === undefined) return undefined;
  return { question: text.slice(0, best).trim(), rest: text.slice(best).trim() };
}

/** Said at two places: a marker on a line of its own, followed by no question. */
const markerOnlySv = {
  message: 'Kampanjens emoji står här utan någon fråga efter sig.',
  hint: 'Skriv frågan efter emojin, på samma rad.',
};

interface OpenQa {
  line: number;
  question: string;
  answer: AnswerBlock[];
}

/**
 * Reads the questions and answers of a section. A question is a line with the campaign's marker,
 * or, for the page's unmarked questions, a line that begins with a question asked in another
 * interview of the campaign. Anything else is answer: a `?` inside an answer is not a question.
 */
export function parseAnswers(
  section: Section,
  marker: string,
  party: string,
  known: KnownQuestions,
  fail: Fail,
): Qa[] {
  const keyOf = questionKeyer(party);
  const done: OpenQa[] = [];
  let open: OpenQa | undefined;
  let markerOnly: Line | undefined;
  const asked = new Set<string>();

  const close = (): void => {
    if (open === undefined) return;
    if (open.answer.length === 0) {
      fail(
        open.line,
        `the question "${open.question}" has no answer`,
        'write the answer below the question, or remove the question',
        {
          message: `Frågan ”${open.question}” har inget svar.`,
          hint: 'Skriv svaret under frågan, eller ta bort frågan.',
        },
      );
    }
    done.push(open);
  };
  const start = (line: number, split: { question: string; rest: string }): void => {
    close();
    open = { line, question: split.question, answer: split.rest === '' ? [] : [split.rest] };
    asked.add(keyOf(split.question));
  };
  const split = (text: string): { question: string; rest: string } =>
    matchKnown(text, keyOf, known) ?? splitGlued(text);

  for (const line of section.body) {
    if (markerOnly !== undefined) {
      if (line.kind !== 'text') {
        fail(
          markerOnly.number,
          'a question marker with no question after it',
          'write the question after the marker, on the same line',
          markerOnlySv,
        );
      }
      start(markerOnly.number, split(line.text));
      markerOnly = undefined;
      continue;
    }
    if (isMarked(line, marker)) {
      if (line.rest === '') markerOnly = line;
      else start(line.number, split(line.rest));
      continue;
    }
    if (line.kind === 'bullet') {
      if (open === undefined) {
        fail(
          line.number,
          'a bullet list before the first question',
          `put the campaign's marker before the question it answers`,
          {
            message: 'En punktlista står före den första frågan.',
            hint: 'Sätt kampanjens emoji före frågan som listan svarar på.',
          },
        );
      }
      const last = open.answer.at(-1);
      if (last !== undefined && typeof last !== 'string') last.list.push(line.rest);
      else open.answer.push({ list: [line.rest] });
      continue;
    }
    const unmarked = matchKnown(line.text, keyOf, known);
    if (unmarked !== undefined && !asked.has(keyOf(unmarked.question))) {
      start(line.number, unmarked);
      continue;
    }
    if (open === undefined) {
      if (!line.text.includes('?')) {
        fail(
          line.number,
          'expected a question after the intro',
          `start each question with the campaign's marker, e.g. "${markerExample(section, marker)} Hur arbetar …?"`,
          {
            message: 'Efter inledningen ska det komma en fråga.',
            hint: `Börja varje fråga med kampanjens emoji, till exempel ”${markerExample(section, marker)} Hur arbetar …?”`,
          },
        );
      }
      start(line.number, splitGlued(line.text));
      continue;
    }
    open.answer.push(line.text);
  }
  if (markerOnly !== undefined) {
    fail(
      markerOnly.number,
      'a question marker with no question after it',
      'write the question after the marker, on the same line',
      markerOnlySv,
    );
  }
  close();

  if (done.length === 0) {
    fail(
      section.intro.number,
      'an interview with no questions',
      `mark each question with the campaign's emoji`,
      {
        message: 'Intervjun har inga frågor.',
        hint: 'Märk ut varje fråga med kampanjens emoji.',
      },
    );
  }
  return done.map((qa, index) => ({
    id: `q${index + 1}`,
    question: qa.question,
    answer: qa.answer,
  }));
}

function markerExample(section: Section, marker: string): string {
  return section.body.find((line) => isMarked(line, marker))?.emoji ?? marker;
}

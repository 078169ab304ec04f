import type { AnswerBlock, Qa } from '../schema.js';
import type { Fail, Line } from './lines.js';
import { isMarked } from './markers.js';
import { partyPattern } from './parties.js';
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

/** A question's text for comparing across interviews: the party's name and spacing left out. */
export function questionKey(question: string, party: string): string {
  const withoutParty = party === '' ? question : question.replace(partyPattern(party), '\u0000');
  return withoutParty
    .replace(/\s+/gu, ' ')
    .replace(/ ([?!.,:;])/gu, '$1')
    .trim()
    .toLocaleLowerCase('sv-SE');
}

/**
 * Splits a line that begins with a question asked in other interviews of the campaign: the
 * longest such beginning ending at a sentence mark is the question, the rest its answer.
 */
function matchKnown(
  text: string,
  party: string,
  known: Set<string>,
): { question: string; rest: string } | undefined {
  let best: number | undefined;
  for (let end = 1; end <= text.length; end += 1) {
    const atSeam = end === text.length || /[?!.]/u.test(text.charAt(end - 1));
    if (atSeam && known.has(questionKey(text.slice(0, end), party))) best = end;
  }
  if (best === undefined) return undefined;
  return { question: text.slice(0, best).trim(), rest: text.slice(best).trim() };
}

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
  known: Set<string>,
  fail: Fail,
): Qa[] {
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
      );
    }
    done.push(open);
  };
  const start = (line: number, split: { question: string; rest: string }): void => {
    close();
    open = { line, question: split.question, answer: split.rest === '' ? [] : [split.rest] };
    asked.add(questionKey(split.question, party));
  };
  const split = (text: string): { question: string; rest: string } =>
    matchKnown(text, party, known) ?? splitGlued(text);

  for (const line of section.body) {
    if (markerOnly !== undefined) {
      if (line.kind !== 'text') {
        fail(
          markerOnly.number,
          'a question marker with no question after it',
          'write the question after the marker, on the same line',
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
        );
      }
      const last = open.answer.at(-1);
      if (last !== undefined && typeof last !== 'string') last.list.push(line.rest);
      else open.answer.push({ list: [line.rest] });
      continue;
    }
    const unmarked = matchKnown(line.text, party, known);
    if (unmarked !== undefined && !asked.has(questionKey(unmarked.question, party))) {
      start(line.number, unmarked);
      continue;
    }
    if (open === undefined) {
      if (!line.text.includes('?')) {
        fail(
          line.number,
          'expected a question after the intro',
          `start each question with the campaign's marker, e.g. "${markerExample(section, marker)} Hur arbetar …?"`,
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
    );
  }
  close();

  if (done.length === 0) {
    fail(
      section.intro.number,
      'an interview with no questions',
      `mark each question with the campaign's emoji`,
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

import type { Fail, Line } from './lines.js';

/** The interviewee the intro names. */
export interface Person {
  name: string;
  role: string;
}

export const INTRO_EXAMPLE =
  'Vi intervjuade Christian Ottosson (kommunalråd) … publicerades på vår Instagram 16 december 2020.';

const MONTHS = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
];

/** `16 december 2020`; the spaces may be no-break spaces. */
const DATE = new RegExp(`(\\d{1,2})\\s+(${MONTHS.join('|')})\\s+(\\d{4})`, 'giu');

/**
 * A name followed by a role in parentheses: `Christian Ottosson (kommunalråd)`. The name is a run
 * of capitalised words, allowing the lower-case particles of Swedish and other names.
 */
const PERSON =
  /(\p{Lu}[\p{L}\p{M}'’-]*(?:\s+(?:(?:af|av|von|van|de|der|den|la|le|di|da|el|al|bin|ibn)\s+)*\p{Lu}[\p{L}\p{M}'’-]*)*)\s*\(([^()]+)\)/u;

/** A line that could begin an intro: it names someone with a role, or gives a date. */
export function isIntroLike(line: Line): boolean {
  return line.kind === 'text' && (PERSON.test(line.text) || findDates(line.text).length > 0);
}

/** The full intro: a person with a role and a date. */
export function isIntro(line: Line): boolean {
  return line.kind === 'text' && PERSON.test(line.text) && findDates(line.text).length > 0;
}

function findDates(text: string): RegExpExecArray[] {
  return [...text.matchAll(DATE)];
}

/** The interviewee and their role, from the intro. */
export function readPerson(intro: Line, fail: Fail): Person {
  const match = PERSON.exec(intro.text);
  if (match?.[1] === undefined || match[2] === undefined) {
    return fail(
      intro.number,
      'the intro names no interviewee with a role in parentheses',
      `write the name and the role as the page does: "${INTRO_EXAMPLE}"`,
      {
        message: 'Inledningen saknar den intervjuades namn med rollen inom parentes.',
        hint: `Skriv namn och roll så som sidan brukar: ”${INTRO_EXAMPLE}”`,
      },
    );
  }
  return { name: match[1].trim(), role: match[2].replace(/\s+/gu, ' ').trim() };
}

/** The Instagram date, YYYY-MM-DD: the one after "publicerades" when the intro gives more than one. */
export function readDate(intro: Line, fail: Fail): string {
  const text = intro.text;
  const dates = findDates(text);
  const published = text.search(/publicera/iu);
  const match = dates.find((date) => published >= 0 && date.index >= published) ?? dates[0];
  if (match === undefined) {
    return fail(
      intro.number,
      'the intro gives no publication date',
      `write the date the excerpt was posted, e.g. "publicerades på vår Instagram 16 december 2020"`,
      {
        message: 'Inledningen har inget datum för när utdraget publicerades.',
        hint: 'Skriv datumet då utdraget lades ut, till exempel ”publicerades på vår Instagram 16 december 2020”.',
      },
    );
  }
  const day = Number(match[1]);
  const month = MONTHS.indexOf((match[2] ?? '').toLowerCase()) + 1;
  const year = Number(match[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) {
    return fail(intro.number, `"${match[0]}" is not a real date`, 'correct the day of the month', {
      message: `”${match[0]}” är inget riktigt datum.`,
      hint: 'Rätta dagen i månaden.',
    });
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

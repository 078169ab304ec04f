import { DataError, InputError } from '../errors.js';
import { interviewSchema, type AnswerBlock, type Interview, type Qa } from './schema.js';
import { slugify } from './slug.js';

/**
 * The importer: turns a page in the source's format (PRODUCT.md, FACTS.md "The source page's
 * quirks") into interviews. A page is a title and a preamble, then sections, each a campaign
 * heading line, an intro naming the interviewee (role) and the Instagram date, and questions
 * marked with the campaign's emoji, each followed by its answer: paragraphs, and bullet lists
 * written as lines starting with `•`.
 *
 * Pure: text in, data out. Every interview is validated with interviewSchema.
 */

export interface ImportedCampaign {
  id: string;
  title: string;
  marker: string;
}

export interface ImportResult {
  campaigns: ImportedCampaign[];
  interviews: Interview[];
}

export interface ImportOptions {
  /** The page's file name, for error messages. */
  source?: string;
}

/** One non-empty line of the page, whitespace normalised, with its 1-based line number. */
interface Line {
  number: number;
  text: string;
  kind: 'text' | 'bullet' | 'emoji';
  /** The leading emoji sequence of an `emoji` line. */
  emoji?: string;
  /** The text after the bullet or the emoji, trimmed. */
  rest: string;
}

interface Section {
  title: string;
  campaignId: string;
  heading: Line;
  intro: Line;
  body: Line[];
}

interface Person {
  name: string;
  role: string;
}

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

/**
 * One emoji: a flag, a keycap, or a pictograph with its optional VS16 and skin tone, joined to
 * more by ZWJ (🏳️‍🌈). FE0F is optional because pages write ❤️ and ❤ alike.
 */
const EMOJI = String.raw`(?:\p{Regional_Indicator}{2}|[#*0-9]\uFE0F?\u20E3|\p{Extended_Pictographic}\uFE0F?\p{Emoji_Modifier}?(?:\u200D\p{Extended_Pictographic}\uFE0F?\p{Emoji_Modifier}?)*)`;
const LEADING_EMOJI = new RegExp(`^(?:${EMOJI})+`, 'u');

/** Bullet characters seen in pasted web pages; checked before emoji (▪ is also an emoji). */
const BULLET = /^[•◦▪‣●∙·]\s*/u;

/** A heading is a short line; longer ones are sentences of a preamble or an answer. */
const MAX_HEADING_LENGTH = 80;

/**
 * Only a help when a campaign has a single interview and the party cannot be derived by
 * comparing questions across interviews.
 */
const KNOWN_PARTIES = [
  'Socialdemokraterna',
  'Moderaterna',
  'Sverigedemokraterna',
  'Centerpartiet',
  'Vänsterpartiet',
  'Kristdemokraterna',
  'Liberalerna',
  'Miljöpartiet',
];

const HEADING_EXAMPLE = 'Adventsfrågestund 2020';
const INTRO_EXAMPLE =
  'Vi intervjuade Christian Ottosson (kommunalråd) … publicerades på vår Instagram 16 december 2020.';

/** Parses a page in the source's format into campaigns and validated interviews. */
export function importPage(text: string, options: ImportOptions = {}): ImportResult {
  const source = options.source ?? 'page';
  const fail: Fail = (line, message, hint) => {
    throw new InputError(`${source}:${line}: ${message}`, { hint });
  };

  const lines = readLines(text);
  const sections = findSections(lines, fail);
  const people = sections.map((section) => readPerson(section, fail));
  const dates = sections.map((section) => readDate(section, fail));

  const markers = chooseMarkers(sections, fail);
  const firstQuestions = sections.map((section) =>
    collectMarkedQuestions(section, markers.get(section.campaignId)?.key ?? ''),
  );
  const parties = deriveParties(sections, firstQuestions, fail);

  const campaigns: ImportedCampaign[] = [];
  for (const section of sections) {
    if (!campaigns.some((campaign) => campaign.id === section.campaignId)) {
      const marker = markers.get(section.campaignId);
      campaigns.push({ id: section.campaignId, title: section.title, marker: marker?.raw ?? '' });
    }
  }

  const seen = new Map<string, number>();
  const interviews = sections.map((section, index) => {
    const party = parties[index] ?? '';
    const known = new Set<string>();
    sections.forEach((other, otherIndex) => {
      if (otherIndex === index || other.campaignId !== section.campaignId) return;
      for (const question of firstQuestions[otherIndex] ?? []) {
        known.add(questionKey(question, parties[otherIndex] ?? ''));
      }
    });
    const marker = markers.get(section.campaignId)?.key ?? '';
    const qa = parseAnswers(section, marker, party, known, fail);

    const id = `${section.campaignId}/${slugify(party)}`;
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      fail(
        section.heading.number,
        `a second interview with ${party} in "${section.title}" (the first starts at line ${earlier})`,
        'each party has one interview a campaign: remove the duplicate or give it its own campaign heading',
      );
    }
    seen.set(id, section.heading.number);

    return validateInterview(
      {
        id,
        campaign: section.campaignId,
        party,
        interviewee: people[index] as Person,
        publishedOn: dates[index] as string,
        intro: section.intro.text,
        qa,
      },
      source,
      index,
    );
  });

  return { campaigns, interviews };
}

function readLines(text: string): Line[] {
  const lines: Line[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = normaliseLine(raw);
    if (line === '') return;
    const bullet = BULLET.exec(line);
    if (bullet !== null) {
      lines.push({
        number: index + 1,
        text: line,
        kind: 'bullet',
        rest: line.slice(bullet[0].length),
      });
      return;
    }
    const emoji = LEADING_EMOJI.exec(line);
    if (emoji !== null) {
      const rest = line.slice(emoji[0].length).trim();
      lines.push({ number: index + 1, text: line, kind: 'emoji', emoji: emoji[0], rest });
      return;
    }
    lines.push({ number: index + 1, text: line, kind: 'text', rest: line });
  });
  return lines;
}

/**
 * Trims a line and collapses runs of whitespace to one space. A lone no-break space is kept on
 * purpose (it holds words together on a slide); a run that mixes it with ordinary spaces is what
 * web editors make of a double space, so it becomes one ordinary space.
 */
function normaliseLine(raw: string): string {
  return raw
    .replace(/[\u200B\uFEFF]/gu, '')
    .replace(/\s+/gu, (run) => (/^[\u00A0\u202F]+$/u.test(run) ? run.charAt(0) : ' '))
    .trim();
}

const TRAILING_EMOJI = new RegExp(`\\s*(?:${EMOJI})+$`, 'u');

/** A heading's text without the emoji a page may dress it in ("🎄 Adventsfrågestund 2020 🎄"). */
function headingTitle(line: Line): string {
  return line.rest.replace(TRAILING_EMOJI, '').trim();
}

function isHeadingLike(line: Line): boolean {
  const title = headingTitle(line);
  return (
    line.kind !== 'bullet' &&
    title !== '' &&
    title.length <= MAX_HEADING_LENGTH &&
    !/[.!?:;,]$/u.test(title)
  );
}

function isIntroLike(line: Line): boolean {
  return line.kind === 'text' && (PERSON.test(line.text) || findDates(line.text).length > 0);
}

/** A question opens with an emoji or asks something; an intro is followed by one. */
function looksLikeQuestion(line: Line | undefined): boolean {
  return (
    line !== undefined &&
    (line.kind === 'emoji' || (line.kind === 'text' && line.text.includes('?')))
  );
}

type Fail = (line: number, message: string, hint: string) => never;

/**
 * A section starts at a short heading line followed by an intro (a line naming someone with a
 * role in parentheses, or giving a date) that is followed by a question. Requiring all three keeps
 * short answer paragraphs from passing for headings.
 */
function findSections(lines: Line[], fail: Fail): Section[] {
  const starts: { index: number; introLines: number }[] = [];
  for (let index = 0; index + 1 < lines.length; index += 1) {
    const heading = lines[index];
    const introLines = measureIntro(lines, index + 1);
    if (heading !== undefined && isHeadingLike(heading) && introLines > 0) {
      starts.push({ index, introLines });
    }
  }

  checkNoStrayInterview(lines.slice(0, starts[0]?.index ?? lines.length), fail);
  if (starts.length === 0) {
    fail(
      lines[0]?.number ?? 1,
      'found no campaign heading, so no interview',
      `each interview starts with the campaign's name on a line of its own (e.g. "${HEADING_EXAMPLE}"), then an intro (e.g. "${INTRO_EXAMPLE}"), then the questions`,
    );
  }

  return starts.map(({ index, introLines }, position) => {
    const heading = lines[index] as Line;
    const introParts = lines.slice(index + 1, index + 1 + introLines);
    const first = introParts[0] as Line;
    const intro = { ...first, text: introParts.map((line) => line.text).join(' ') };
    const end = starts[position + 1]?.index ?? lines.length;
    const body = lines.slice(index + 1 + introLines, end);
    checkNoStrayInterview(body, fail);
    const title = headingTitle(heading);
    return { title, campaignId: slugify(title), heading, intro, body };
  });
}

/** An intro may run over a few lines ("Här på vår hemsida …" on a line of its own). */
const MAX_INTRO_LINES = 3;

/**
 * How many lines the intro starting at `index` has, counting until the first question; 0 when
 * that line does not start an intro. Only a full intro (a person and a date) may run over more
 * than one line, so that a short answer paragraph does not start a section.
 */
function measureIntro(lines: Line[], index: number): number {
  const first = lines[index];
  if (first === undefined || !isIntroLike(first)) return 0;
  const limit = isIntro(first) ? MAX_INTRO_LINES : 1;
  for (let count = 1; count <= limit; count += 1) {
    const next = lines[index + count];
    if (looksLikeQuestion(next)) return count;
    if (next?.kind !== 'text') return 0;
  }
  return 0;
}

/** An intro where no section can hold it: a heading is missing above it. */
function checkNoStrayInterview(lines: Line[], fail: Fail): void {
  lines.forEach((line, index) => {
    if (isIntro(line) && measureIntro(lines, index) > 0) {
      fail(
        line.number,
        'an intro without a campaign heading above it',
        `put the campaign's name on the line above the intro, e.g. "${HEADING_EXAMPLE}"`,
      );
    }
  });
}

/** The full intro: a person with a role and a date. */
function isIntro(line: Line): boolean {
  return line.kind === 'text' && PERSON.test(line.text) && findDates(line.text).length > 0;
}

interface Marker {
  /** As the page writes it most often. */
  raw: string;
  /** Without VS16, for comparing. */
  key: string;
}

function markerKey(emoji: string): string {
  return emoji.replace(/\uFE0F/gu, '');
}

/** A campaign's marker is the emoji most of its lines start with. */
function chooseMarkers(sections: Section[], fail: Fail): Map<string, Marker> {
  const counts = new Map<string, Map<string, number>>();
  for (const section of sections) {
    const campaignCounts = counts.get(section.campaignId) ?? new Map<string, number>();
    counts.set(section.campaignId, campaignCounts);
    for (const line of section.body) {
      if (line.emoji !== undefined) {
        campaignCounts.set(line.emoji, (campaignCounts.get(line.emoji) ?? 0) + 1);
      }
    }
  }

  const markers = new Map<string, Marker>();
  for (const [campaignId, campaignCounts] of counts) {
    const byKey = new Map<string, number>();
    for (const [emoji, count] of campaignCounts) {
      byKey.set(markerKey(emoji), (byKey.get(markerKey(emoji)) ?? 0) + count);
    }
    const key = mostCommon(byKey);
    if (key === undefined) {
      const section = sections.find((candidate) => candidate.campaignId === campaignId) as Section;
      fail(
        section.heading.number,
        `no question of "${section.title}" starts with an emoji`,
        "put the campaign's emoji (e.g. 🎄) before each question, as the page does",
      );
    }
    const raws = new Map([...campaignCounts].filter(([emoji]) => markerKey(emoji) === key));
    markers.set(campaignId, { raw: mostCommon(raws) ?? '', key: key ?? '' });
  }
  return markers;
}

/** The key with the highest count; the first one seen on a tie. */
function mostCommon(counts: Map<string, number>): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const [key, count] of counts) {
    if (count > bestCount) {
      best = key;
      bestCount = count;
    }
  }
  return best;
}

function isMarked(line: Line, marker: string): boolean {
  return line.emoji !== undefined && markerKey(line.emoji) === marker;
}

/**
 * The questions marked with the campaign's emoji, split from a glued answer by punctuation alone:
 * enough to compare interviews and find each one's party.
 */
function collectMarkedQuestions(section: Section, marker: string): string[] {
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

function tokenise(text: string): string[] {
  return text.match(/[\p{L}\p{M}\p{N}]+(?:['’:-][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu) ?? [];
}

function isCapitalised(token: string): boolean {
  return /^\p{Lu}/u.test(token);
}

/** The most words a party's name may have. */
const MAX_PARTY_WORDS = 4;
/** Questions must share at least this many tokens around the difference to be compared. */
const MIN_SHARED_TOKENS = 3;

/**
 * Every interview of a campaign gets the same questions with its own party's name in them
 * ("Hur arbetar Centerpartiet för …", "… hos Drevvikenpartiet …"). Comparing two interviews'
 * questions token by token, what differs between an otherwise equal pair, when it is capitalised
 * words on both sides, is each one's party. The votes over all pairs decide.
 */
function deriveParties(sections: Section[], questions: string[][], fail: Fail): string[] {
  const votes = sections.map(() => new Map<string, number>());
  const tokens = questions.map((list) => list.map(tokenise));

  sections.forEach((section, a) => {
    sections.forEach((other, b) => {
      if (b <= a || other.campaignId !== section.campaignId) return;
      for (const left of tokens[a] ?? []) {
        for (const right of tokens[b] ?? []) {
          const difference = differingWords(left, right);
          if (difference === undefined) continue;
          const [leftName, rightName] = difference;
          votes[a]?.set(leftName, (votes[a]?.get(leftName) ?? 0) + 1);
          votes[b]?.set(rightName, (votes[b]?.get(rightName) ?? 0) + 1);
        }
      }
    });
  });

  return sections.map((section, index) => {
    const sectionVotes = mergeGenitives(votes[index] ?? new Map<string, number>());
    const party =
      mostCommon(sectionVotes) ??
      findKnownParty(questions[index] ?? []) ??
      findPartyByPattern(questions[index] ?? []);
    if (party === undefined) {
      fail(
        section.intro.number,
        'cannot tell which party this interview is with',
        'the party is read from the questions: name it in one, e.g. "Hur arbetar Centerpartiet för …?"',
      );
    }
    return party as string;
  });
}

/** The capitalised words where two otherwise equal questions differ, when that is all they differ in. */
function differingWords(left: string[], right: string[]): [string, string] | undefined {
  const shortest = Math.min(left.length, right.length);
  let prefix = 0;
  while (prefix < shortest && left[prefix] === right[prefix]) prefix += 1;
  let suffix = 0;
  while (
    suffix < shortest - prefix &&
    left[left.length - 1 - suffix] === right[right.length - 1 - suffix]
  ) {
    suffix += 1;
  }
  if (prefix + suffix < MIN_SHARED_TOKENS) return undefined;
  const leftMiddle = left.slice(prefix, left.length - suffix);
  const rightMiddle = right.slice(prefix, right.length - suffix);
  const isName = (middle: string[]): boolean =>
    middle.length >= 1 && middle.length <= MAX_PARTY_WORDS && middle.every(isCapitalised);
  if (!isName(leftMiddle) || !isName(rightMiddle)) return undefined;
  return [leftMiddle.join(' '), rightMiddle.join(' ')];
}

/** "Centerpartiets" counts for "Centerpartiet" when both were found. */
function mergeGenitives(votes: Map<string, number>): Map<string, number> {
  const merged = new Map(votes);
  for (const [name, count] of votes) {
    const stem = name.slice(0, -1);
    if (name.endsWith('s') && merged.has(stem)) {
      merged.set(stem, (merged.get(stem) ?? 0) + count);
      merged.delete(name);
    }
  }
  return merged;
}

function findKnownParty(questions: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const party of KNOWN_PARTIES) {
    const count = questions.filter((question) => partyPattern(party).test(question)).length;
    if (count > 0) counts.set(party, count);
  }
  return mostCommon(counts);
}

/** The capitalised words after "arbetar", "hos", "har" or "ser", as in the usual questions. */
function findPartyByPattern(questions: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const question of questions) {
    const match =
      /(?:arbetar|hos|[Hh]ar|ser)\s+(\p{Lu}[\p{L}\p{M}-]*(?:\s+\p{Lu}[\p{L}\p{M}-]*)*)/u.exec(
        question,
      );
    if (match?.[1] !== undefined) counts.set(match[1], (counts.get(match[1]) ?? 0) + 1);
  }
  return mostCommon(counts);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** The party's name as a whole word (or its genitive), any whitespace between its words. */
function partyPattern(party: string): RegExp {
  const words = party.split(/\s+/u).map(escapeRegExp).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${words}(?=s?(?![\\p{L}\\p{N}]))`, 'gu');
}

/** A question's text for comparing across interviews: the party's name and spacing left out. */
function questionKey(question: string, party: string): string {
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
function parseAnswers(
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

function findDates(text: string): RegExpExecArray[] {
  return [...text.matchAll(DATE)];
}

function readPerson(section: Section, fail: Fail): Person {
  const match = PERSON.exec(section.intro.text);
  if (match?.[1] === undefined || match[2] === undefined) {
    return fail(
      section.intro.number,
      'the intro names no interviewee with a role in parentheses',
      `write the name and the role as the page does: "${INTRO_EXAMPLE}"`,
    );
  }
  return { name: match[1].trim(), role: match[2].replace(/\s+/gu, ' ').trim() };
}

/** The Instagram date: the one after "publicerades" when the intro gives more than one. */
function readDate(section: Section, fail: Fail): string {
  const text = section.intro.text;
  const dates = findDates(text);
  const published = text.search(/publicera/iu);
  const match = dates.find((date) => published >= 0 && date.index >= published) ?? dates[0];
  if (match === undefined) {
    return fail(
      section.intro.number,
      'the intro gives no publication date',
      `write the date the excerpt was posted, e.g. "publicerades på vår Instagram 16 december 2020"`,
    );
  }
  const day = Number(match[1]);
  const month = MONTHS.indexOf((match[2] ?? '').toLowerCase()) + 1;
  const year = Number(match[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) {
    return fail(
      section.intro.number,
      `"${match[0]}" is not a real date`,
      'correct the day of the month',
    );
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function validateInterview(interview: Interview, source: string, index: number): Interview {
  const result = interviewSchema.safeParse(interview);
  if (result.success) return result.data;
  throw new DataError(
    result.error.issues.map((issue) => ({
      file: source,
      where: `interviews[${index}]${issue.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('')}`,
      message: issue.message,
    })),
    { hint: 'the page was read, but an interview did not come out valid: check the lines named' },
  );
}

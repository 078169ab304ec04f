import { slugify } from '../slug.js';
import { INTRO_EXAMPLE, isIntro, isIntroLike } from './intro.js';
import { EMOJI, type Fail, type Line } from './lines.js';

/** One interview's lines: its campaign heading, its intro and the questions and answers after. */
export interface Section {
  title: string;
  campaignId: string;
  heading: Line;
  intro: Line;
  body: Line[];
}

export const HEADING_EXAMPLE = 'Adventsfrågestund 2020';

/** A heading is a short line; longer ones are sentences of a preamble or an answer. */
const MAX_HEADING_LENGTH = 80;

/** An intro may run over a few lines ("Här på vår hemsida …" on a line of its own). */
const MAX_INTRO_LINES = 3;

const TRAILING_EMOJI = new RegExp(`\\s*(?:${EMOJI})+$`, 'u');

/**
 * Cuts the page into sections. A section starts at a short heading line followed by an intro (a
 * line naming someone with a role in parentheses, or giving a date) that is followed by a
 * question. Requiring all three keeps short answer paragraphs from passing for headings.
 */
export function findSections(lines: Line[], fail: Fail): Section[] {
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
      {
        message: 'Sidan har ingen rubrik med kampanjens namn, så ingen intervju hittades.',
        hint: `Varje intervju börjar med kampanjens namn på en egen rad (till exempel ”${HEADING_EXAMPLE}”), sedan en inledning (till exempel ”${INTRO_EXAMPLE}”) och sist frågorna.`,
      },
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

/** A question opens with an emoji or asks something; an intro is followed by one. */
function looksLikeQuestion(line: Line | undefined): boolean {
  return (
    line !== undefined &&
    (line.kind === 'emoji' || (line.kind === 'text' && line.text.includes('?')))
  );
}

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
        {
          message: 'Ovanför inledningen saknas en rubrik med kampanjens namn.',
          hint: `Skriv kampanjens namn på raden ovanför inledningen, till exempel ”${HEADING_EXAMPLE}”.`,
        },
      );
    }
  });
}

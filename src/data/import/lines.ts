import type { InSwedish } from '../../issue.js';

/** One non-empty line of the page, whitespace normalised, with its 1-based line number. */
export interface Line {
  number: number;
  text: string;
  kind: 'text' | 'bullet' | 'emoji';
  /** The leading emoji sequence of an `emoji` line. */
  emoji?: string;
  /** The text after the bullet or the emoji, trimmed. */
  rest: string;
}

/**
 * Stops the import at a line of the page: throws an InputError naming the page and the line, in
 * English for the terminal and in Swedish (`sv`, without the line: `fail` adds `Rad N: `) for the
 * studio. The Swedish is required, hint and all, so that no failure reaches the studio in English.
 */
export type Fail = (line: number, message: string, hint: string, sv: Required<InSwedish>) => never;

/**
 * One emoji: a flag, a keycap, or a pictograph with its optional VS16 and skin tone, joined to
 * more by ZWJ (🏳️‍🌈). FE0F is optional because pages write ❤️ and ❤ alike.
 */
export const EMOJI = String.raw`(?:\p{Regional_Indicator}{2}|[#*0-9]\uFE0F?\u20E3|\p{Extended_Pictographic}\uFE0F?\p{Emoji_Modifier}?(?:\u200D\p{Extended_Pictographic}\uFE0F?\p{Emoji_Modifier}?)*)`;
const LEADING_EMOJI = new RegExp(`^(?:${EMOJI})+`, 'u');

/** Bullet characters seen in pasted web pages; checked before emoji (▪ is also an emoji). */
const BULLET = /^[•◦▪‣●∙·]\s*/u;

/** Splits the page into its non-empty lines, each classed as text, bullet or emoji-led. */
export function readLines(text: string): Line[] {
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

// hyphen is CommonJS whose exports Node cannot name statically: take the default export.
import swedish from 'hyphen/sv/index.js';
import { insertedHyphen } from './slide-plan.js';

/** Widths in pixels of each text, drawn in the style the text will have on the slide. */
export type MeasureWidths = (texts: readonly string[]) => Promise<number[]>;

/** Fewest letters left on either side of a hyphen: `hyphen`'s Swedish patterns split too eagerly. */
const minLetters = 3;

/** Positions inside `word` where Swedish patterns allow a break, with ≥3 letters either side. */
function hyphenationPoints(word: string): number[] {
  const marked = swedish.hyphenateSync(word, {
    hyphenChar: '\u00ad',
    minWordLength: 2 * minLetters,
  });
  const points: number[] = [];
  let position = 0;
  for (const char of marked) {
    if (char === '\u00ad') points.push(position);
    else position += char.length;
  }
  return points.filter((point) => point >= minLetters && word.length - point >= minLetters);
}

/** Every position between characters (code points), as a fallback for words without patterns. */
function characterPoints(word: string): number[] {
  const points: number[] = [];
  let position = 0;
  for (const char of word) {
    position += char.length;
    if (position < word.length) points.push(position);
  }
  return points;
}

async function breakWord(word: string, maxWidth: number, measure: MeasureWidths): Promise<string> {
  const pieces: string[] = [];
  let start = 0;
  while (true) {
    const rest = word.slice(start);
    const [restWidth] = await measure([rest]);
    if (restWidth! <= maxWidth) break;
    // Prefer Swedish hyphenation points; fall back to any character when none fits.
    let chosen: number | undefined;
    for (const candidates of [hyphenationPoints(word), characterPoints(word)]) {
      const ends = candidates.filter((point) => point > start);
      const widths = await measure(ends.map((end) => word.slice(start, end) + insertedHyphen));
      const fitting = ends.filter((_, index) => widths[index]! <= maxWidth);
      chosen = fitting.at(-1);
      if (chosen !== undefined) break;
    }
    if (chosen === undefined) break; // not even one letter fits: leave it to the fit check
    pieces.push(word.slice(start, chosen));
    start = chosen;
  }
  pieces.push(word.slice(start));
  return pieces.join(insertedHyphen);
}

/**
 * Hyphenation as a last resort: a word wider than the line is broken at Swedish hyphenation
 * points with a visible hyphen (U+2010, after which satori may break the line). satori breaks
 * at U+00AD but draws nothing there, so soft hyphens cannot do this. Words that fit are left
 * alone: ragged right is preferred to hyphens.
 */
export async function breakLongWords(
  text: string,
  maxWidth: number,
  measure: MeasureWidths,
): Promise<string> {
  // A word breaks after its own hard hyphens ("HBTQ+-personer"), so measure the pieces between.
  const segments = text.split(/(?<=-)|(?= )|(?<= )/);
  const candidates = segments.filter((segment) => segment.trim().length >= 12);
  if (candidates.length === 0) return text;
  const widths = await measure(candidates);
  const tooWide = new Set(candidates.filter((_, index) => widths[index]! > maxWidth));
  if (tooWide.size === 0) return text;
  const broken = await Promise.all(
    segments.map((segment) =>
      tooWide.has(segment) ? breakWord(segment, maxWidth, measure) : Promise.resolve(segment),
    ),
  );
  return broken.join('');
}

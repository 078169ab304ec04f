import type { TextField } from '../data/text-fields.js';
import { DataError } from '../errors.js';
import type { InSwedish, Issue } from '../issue.js';
import { emojiDataUri } from './emoji.js';
import { loadFonts } from './fonts.js';

/**
 * Which characters the bundled fonts can draw, read from their `cmap` tables (formats 4 and 12,
 * the two every modern TTF/OTF carries). Reading the table beats asking satori: it is exact,
 * needs no render, and lets `check` name the character before anything is drawn.
 */
function readCmap(font: Buffer): Set<number> {
  const points = new Set<number>();
  const numTables = font.readUInt16BE(4);
  let cmapOffset = -1;
  for (let i = 0; i < numTables; i++) {
    const record = 12 + i * 16;
    if (font.toString('latin1', record, record + 4) === 'cmap')
      cmapOffset = font.readUInt32BE(record + 8);
  }
  if (cmapOffset < 0) throw new Error('font has no cmap table');
  const subtables = font.readUInt16BE(cmapOffset + 2);
  for (let i = 0; i < subtables; i++) {
    const offset = cmapOffset + font.readUInt32BE(cmapOffset + 4 + i * 8 + 4);
    const format = font.readUInt16BE(offset);
    if (format === 4) {
      const segments = font.readUInt16BE(offset + 6) / 2;
      const ends = offset + 14;
      const starts = ends + segments * 2 + 2;
      const deltas = starts + segments * 2;
      const rangeOffsets = deltas + segments * 2;
      for (let s = 0; s < segments; s++) {
        const end = font.readUInt16BE(ends + s * 2);
        const start = font.readUInt16BE(starts + s * 2);
        const delta = font.readInt16BE(deltas + s * 2);
        const rangeOffset = font.readUInt16BE(rangeOffsets + s * 2);
        for (let code = start; code <= end && code !== 0xffff; code++) {
          let glyph: number;
          if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
          else {
            const at = rangeOffsets + s * 2 + rangeOffset + (code - start) * 2;
            glyph = font.readUInt16BE(at);
            if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
          }
          if (glyph !== 0) points.add(code);
        }
      }
    } else if (format === 12) {
      const groups = font.readUInt32BE(offset + 12);
      for (let g = 0; g < groups; g++) {
        const group = offset + 16 + g * 12;
        const start = font.readUInt32BE(group);
        const end = font.readUInt32BE(group + 4);
        const firstGlyph = font.readUInt32BE(group + 8);
        for (let code = start; code <= end; code++)
          if (firstGlyph + (code - start) !== 0) points.add(code);
      }
    }
  }
  return points;
}

let covered: Set<number> | undefined;

/** Code points that every bundled weight can draw (a question is bold, its answer regular). */
function coveredCodePoints(): Set<number> {
  if (covered === undefined) {
    const [first, ...rest] = loadFonts().map((font) => readCmap(Buffer.from(font.data as Buffer)));
    covered = new Set([...(first ?? [])].filter((code) => rest.every((set) => set.has(code))));
  }
  return covered;
}

/** Characters that are layout controls, not drawn: line breaks, joiners, variation selectors. */
const invisible = new Set([
  '\n',
  '\r',
  '\t',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufe0e',
  '\ufe0f',
  '\u00ad',
]);
const pictographic = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;
const segmenter = new Intl.Segmenter('sv', { granularity: 'grapheme' });

export interface MissingGlyph {
  /** The character (or emoji sequence) that cannot be drawn. */
  char: string;
  /** Its code points, written U+XXXX. */
  codePoints: string;
}

/** Writes the code points of a string as `U+6F22` (space-separated for a sequence). */
export function formatCodePoints(text: string): string {
  return [...text]
    .map((char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)
    .join(' ');
}

/**
 * Every character of `text` that would not be drawn: neither in the bundled fonts nor, for an
 * emoji, in Twemoji. Each distinct character is listed once, in order of appearance.
 */
export function findMissingGlyphs(text: string): MissingGlyph[] {
  const fontPoints = coveredCodePoints();
  const missing = new Map<string, MissingGlyph>();
  for (const { segment } of segmenter.segment(text)) {
    if (pictographic.test(segment) && emojiDataUri(segment) !== undefined) continue;
    const inFont = [...segment].every(
      (char) => invisible.has(char) || fontPoints.has(char.codePointAt(0)!),
    );
    if (!inFont && !missing.has(segment)) {
      missing.set(segment, { char: segment, codePoints: formatCodePoints(segment) });
    }
  }
  return [...missing.values()];
}

/** What is said of a character that cannot be drawn: its message and hint, in English and Swedish. */
export interface GlyphWords {
  message: string;
  hint: string;
  /** For the studio: the words of its own glyph findings (`glyphFinding` in its sv.ts). */
  sv: Required<InSwedish>;
}

/** What is said of a character that cannot be drawn, wherever it is found: one message. */
export function describeMissingGlyph(missing: MissingGlyph): GlyphWords {
  return {
    message: `cannot draw ”${missing.char}” (${missing.codePoints}): no bundled font has it and Twemoji has no image for it`,
    hint: 'replace or remove the character; nothing is ever drawn as a blank box',
    sv: {
      message: `tecknet ”${missing.char}” (${missing.codePoints}) kan inte ritas på en bild: inget av typsnitten har det, och Twemoji har ingen emojibild för det`,
      hint: 'byt ut eller ta bort tecknet; inget ritas någonsin som en tom ruta',
    },
  };
}

/** A character of a text field that cannot be drawn. */
export interface GlyphProblem extends GlyphWords {
  field: TextField;
  missing: MissingGlyph;
}

/** Every character of the drawn fields among `fields` that cannot be drawn, field by field. */
export function findGlyphProblems(fields: readonly TextField[]): GlyphProblem[] {
  return fields
    .filter((field) => field.isDrawn)
    .flatMap((field) =>
      findMissingGlyphs(field.text).map((missing) => ({
        field,
        missing,
        ...describeMissingGlyph(missing),
      })),
    );
}

/**
 * Characters a post cannot draw, each an issue naming its file and field when known: raised
 * before anything is drawn (planCarousel), else by satori as it lays a slide out.
 */
export class GlyphError extends DataError {
  constructor(issues: readonly Issue[]) {
    super(issues);
  }
}

import type { ReactNode } from 'react';
import { emojiDataUri } from './emoji.js';
import { loadFonts } from './fonts.js';
import { describeMissingGlyph, formatCodePoints, GlyphError } from './glyphs.js';
import { satori } from './drawing-stack.js';

/** A laid-out node, as satori reports it: its box in slide pixels. */
export interface SatoriNodeBox {
  key?: string | number | undefined;
  type: string;
  left: number;
  top: number;
  width: number;
  height: number;
  textContent?: string | undefined;
}

export interface SvgResult {
  svg: string;
  /** Laid-out height: the content's height when no height was given. */
  height: number;
}

/**
 * Lays out and draws an element with satori, bundled fonts and Twemoji. Leave `height` out to
 * measure: the SVG is then exactly as tall as the laid-out content, which is how fit is judged
 * with the engine that draws the slide. Throws GlyphError instead of drawing a .notdef box
 * (for a text the early check does not see: it names no file or field).
 */
export async function renderSvg(
  element: ReactNode,
  size: { width: number; height?: number },
  onNodeDetected?: (node: SatoriNodeBox) => void,
  options: { isMeasuring?: boolean } = {},
): Promise<SvgResult> {
  const missing: string[] = [];
  const svg = await satori(element, {
    width: size.width,
    ...(size.height === undefined ? {} : { height: size.height }),
    fonts: loadFonts(),
    // A measurement needs the layout, not glyph outlines: without embedding the font satori
    // lays out identically (the same shaping and line breaks) and skips the path output.
    embedFont: options.isMeasuring !== true,
    ...(onNodeDetected === undefined ? {} : { onNodeDetected }),
    // eslint-disable-next-line @typescript-eslint/require-await -- satori takes a Promise here; nothing needs waiting for
    loadAdditionalAsset: async (code, segment) => {
      if (code === 'emoji') {
        const uri = emojiDataUri(segment);
        if (uri !== undefined) return uri;
      }
      missing.push(...(code === 'emoji' ? [segment] : [...segment]));
      return [];
    },
  });
  if (missing.length > 0) {
    throw new GlyphError(
      [...new Set(missing)].map((char) => ({
        code: 'glyph',
        severity: 'error',
        path: [],
        word: char,
        ...describeMissingGlyph({ char, codePoints: formatCodePoints(char) }),
      })),
    );
  }
  const match = /^<svg width="[\d.]+" height="([\d.]+)"/.exec(svg);
  if (match === null) throw new Error('satori returned an SVG without a height');
  return { svg, height: Number(match[1]) };
}

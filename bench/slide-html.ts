import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { emojiDataUri } from '../src/render/emoji.js';
import { fontFamily, fontFiles } from '../src/render/fonts.js';
import { fontsDir } from '../src/paths.js';

/**
 * The Chromium side of the benchmark draws the very elements excerpt draws: satori's inline
 * styles are CSS, so react-dom/server's markup renders in a browser as it is.
 */

/**
 * The page every slide is drawn into: the bundled fonts as data: URLs (the same files satori
 * gets), no margins. satori has no user-agent stylesheet; the templates set `display` on every
 * element and `boxSizing` where it matters, so resetting body's margin is all it takes.
 */
export function pageHtml(body = ''): string {
  faces ??= fontFiles
    .map(({ file, weight }) => {
      const data = readFileSync(join(fontsDir, file)).toString('base64');
      return `@font-face{font-family:'${fontFamily}';font-style:normal;font-weight:${weight};font-display:block;src:url(data:font/ttf;base64,${data}) format('truetype')}`;
    })
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><style>
${faces}
html,body{margin:0;padding:0;background:#fff}
img.emoji{display:inline-block;width:1em;height:1em;vertical-align:-0.12em}
</style></head><body>${body}</body></html>`;
}

/** The @font-face rules, read once. */
let faces: string | undefined;

/** The font shorthands that make the page load each bundled weight before the first slide. */
export const fontLoads = fontFiles.map(({ weight }) => `${weight} 40px "${fontFamily}"`);

// An emoji as satori finds one: a fully qualified RGI sequence. Built at run time because the
// `v` flag (Node 20 has it) is newer than the ES2022 target tsc checks regex literals against.
const emojiPattern = new RegExp('\\p{RGI_Emoji}', 'gv');

/**
 * satori draws emoji from Twemoji SVGs (src/render/emoji.ts); Chromium would fall back to a
 * system font, or a blank box. Swap each emoji for the same SVG as an inline image, and wrap
 * the text run in a span so a flex container keeps it as one run (a bare <img> would become a
 * flex item of its own and the space after it would collapse).
 */
function withEmojiImages(html: string): string {
  return html.replace(/>([^<]+)</g, (whole, text: string) => {
    let found = false;
    const replaced = text.replace(emojiPattern, (emoji) => {
      const uri = emojiDataUri(emoji);
      if (uri === undefined) return emoji;
      found = true;
      return `<img class="emoji" alt="${emoji}" src="${uri}">`;
    });
    return found ? `><span>${replaced}</span><` : whole;
  });
}

/**
 * React writes `fontFamily: 'Source Sans 3'` unquoted, which CSS rejects (an unquoted family
 * name cannot have a word starting with a digit) and Chromium then falls back to its default
 * serif; satori takes it. Quote each family name that is not quoted already.
 */
function withQuotedFontFamilies(html: string): string {
  return html.replace(
    /font-family:([^;"]+)/g,
    (_whole, names: string) =>
      `font-family:${names
        .split(',')
        .map((name) => name.trim())
        .map((name) => (/^['&]/.test(name) ? name : `'${name}'`))
        .join(',')}`,
  );
}

/** One slide's markup, to go into the page's body. */
export function slideHtml(element: ReactElement): string {
  return withEmojiImages(withQuotedFontFamilies(renderToStaticMarkup(element)));
}

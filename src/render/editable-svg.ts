import type { ReactNode } from 'react';
import { fontFamily } from './fonts.js';
import { renderSvg } from './svg.js';

/**
 * A slide as an SVG a designer can open and edit: its text as `<text>` in the font family
 * "Source Sans 3" (bundled under fonts/, to be installed where the SVG is edited), not as
 * glyph outlines, and each line of a text one element rather than a word each. Emoji stay
 * images. The layout is satori's, the engine that draws the JPEG, so the words break where the
 * slide's do; a program drawing the text with another copy of the font may differ by a pixel.
 */
export async function renderEditableSvg(
  element: ReactNode,
  size: { width: number; height: number },
): Promise<string> {
  // Laid out without embedding the font: satori then writes each word as text, not paths.
  const { svg } = await renderSvg(element, size, undefined, { isMeasuring: true });
  return joinLines(svg).replaceAll('font-family="serif"', `font-family="${fontFamily}"`);
}

const textElement =
  /<text x="([\d.e+-]+)" y="([\d.e+-]+)" width="([\d.e+-]+)" ([^>]*)>([^<]*)<\/text>/g;

/**
 * Joins the words satori writes one `<text>` each into one element a run: words next to each
 * other on one line (same y, same style, nothing drawn between them) become one text.
 */
function joinLines(svg: string): string {
  let out = '';
  let last = 0;
  let run: { x: string; y: string; end: number; attributes: string; text: string } | undefined;
  const flush = (): void => {
    if (run === undefined) return;
    // width and height are satori's layout boxes, not SVG attributes of text.
    const attributes = run.attributes.replace(/^height="[\d.]+" /, '');
    out += `<text x="${run.x}" y="${run.y}" ${attributes} xml:space="preserve">${run.text}</text>`;
    run = undefined;
  };
  for (const match of svg.matchAll(textElement)) {
    const [whole, x, y, width, attributes, text] = match as unknown as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const between = svg.slice(last, match.index);
    const adjacent =
      run !== undefined &&
      between === '' &&
      run.y === y &&
      run.attributes === attributes &&
      Math.abs(run.end - Number(x)) < 0.5;
    if (!adjacent) {
      flush();
      out += between;
      run = {
        x,
        y,
        end: Number(x),
        attributes,
        text: '',
      };
    }
    run!.text += text;
    run!.end = Number(x) + Number(width);
    last = match.index + whole.length;
  }
  flush();
  return out + svg.slice(last);
}

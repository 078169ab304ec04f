import { createElement as h } from 'react';
import { fontFamily } from './fonts.js';
import { renderAsync, sharp } from './drawing-stack.js';
import { withSrgbProfile } from './rasterize.js';
import { renderSvg } from './svg.js';

/** A contact sheet's title and subtitle (how many posts, which page). */
export interface SheetHeading {
  title: string;
  subtitle: string;
}

export interface SheetRow {
  /** E.g. "15 december 2020 · Socialdemokraterna". */
  label: string;
  /**
   * The post's slides in order: each a thumbnail already made (raw RGB, thumbnailSize()) or
   * the encoded slide, shrunk here.
   */
  slides: readonly (Buffer | Thumbnail)[];
  /** Slide size in pixels. */
  width: number;
  height: number;
}

/** A slide's thumbnail: raw RGB pixels of thumbnailSize(). */
export interface Thumbnail {
  thumbnail: Buffer;
}

const thumbWidth = 200;
const gap = 12;
const margin = 48;

/**
 * A slide's thumbnail, raw RGB, from its encoded image: made as the slide is drawn (in the
 * drawing thread, from the bytes in memory) or from the file, the same pixels either way, so
 * a contact sheet does not depend on which build drew which post. sharp shrinks a JPEG while
 * decoding it, so a thumbnail costs a fraction of a slide.
 */
export async function thumbnailOf(encoded: Buffer, width: number, height: number): Promise<Buffer> {
  // The slide carries sharp's sRGB profile: converting from it to sRGB changes no pixel and
  // took a third of the time (15 → 10 ms a slide). Keeping the profile skips the conversion.
  return sharp(encoded)
    .resize(thumbnailSize(width, height))
    .removeAlpha()
    .keepIccProfile()
    .raw()
    .toBuffer();
}

/** The size of a slide's thumbnail on the contact sheet. */
export function thumbnailSize(width: number, height: number): { width: number; height: number } {
  return { width: thumbWidth, height: Math.round((thumbWidth * height) / width) };
}
/**
 * One sheet with every post's slides, a row a post labelled by date and party, for approval
 * at a glance. satori lays the sheet out and draws the labels with the slides' fonts, leaving
 * an empty box per slide; sharp then pastes the thumbnails into those boxes. (Embedding them in
 * the SVG for resvg to decode and scale took three times as long.)
 */
export async function renderContactSheet(
  heading: SheetHeading,
  rows: readonly SheetRow[],
): Promise<Buffer> {
  const columns = Math.max(1, ...rows.map((row) => row.slides.length));
  const sheetWidth = margin * 2 + columns * thumbWidth + (columns - 1) * gap;
  const thumbs = await Promise.all(
    rows.map((row) =>
      Promise.all(
        row.slides.map(async (slide) => ({
          data: Buffer.isBuffer(slide)
            ? await thumbnailOf(slide, row.width, row.height)
            : slide.thumbnail,
          height: thumbnailSize(row.width, row.height).height,
        })),
      ),
    ),
  );
  const element = h(
    'div',
    {
      style: {
        display: 'flex',
        flexDirection: 'column',
        width: sheetWidth,
        padding: margin,
        boxSizing: 'border-box',
        backgroundColor: '#F2F2F0',
        color: '#1C1B22',
        fontFamily,
      },
    },
    h(
      'div',
      { style: { display: 'flex', fontSize: 40, fontWeight: 700, marginBottom: 8 } },
      heading.title,
    ),
    h(
      'div',
      { style: { display: 'flex', fontSize: 24, color: '#55525E', marginBottom: 24 } },
      heading.subtitle,
    ),
    ...rows.map((row, rowIndex) =>
      h(
        'div',
        {
          key: `row${rowIndex}`,
          style: { display: 'flex', flexDirection: 'column', marginTop: rowIndex === 0 ? 0 : 28 },
        },
        h(
          'div',
          { style: { display: 'flex', fontSize: 26, fontWeight: 600, marginBottom: 10 } },
          `${row.label} · ${row.slides.length} bilder`,
        ),
        h(
          'div',
          { style: { display: 'flex' } },
          ...thumbs[rowIndex]!.map((thumb, index) =>
            h('div', {
              key: `t${rowIndex}-${index}`,
              style: {
                display: 'flex',
                width: thumbWidth,
                height: thumb.height,
                marginLeft: index === 0 ? 0 : gap,
                backgroundColor: '#D0D0CC',
              },
            }),
          ),
        ),
      ),
    ),
  );
  const boxes = new Map<string, { left: number; top: number }>();
  const { svg } = await renderSvg(element, { width: sheetWidth }, (node) => {
    if (typeof node.key === 'string' && node.key.startsWith('t'))
      boxes.set(node.key, { left: node.left, top: node.top });
  });
  const background = await renderAsync(svg, {
    font: { loadSystemFonts: false },
    background: '#ffffff',
  });
  const sheet = sharp(background.pixels, {
    raw: { width: background.width, height: background.height, channels: 4 },
  })
    .removeAlpha()
    .composite(
      thumbs.flatMap((row, rowIndex) =>
        row.map((thumb, index) => {
          const box = boxes.get(`t${rowIndex}-${index}`)!;
          return {
            input: thumb.data,
            raw: { width: thumbWidth, height: thumb.height, channels: 3 as const },
            left: Math.round(box.left),
            top: Math.round(box.top),
          };
        }),
      ),
    )
    .jpeg({ quality: 90, chromaSubsampling: '4:4:4', optimiseCoding: false })
    .toBuffer();
  return withSrgbProfile(sheet);
}

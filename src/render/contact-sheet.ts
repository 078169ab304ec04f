import { createElement as h } from 'react';
import sharp from 'sharp';
import { fontFamily } from './fonts.js';
import { rasterize } from './rasterize.js';
import { renderSvg } from './svg.js';

export interface SheetRow {
  /** E.g. "15 december 2020 · Socialdemokraterna". */
  label: string;
  /** The post's slides, encoded, in order. */
  slides: readonly Buffer[];
  /** Slide size in pixels. */
  width: number;
  height: number;
}

const thumbWidth = 200;
const gap = 12;
const margin = 48;

/**
 * One sheet with every post's slides, a row a post labelled by date and party, for approval
 * at a glance. Drawn with the same engine and fonts as the slides.
 */
export async function renderContactSheet(
  title: string,
  rows: readonly SheetRow[],
): Promise<Buffer> {
  const columns = Math.max(1, ...rows.map((row) => row.slides.length));
  const sheetWidth = margin * 2 + columns * thumbWidth + (columns - 1) * gap;
  const thumbs = await Promise.all(
    rows.map((row) =>
      Promise.all(
        row.slides.map(async (slide) => {
          const thumbHeight = Math.round((thumbWidth * row.height) / row.width);
          const data = await sharp(slide)
            .resize({ width: thumbWidth, height: thumbHeight })
            .jpeg({ quality: 85 })
            .toBuffer();
          return { src: `data:image/jpeg;base64,${data.toString('base64')}`, height: thumbHeight };
        }),
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
    h('div', { style: { display: 'flex', fontSize: 40, fontWeight: 700, marginBottom: 8 } }, title),
    h(
      'div',
      { style: { display: 'flex', fontSize: 24, color: '#55525E', marginBottom: 24 } },
      `${rows.length} inlägg, ${rows.reduce((sum, row) => sum + row.slides.length, 0)} bilder`,
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
            h('img', {
              key: `t${index}`,
              src: thumb.src,
              width: thumbWidth,
              height: thumb.height,
              style: { marginLeft: index === 0 ? 0 : gap, border: '1px solid #D0D0CC' },
            }),
          ),
        ),
      ),
    ),
  );
  const { svg } = await renderSvg(element, { width: sheetWidth });
  return rasterize(svg, 'jpeg');
}

import { createElement } from 'react';
import { fontFamily } from './fonts.js';
import { renderSvg } from './svg.js';

/**
 * Widths of texts as satori draws them in one style, measured in one render: each text is a
 * flex item in a wide column, and satori reports every item's box.
 */
export async function measureWidths(
  texts: readonly string[],
  style: { fontSize: number; fontWeight: number },
): Promise<number[]> {
  if (texts.length === 0) return [];
  const widths = new Array<number>(texts.length).fill(0);
  const element = createElement(
    'div',
    {
      style: {
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'flex-start',
        fontFamily,
        fontSize: style.fontSize,
        fontWeight: style.fontWeight,
      },
    },
    texts.map((text, index) =>
      createElement(
        'div',
        { key: `m${index}`, style: { display: 'flex', whiteSpace: 'nowrap' } },
        text,
      ),
    ),
  );
  await renderSvg(element, { width: 100_000 }, (node) => {
    if (typeof node.key === 'string' && node.key.startsWith('m')) {
      widths[Number(node.key.slice(1))] = node.width;
    }
  });
  return widths;
}

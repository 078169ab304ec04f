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
  await renderSvg(
    element,
    { width: 100_000 },
    (node) => {
      if (typeof node.key === 'string' && node.key.startsWith('m')) {
        widths[Number(node.key.slice(1))] = node.width;
      }
    },
    { isMeasuring: true },
  );
  return widths;
}

/**
 * A width measurer for one style that remembers what it measured and gathers the requests made
 * together (in one tick, as by a Promise.all over an answer's paragraphs) into a single render.
 */
export function createWidthMeasurer(style: {
  fontSize: number;
  fontWeight: number;
}): (texts: readonly string[]) => Promise<number[]> {
  const known = new Map<string, number>();
  let queued: Set<string> | undefined;
  let flushed: Promise<void> = Promise.resolve();
  return async (texts) => {
    const missing = texts.filter((text) => !known.has(text));
    if (missing.length > 0) {
      if (queued === undefined) {
        const batch = new Set<string>();
        queued = batch;
        flushed = Promise.resolve().then(async () => {
          queued = undefined;
          const list = [...batch];
          const widths = await measureWidths(list, style);
          list.forEach((text, index) => known.set(text, widths[index]!));
        });
      }
      for (const text of missing) queued.add(text);
      await flushed;
    }
    return texts.map((text) => known.get(text)!);
  };
}

import { createElement } from 'react';
import { fontFamily } from './fonts.js';
import { RecentMap } from './recent-map.js';
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
export function createWidthMeasurer(
  style: { fontSize: number; fontWeight: number },
  capacity = widthsKept,
): (texts: readonly string[]) => Promise<number[]> {
  const known = new RecentMap<number>(capacity);
  let queued: Set<string> | undefined;
  let flushed = Promise.resolve(new Map<string, number>());
  return async (texts) => {
    // Read now what is known, and later what the batch measured: while a batch is measured the
    // cache may forget a value (it holds `capacity`), never this call's.
    const found = new Map<string, number>();
    for (const text of texts) {
      const width = known.get(text);
      if (width !== undefined) found.set(text, width);
    }
    const missing = texts.filter((text) => !found.has(text));
    let measured = new Map<string, number>();
    if (missing.length > 0) {
      if (queued === undefined) {
        const batch = new Set<string>();
        queued = batch;
        flushed = Promise.resolve().then(async () => {
          queued = undefined;
          const list = [...batch];
          const widths = await measureWidths(list, style);
          const results = new Map(list.map((text, index) => [text, widths[index]!]));
          for (const [text, width] of results) known.set(text, width);
          return results;
        });
      }
      for (const text of missing) queued.add(text);
      measured = await flushed;
    }
    return texts.map((text) => {
      const width = found.get(text) ?? measured.get(text);
      if (width === undefined) throw new Error(`satori reported no width for “${text}”`);
      return width;
    });
  };
}

/** Widths remembered, a word or a name each: the oldest are forgotten in a long studio session. */
const widthsKept = 50_000;

import { createElement } from 'react';
import type { Format } from '../data/schema.js';
import type { Block, QaSlide } from '../layout/slide-plan.js';
import type { TemplateMetrics, TemplateSet } from '../slide/template-set.js';
import { fontFamily } from './fonts.js';
import { RecentMap } from './recent-map.js';
import { renderSvg } from './svg.js';

/**
 * The height of a Q&A slide by parts, for the search for where its slides break: measuring a
 * whole slide with satori costs 10–30 ms, most of it the slide's frame (the footer, the mark,
 * the band), and the search measures several candidates a slide. A slide is a flex column, so
 * its height is its frame's, the slide with an empty answer (measured whole once a Q&A and
 * kind), plus the answer's: each paragraph's or item's height, measured once a text by satori
 * alone in its column, and the gaps of `TemplateMetrics`. satori lays each text out on whole
 * pixels, so the sum is exact, not an estimate. A template set is calibrated first: if a sample
 * slide measured whole differs from its parts by a pixel, its slides are all measured whole.
 */

/** A slide whose parts come this close to a limit is measured whole all the same. */
export const uncertainty = 1;

/**
 * Text heights remembered: a campaign's texts many times over (each candidate piece of an
 * answer is a text), and in the studio every text typed, so the oldest are forgotten.
 */
const textHeightsKept = 50_000;

/** Heights of texts drawn in the answer's style at a width, measured in batches, remembered. */
export function createTextHeights(
  metrics: TemplateMetrics,
  capacity = textHeightsKept,
): (texts: readonly { text: string; width: number }[]) => Promise<number[]> {
  const { body, bodyLineHeight } = metrics.type;
  const known = new RecentMap<number>(capacity);
  const keyOf = ({ text, width }: { text: string; width: number }): string => `${width}|${text}`;
  return async (texts) => {
    // Read now what is known, and later what this call measured: while it is measured the cache
    // may forget a value (it holds `capacity`), never this call's.
    const measured = new Map<string, number>();
    for (const item of texts) {
      const height = known.get(keyOf(item));
      if (height !== undefined) measured.set(keyOf(item), height);
    }
    const missing = [...new Map(texts.map((item) => [keyOf(item), item])).values()].filter(
      (item) => !measured.has(keyOf(item)),
    );
    if (missing.length > 0) {
      const element = createElement(
        'div',
        {
          style: {
            display: 'flex',
            flexDirection: 'column',
            alignItems: 'flex-start',
            fontFamily,
            fontSize: body,
            fontWeight: 400,
            lineHeight: bodyLineHeight,
          },
        },
        missing.map(({ text, width }, index) =>
          createElement('div', { key: `t${index}`, style: { display: 'flex', width } }, text),
        ),
      );
      await renderSvg(
        element,
        { width: Math.max(...missing.map(({ width }) => width)) },
        (node) => {
          if (typeof node.key === 'string' && node.key.startsWith('t')) {
            const key = keyOf(missing[Number(node.key.slice(1))]!);
            measured.set(key, node.height);
            known.set(key, node.height);
          }
        },
        { isMeasuring: true },
      );
    }
    return texts.map((item) => {
      const key = keyOf(item);
      const height = measured.get(key);
      if (height === undefined) throw new Error(`satori reported no box for “${item.text}”`);
      return height;
    });
  };
}

/** The answer's height: its paragraphs' and items' heights, and the gaps between them. */
export async function answerHeight(
  blocks: readonly Block[],
  metrics: TemplateMetrics,
  column: number,
  textHeights: ReturnType<typeof createTextHeights>,
): Promise<number> {
  const { paragraphGap, itemGap, bulletColumn } = metrics.type;
  const bullet = { text: '•', width: bulletColumn };
  const texts = blocks.flatMap((block) =>
    block.kind === 'paragraph'
      ? [{ text: block.text, width: column }]
      : block.items.map((item) => ({ text: item.text, width: column - bulletColumn })),
  );
  const [bulletLine, ...heights] = await textHeights([bullet, ...texts]);
  let height = 0;
  let index = 0;
  for (const [blockIndex, block] of blocks.entries()) {
    if (blockIndex > 0) height += paragraphGap;
    if (block.kind === 'paragraph') height += heights[index++]!;
    else {
      for (const [itemIndex] of block.items.entries()) {
        if (itemIndex > 0) height += itemGap;
        // An item is a line tall at least, its bullet's (a text of no width draws no line).
        height += Math.max(heights[index++]!, bulletLine!);
      }
    }
  }
  return height;
}

/** A sample answer with each kind of block, for calibration: long enough to wrap. */
export function calibrationBlocks(): Block[] {
  const sentence =
    'Vi arbetar långsiktigt med förebyggande insatser i skolan, i föreningslivet och i hemmen, och vi följer upp varje år.';
  return [
    { kind: 'paragraph', text: `${sentence} ${sentence}` },
    {
      kind: 'list',
      items: [
        { text: 'resurser till kvinnojourerna', hasBullet: false },
        { text: sentence, hasBullet: true },
        { text: 'kortare', hasBullet: true },
      ],
    },
    { kind: 'paragraph', text: sentence },
  ];
}

/** How a template set's Q&A slides may be measured: by parts or not, and what frames differ by. */
interface Calibration {
  byParts: boolean;
  /** The frame's height depends on whether the answer goes on. */
  byContinues: boolean;
}

const calibrations = new WeakMap<TemplateSet, Map<string, Promise<Calibration>>>();
const textHeightsByStyle = new Map<string, ReturnType<typeof createTextHeights>>();

/**
 * Whether the set's Q&A slides add up: a sample slide with a paragraph, a list and a paragraph,
 * of each kind, going on and ending, measured whole, against its frame and its parts. Taken
 * once a format and theme (a template may draw a theme otherwise); the slides as drawn are
 * checked too (render-post.ts: no text outside a slide), whatever a template does.
 */
async function calibrate(
  metrics: TemplateMetrics,
  column: number,
  measureWhole: (slide: QaSlide) => Promise<number>,
  textHeights: ReturnType<typeof createTextHeights>,
): Promise<Calibration> {
  const blocks = calibrationBlocks();
  const answer = await answerHeight(blocks, metrics, column, textHeights);
  let byParts = true;
  let byContinues = false;
  for (const isContinuation of [false, true]) {
    const slide = (continues: boolean, withBlocks: boolean): QaSlide => ({
      kind: 'qa',
      qaId: 'calibration',
      question: 'Hur arbetar ni för att förebygga våld i nära relationer?',
      blocks: withBlocks ? blocks : [],
      isContinuation,
      continues,
    });
    // The answer going on and ending: a template may mark either (the frames may differ too).
    const [whole, lastWhole, frame, lastFrame] = await Promise.all([
      measureWhole(slide(true, true)),
      measureWhole(slide(false, true)),
      measureWhole(slide(true, false)),
      measureWhole(slide(false, false)),
    ]);
    if (whole !== frame + answer || lastWhole !== lastFrame + answer) byParts = false;
    if (frame !== lastFrame) byContinues = true;
  }
  return { byParts, byContinues };
}

/**
 * The height of Q&A slides of one post, as `measureWhole` (satori, the whole slide) would give
 * it: by parts when the template set adds up, measured whole when it does not, or when the
 * parts come within `uncertainty` of one of `limits` (the slide's height, or the room a next
 * piece needs), where rounding could tip the answer.
 */
export async function answerFit(
  templates: TemplateSet,
  format: Format,
  themeName: string,
  column: number,
  measureWhole: (slide: QaSlide) => Promise<number>,
): Promise<(slide: QaSlide, limits: readonly number[]) => Promise<number>> {
  const { metrics } = templates;
  const lineKey = `${metrics.type.body}/${metrics.type.bodyLineHeight}`;
  let textHeights = textHeightsByStyle.get(lineKey);
  if (textHeights === undefined) {
    textHeights = createTextHeights(metrics);
    textHeightsByStyle.set(lineKey, textHeights);
  }
  let byLook = calibrations.get(templates);
  if (byLook === undefined) {
    byLook = new Map();
    calibrations.set(templates, byLook);
  }
  const look = `${format}/${themeName}`;
  let calibration = byLook.get(look);
  if (calibration === undefined) {
    calibration = calibrate(metrics, column, measureWhole, textHeights);
    byLook.set(look, calibration);
    // A calibration that failed (a brand text that cannot be drawn) is not kept for the next post.
    calibration.catch(() => byLook.delete(look));
  }
  const { byParts, byContinues } = await calibration;
  if (!byParts) return (slide) => measureWhole(slide);
  const frames = new Map<string, Promise<number>>();
  return async (slide, limits) => {
    const key = `${slide.isContinuation ? 'c' : 'q'}${byContinues && slide.continues ? '+' : ''}|${slide.question}`;
    let frame = frames.get(key);
    if (frame === undefined) {
      frame = measureWhole({ ...slide, blocks: [] });
      frames.set(key, frame);
    }
    const answer = await answerHeight(slide.blocks, metrics, column, textHeights);
    const height = (await frame) + answer;
    return limits.some((limit) => Math.abs(height - limit) <= uncertainty)
      ? measureWhole(slide)
      : height;
  };
}

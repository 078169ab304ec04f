import type { AnswerBlock } from '../data/schema.js';
import { splitSentences, splitWords } from './sentences.js';
import type { Block, QaSlide } from './slide-plan.js';

/** The piece of the answer that would go on the slide next, if it fits. */
export interface NextPiece {
  text: string;
  /** It begins a paragraph or list item of its own, rather than going on with the last one. */
  startsBlock: boolean;
  /** It is the end of the answer, so adding it drops the slide's continuation mark. */
  isLast: boolean;
}

/**
 * Measures a slide with the engine that draws it: whether it fits its format, and whether it
 * is certainly full, so that `next` cannot fit either (which saves measuring that).
 */
export type MeasureSlide = (
  slide: QaSlide,
  next: NextPiece | undefined,
) => Promise<{ fits: boolean; isFull: boolean }>;

/** A piece of an answer that is never split across slides unless it cannot fit on one. */
interface Unit {
  block: number;
  /** Index of the list item, for pieces of a list. */
  item?: number;
  /** The first piece of its list item (so the bullet goes with it). */
  isItemStart: boolean;
  text: string;
}

/**
 * Raised when even a single word cannot fit on an otherwise empty slide. `sv` says it in
 * Swedish, for the studio.
 */
export class SlideFitError extends Error {
  readonly sv: string;
  /** The text that does not fit alone: a sentence, or a single word. */
  readonly piece: string;

  constructor(message: string, sv: string, piece: string) {
    super(message);
    this.name = 'SlideFitError';
    this.sv = sv;
    this.piece = piece;
  }
}

function answerUnits(answer: readonly AnswerBlock[]): Unit[] {
  return answer.flatMap((block, index): Unit[] =>
    typeof block === 'string'
      ? splitSentences(block).map((text) => ({ block: index, isItemStart: false, text }))
      : block.list.map((text, item) => ({ block: index, item, isItemStart: true, text })),
  );
}

/** Splits a unit into finer pieces: a list item into sentences, a sentence into words. */
function refine(unit: Unit): Unit[] {
  const sentences = splitSentences(unit.text);
  const pieces = sentences.length > 1 ? sentences : splitWords(unit.text);
  return pieces.map((text, index) => ({
    ...unit,
    isItemStart: unit.isItemStart && index === 0,
    text,
  }));
}

function toBlocks(units: readonly Unit[]): Block[] {
  const blocks: Block[] = [];
  let previous: Unit | undefined;
  for (const unit of units) {
    const sameBlock = previous !== undefined && previous.block === unit.block;
    const last = blocks.at(-1);
    if (unit.item === undefined) {
      if (sameBlock && last?.kind === 'paragraph') last.text += ` ${unit.text}`;
      else blocks.push({ kind: 'paragraph', text: unit.text });
    } else {
      const list = sameBlock && last?.kind === 'list' ? last : undefined;
      const current = list?.items.at(-1);
      if (list !== undefined && current !== undefined && previous?.item === unit.item) {
        current.text += ` ${unit.text}`;
      } else {
        const item = { text: unit.text, hasBullet: unit.isItemStart };
        if (list === undefined) blocks.push({ kind: 'list', items: [item] });
        else list.items.push(item);
      }
    }
    previous = unit;
  }
  return blocks;
}

/**
 * How much text a slide held last time, in characters, for the first slide of an answer and for
 * its continuations: a guess that makes the search for how much fits take two or three
 * measurements instead of a dozen. Only speed depends on it; fit is always measured.
 */
export interface CapacityHint {
  first: number;
  continuation: number;
}

/** A starting guess until a slide has been measured: about eight lines of 45 characters. */
export function defaultCapacityHint(): CapacityHint {
  return { first: 300, continuation: 420 };
}

/**
 * The largest count in 0..max for which `test` holds, given that it holds up to some count and
 * fails above it: probe the guess, gallop outwards until the answer is bracketed, then bisect.
 * A count that holds and leaves no room for one more settles it at once. With a good guess
 * that is one or two probes.
 */
async function largestPassing(
  guess: number,
  max: number,
  test: (count: number) => Promise<{ fits: boolean; isFull: boolean }>,
): Promise<number> {
  let low = 0; // passes: an empty slide always fits
  let high = max + 1; // fails: past the end
  let probe = Math.min(Math.max(guess, 1), max);
  let step = 1;
  while (high - low > 1) {
    const { fits, isFull } = await test(probe);
    if (fits) {
      low = probe;
      if (isFull) high = probe + 1;
    } else high = probe;
    if (high - low <= 1) break;
    if (high === max + 1) probe = Math.min(low + step, max);
    else if (low === 0) probe = Math.max(high - step, 1);
    else probe = Math.floor((low + high) / 2);
    step *= 2;
  }
  return low;
}

/**
 * Paginates one question and its answer into slides: as much of the answer on each slide as
 * fits, breaking between sentences or list items, and only inside a sentence (between words)
 * when a sentence is taller than a whole slide. Every word reaches a slide, in order.
 */
export async function paginateQa(
  qa: { id: string; question: string; answer: readonly AnswerBlock[] },
  measure: MeasureSlide,
  hint: CapacityHint = defaultCapacityHint(),
): Promise<QaSlide[]> {
  const units = answerUnits(qa.answer);
  const slide = (from: number, to: number, isContinuation: boolean): QaSlide => ({
    kind: 'qa',
    qaId: qa.id,
    question: qa.question,
    blocks: toBlocks(units.slice(from, to)),
    isContinuation,
    continues: to < units.length,
  });
  const chars = (from: number, to: number): number =>
    units.slice(from, to).reduce((sum, unit) => sum + unit.text.length + 1, 0);
  /** What follows a slide that ends before unit `index`. */
  const nextPiece = (index: number): NextPiece | undefined => {
    const next = units[index];
    const before = units[index - 1];
    if (next === undefined) return undefined;
    return {
      text: next.text,
      startsBlock:
        before === undefined ||
        before.block !== next.block ||
        (next.item !== undefined && next.isItemStart),
      isLast: index === units.length - 1,
    };
  };
  const measureSlide = (from: number, to: number, isContinuation: boolean) =>
    measure(slide(from, to, isContinuation), nextPiece(to));
  const fits = async (from: number, to: number, isContinuation: boolean): Promise<boolean> =>
    (await measureSlide(from, to, isContinuation)).fits;

  /** Where each slide starts, as an index into `units`. */
  const starts: number[] = [];
  let from = 0;
  while (from < units.length) {
    const isContinuation = starts.length > 0;
    // Guess how many units fit from how many characters the last such slide held.
    const capacity = isContinuation ? hint.continuation : hint.first;
    let guess = 0;
    while (from + guess < units.length && chars(from, from + guess + 1) <= capacity) guess++;
    const count = await largestPassing(guess, units.length - from, (n) =>
      measureSlide(from, from + n, isContinuation),
    );
    if (count === 0) {
      // Not even one unit fits: break it finer (a list item into sentences, a sentence into words).
      const finer = refine(units[from]!);
      if (finer.length <= 1) {
        const { text } = units[from]!;
        throw new SlideFitError(
          `“${text}” of ${qa.id} does not fit on a slide even on its own`,
          `”${text}” i ${qa.id} får inte plats på en bild, inte ens ensam`,
          text,
        );
      }
      units.splice(from, 1, ...finer);
      continue;
    }
    // A list item of several sentences that does not fit whole may start here and go on over
    // the page, rather than leave this slide half empty.
    const next = units[from + count];
    if (next?.item !== undefined && splitSentences(next.text).length > 1) {
      const pieces = refine(next);
      units.splice(from + count, 1, ...pieces);
      if (await fits(from, from + count + 1, isContinuation)) continue;
      units.splice(from + count, pieces.length, next);
    }
    if (from + count < units.length) {
      if (isContinuation) hint.continuation = chars(from, from + count);
      else hint.first = chars(from, from + count);
    }
    starts.push(from);
    from += count;
  }

  // Filling each slide to the brim gives the fewest slides, but can leave a few lines alone on
  // the last one. Spread the answer over that many slides evenly instead.
  if (starts.length >= 2) {
    const balanced = await balance(units, starts, (from, to, isContinuation) =>
      fits(from, to, isContinuation),
    );
    starts.splice(0, starts.length, ...balanced);
  }

  return starts.map((start, index) => slide(start, starts[index + 1] ?? units.length, index > 0));
}

/** Words in a text: what "as much on each slide" is counted in. */
function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => word !== '').length;
}

/**
 * Spreads `units` over as many slides as greedy filling needed (`greedy`, where each slide
 * starts), as evenly as fit allows, still breaking only between units. Each slide aims at an
 * equal share of the words left; two bounds keep every choice feasible: a slide can end no later
 * than greedy filling ended it from there (measured), and no earlier than where the slides after
 * it, filled from the end, could still hold the rest.
 */
async function balance(
  units: readonly Unit[],
  greedy: readonly number[],
  measureFits: (from: number, to: number, isContinuation: boolean) => Promise<boolean>,
): Promise<number[]> {
  const count = greedy.length;
  const end = units.length;
  const words = [0];
  for (const unit of units) words.push(words.at(-1)! + countWords(unit.text));
  // Each slide is measured once, however often the search below asks (measuring is the cost).
  const known = new Map<string, Promise<boolean>>();
  const fits = (from: number, to: number, isContinuation: boolean): Promise<boolean> => {
    const key = `${from}:${to}:${isContinuation}`;
    let result = known.get(key);
    if (result === undefined) {
      result = measureFits(from, to, isContinuation);
      known.set(key, result);
    }
    return result;
  };

  // Most answers take the even split as it is: the break nearest each equal share of the
  // words (the later one on a tie). Measure its slides first, one each.
  const even = [0];
  for (let index = 1; index < count; index++) {
    const target = (words[end]! * index) / count;
    let best = even.at(-1)! + 1;
    for (let candidate = best; candidate <= end - (count - index); candidate++) {
      if (Math.abs(words[candidate]! - target) <= Math.abs(words[best]! - target)) best = candidate;
    }
    even.push(best);
  }
  let evenFits = true;
  for (let index = 0; index < count && evenFits; index++) {
    evenFits = await fits(even[index]!, even[index + 1] ?? end, index > 0);
  }
  if (evenFits) return even;

  // Filled from the end: the earliest each slide after the first can start and the slides from
  // it on still hold the rest (the last fills up to the end, the one before up to its start…).
  const earliest: number[] = new Array<number>(count).fill(0);
  let limit = end;
  for (let index = count - 1; index >= 1; index--) {
    // How many units, ending at `limit`, fit on one slide; greedy's own slide is a good guess.
    const held = await largestPassing(limit - greedy[index]!, limit - 1, async (taken) => ({
      fits: await fits(limit - taken, limit, true),
      isFull: false,
    }));
    earliest[index] = limit - held;
    limit = earliest[index]!;
  }

  const starts = [0];
  for (let index = 1; index < count; index++) {
    const from = starts.at(-1)!;
    const left = count - index + 1;
    const target = words[from]! + (words[end]! - words[from]!) / left;
    const lowest = Math.max(earliest[index]!, from + 1);
    // Greedy filling ended this slide no later than this when it started no earlier.
    const highest = Math.max(lowest, greedy[index]!);
    let best = lowest;
    for (let candidate = lowest; candidate <= highest; candidate++) {
      // On a tie the later break: the first slides carry more, as a reader expects.
      if (Math.abs(words[candidate]! - target) <= Math.abs(words[best]! - target)) best = candidate;
    }
    // The share may not fit from an earlier start than greedy's: step back until it does (the
    // lowest bound always fits: the slides filled from the end showed it).
    while (best > lowest && !(await fits(from, best, index > 1))) best--;
    starts.push(best);
  }
  return starts;
}

import type { ReactElement } from 'react';
import type { Brand, Format, Interview, Qa, Theme } from '../data/schema.js';
import { formatSizes } from '../data/schema.js';
import { interviewFields } from '../data/text-fields.js';
import { InputError } from '../errors.js';
import type { InSwedish, Issue } from '../issue.js';
import { breakLongWords } from '../layout/hyphenate.js';
import { instagramLimits } from '../layout/instagram-limits.js';
import { swedishQuotes } from '../layout/typography.js';
import {
  defaultCapacityHint,
  paginateQa,
  SlideFitError,
  type MeasureSlide,
} from '../layout/paginate.js';
import { insertedHyphen, type QaSlide, type SlidePlan } from '../layout/slide-plan.js';
import { answerFit } from './answer-fit.js';
import { findGlyphProblems, GlyphError } from './glyphs.js';
import { createWidthMeasurer } from './measure.js';
import type { SlideContext } from '../slide/slide-context.js';
import type { TemplateMetrics, TemplateSet } from '../slide/template-set.js';
import { elementText, slideElement, slideKind, type SlideKind } from './slide-element.js';
import { renderSvg } from './svg.js';

/** One post to draw: an interview, the chosen Q&As, and how it should look. */
export interface CarouselInput {
  brand: Brand;
  campaign: { title: string; marker: string; subtitle?: string | undefined };
  themeName: string;
  theme: Theme;
  interview: Interview;
  qaIds: readonly string[];
  /** The cover's hook: a verbatim passage of a chosen answer; else the first question. */
  highlight?: string | undefined;
  date: string;
  format: Format;
  /** Where the interview came from, for error messages. */
  interviewFile?: string;
  /** Every party of the campaign: the cover draws all their names at one size. */
  campaignParties?: readonly string[];
}

/** A slide laid out and ready to draw. */
export interface PlannedSlide {
  kind: SlideKind;
  plan: SlidePlan;
  ctx: SlideContext;
  element: ReactElement;
  /** Exactly the text drawn on the slide. */
  text: string;
}

/** Raised when the chosen Q&As need more slides than a carousel may have. */
export class SlideLimitError extends InputError {}

/**
 * A post that cannot be laid out, said in English (the terminal) and Swedish (the studio): the
 * Swedish is required, so no problem of the layout reaches the studio without it.
 */
function layoutError(
  message: string,
  hint: string,
  sv: Required<InSwedish>,
  Kind: typeof InputError = InputError,
): InputError {
  return new Kind(message, { hint, sv });
}

/** The chosen Q&As in the order given; each must exist, and be chosen once (as in a schedule). */
function chosenQas(input: CarouselInput): Qa[] {
  const twice = input.qaIds.find((id, index) => input.qaIds.indexOf(id) !== index);
  if (twice !== undefined) {
    throw layoutError(`${input.interview.id}: ${twice} is listed twice`, 'choose each Q&A once', {
      message: `${input.interview.id}: ${twice} är vald två gånger`,
      hint: 'välj varje fråga bara en gång',
    });
  }
  return input.qaIds.map((id) => {
    const qa = input.interview.qa.find((candidate) => candidate.id === id);
    if (qa === undefined) {
      const known = input.interview.qa.map((candidate) => candidate.id).join(', ');
      throw layoutError(`${input.interview.id} has no Q&A with id ${id}`, `choose among ${known}`, {
        message: `${input.interview.id} har ingen fråga med id ${id}`,
        hint: `välj bland ${known}`,
      });
    }
    return qa;
  });
}

/**
 * Every text of the interview the post draws (who answers, the chosen Q&As) that cannot be
 * drawn, as issues naming the file and field: the glyph check's walk and words, for one post.
 */
export function findGlyphIssues(input: Omit<CarouselInput, 'format' | 'date'>): Issue[] {
  const file = input.interviewFile;
  const fields = interviewFields(file ?? '', input.interview).filter(
    (field) => field.qa === undefined || input.qaIds.includes(field.qa),
  );
  return findGlyphProblems(fields).map(({ field, missing, message, hint, sv }): Issue => ({
    code: 'glyph',
    severity: 'error',
    ...(file === undefined ? {} : { file }),
    path: field.path,
    word: missing.char,
    message,
    hint,
    sv,
  }));
}

/**
 * Width measurers by font size and weight, for the whole process: a text's width in a style
 * never changes while the fonts do not, and every post of a campaign measures the same party
 * names for its cover.
 */
const measurers = new Map<string, ReturnType<typeof createWidthMeasurer>>();

function measurer(fontSize: number, fontWeight: number): ReturnType<typeof createWidthMeasurer> {
  const key = `${fontSize}/${fontWeight}`;
  let found = measurers.get(key);
  if (found === undefined) {
    found = createWidthMeasurer({ fontSize, fontWeight });
    measurers.set(key, found);
  }
  return found;
}

/**
 * Typesets a Q&A for its slides: Swedish quotation marks, and, as a last resort, hyphens in
 * words too wide for the text column.
 */
async function breakQaWords(
  qa: Qa,
  format: Format,
  width: number,
  metrics: TemplateMetrics,
): Promise<Qa> {
  const column = metrics.columnWidth(format, width);
  const body = measurer(metrics.type.body, 400);
  const heading = measurer(metrics.type.question, 700);
  const listColumn = column - metrics.type.bulletColumn;
  return {
    ...qa,
    question: await breakLongWords(swedishQuotes(qa.question), column, heading),
    answer: await Promise.all(
      qa.answer.map(async (block) =>
        typeof block === 'string'
          ? breakLongWords(swedishQuotes(block), column, body)
          : {
              list: await Promise.all(
                block.list.map((item) => breakLongWords(swedishQuotes(item), listColumn, body)),
              ),
            },
      ),
    ),
  };
}

/** The cover's texts, fitted to its column (see SlideContext.cover). */
async function fitCoverTexts(
  input: CarouselInput,
  width: number,
  height: number,
  metrics: TemplateMetrics,
  hookSize: number,
): Promise<SlideContext['cover']> {
  const { type, coverType } = metrics;
  const column = width - 2 * metrics.coverMarginX(input.format, width, height);
  const { interview } = input;
  // The longest word of any party name decides: names may wrap between words, never inside.
  const widest = Math.max(
    await widestPartyWord(input.campaignParties ?? [], type.party),
    await widestPartyWord([interview.party], type.party),
  );
  const partySize = Math.max(
    minimumPartySize,
    Math.min(type.party, Math.floor((type.party * column) / widest)),
  );
  const hook =
    input.highlight === undefined
      ? { kind: 'question' as const, text: chosenQas(input)[0]?.question ?? '' }
      : { kind: 'quote' as const, text: input.highlight.replace(/\s+/g, ' ').trim() };
  const [hookText, party, name, role] = await Promise.all([
    breakLongWords(
      swedishQuotes(hook.text),
      column,
      measurer(hookSize, hook.kind === 'quote' ? 600 : 700),
    ),
    breakLongWords(interview.party, column, measurer(partySize, 700)),
    breakLongWords(interview.interviewee.name, column, measurer(coverType.name, 600)),
    breakLongWords(interview.interviewee.role, column, measurer(coverType.role, 400)),
  ]);
  return {
    hook: { kind: hook.kind, text: hookText, size: hookSize },
    party,
    partySize,
    name,
    role,
  };
}

const widestWords = new WeakMap<readonly string[], Map<number, Promise<number>>>();

/**
 * The width of the widest word of the party names at the cover's full size: measured once for a
 * campaign's list of parties, however many of its posts ask.
 */
function widestPartyWord(parties: readonly string[], size: number): Promise<number> {
  let bySize = widestWords.get(parties);
  if (bySize === undefined) {
    bySize = new Map();
    widestWords.set(parties, bySize);
  }
  let widest = bySize.get(size);
  if (widest === undefined) {
    const words = [...new Set(parties.flatMap((party) => party.split(' ')))];
    widest = measurer(
      size,
      700,
    )(words).then((widths) => widths.reduce((most, width) => Math.max(most, width), 0));
    bySize.set(size, widest);
  }
  return widest;
}

/** Party names shrink to fit the cover's column down to this size, and then hyphenate. */
const minimumPartySize = 40;

/**
 * Lays out a post: cover, each chosen Q&A paginated so that everything fits (measured by
 * satori, the engine that draws the slides), closing. Throws before drawing anything when a
 * character cannot be drawn or the Q&As need more than ten slides.
 */
export async function planCarousel(
  input: CarouselInput,
  templates: TemplateSet,
): Promise<PlannedSlide[]> {
  const { metrics } = templates;
  const { type } = metrics;
  const qas = chosenQas(input);
  const glyphIssues = findGlyphIssues(input);
  if (glyphIssues.length > 0) throw new GlyphError(glyphIssues);

  const { width, height } = formatSizes[input.format];
  let cover = await fitCoverTexts(input, width, height, metrics, type.hookSizes[0]!);
  const context = (number: number, count: number): SlideContext => ({
    format: input.format,
    width,
    height,
    themeName: input.themeName,
    theme: input.theme,
    brand: input.brand,
    campaign: input.campaign,
    speaker: {
      name: input.interview.interviewee.name,
      role: input.interview.interviewee.role,
      party: input.interview.party,
    },
    cover,
    date: input.date,
    number,
    count,
  });
  const { maxSlides } = instagramLimits;
  // Measure with the widest slide number there can be, so numbering never changes the fit.
  const measuring = context(maxSlides, maxSlides);
  const contentHeight = async (slide: SlidePlan, ctx = measuring): Promise<number> =>
    (
      await renderSvg(slideElement(templates, ctx, slide, true), { width }, undefined, {
        isMeasuring: true,
      })
    ).height;
  const fits = async (slide: SlidePlan): Promise<boolean> => (await contentHeight(slide)) <= height;
  // A Q&A slide's height by parts (answer-fit.ts): its frame and its answer's texts measured.
  const column = metrics.columnWidth(input.format, width);
  const qaHeight = await answerFit(templates, input.format, input.themeName, column, (slide) =>
    contentHeight(slide),
  );
  // A slide is full when what would come next cannot fit in the room left: a new paragraph or
  // item adds at least its gap and a line; more of the same paragraph adds a line when it is
  // wider than the column. (The last piece of an answer also drops the continuation mark, so
  // it is always measured.) Knowing this saves measuring a slide that cannot fit.
  const bodyLine = type.body * type.bodyLineHeight;
  const newBlock = Math.min(type.paragraphGap, type.itemGap) + bodyLine;
  // Where the answers below change: a slide this close to one is measured whole.
  const limits = [height, height - newBlock, height - bodyLine];
  const measureQa: MeasureSlide = async (slide, next) => {
    const room = height - (await qaHeight(slide, limits));
    if (room < 0) return { fits: false, isFull: false };
    if (next === undefined || next.isLast) return { fits: true, isFull: false };
    if (next.startsBlock) return { fits: true, isFull: room < newBlock };
    if (room >= bodyLine) return { fits: true, isFull: false };
    const [natural] = await measurer(type.body, 400)([next.text]);
    return { fits: true, isFull: natural! > column };
  };

  const plans: SlidePlan[] = [{ kind: 'cover' }];
  const perQa: { id: string; count: number }[] = [];
  const hint = defaultCapacityHint();
  for (const qa of qas) {
    let slides: QaSlide[];
    try {
      slides = await paginateQa(
        await breakQaWords(qa, input.format, width, metrics),
        measureQa,
        hint,
      );
    } catch (error) {
      if (!(error instanceof SlideFitError)) throw error;
      // A word of its own taller than the room (hyphenated over many lines: a URL, words run
      // together) is the answer's fault; else only a question that fills the slide by itself
      // leaves no room for a single word.
      if (!/\s/.test(error.piece) && error.piece.includes(insertedHyphen)) {
        const length = [...error.piece.replaceAll(insertedHyphen, '')].length;
        throw layoutError(
          `${input.interview.id}: ${qa.id}: ${error.message}`,
          `a word of ${length} characters is more than a slide holds: look for a missing space, or shorten it`,
          {
            message: `${input.interview.id}: ${qa.id}: ${error.sv}`,
            hint: `ett ord på ${length} tecken är mer än en bild rymmer: se efter om ett mellanslag fattas, eller korta det`,
          },
        );
      }
      const isTallest = input.format === 'story';
      throw layoutError(
        `${input.interview.id}: ${qa.id}: ${error.message}`,
        isTallest
          ? 'shorten the question: it leaves no room for its answer'
          : 'shorten the question: it leaves no room for its answer (or use a taller format)',
        {
          message: `${input.interview.id}: ${qa.id}: ${error.sv}`,
          hint: isTallest
            ? 'korta frågan: den lämnar ingen plats åt svaret'
            : 'korta frågan: den lämnar ingen plats åt svaret (eller använd ett högre format)',
        },
      );
    }
    perQa.push({ id: qa.id, count: slides.length });
    plans.push(...slides);
  }
  plans.push({ kind: 'closing' });

  // Instagram's limit, told here rather than by limitProblems: only the layout knows how many
  // slides each Q&A needs, which is what the communicator has to choose among.
  if (plans.length > maxSlides) {
    const detail = (needs: string): string =>
      perQa.map(({ id, count }) => `${id} ${needs} ${count}`).join(', ');
    const isSquare = input.format === 'square';
    throw layoutError(
      `${input.interview.id}: the chosen Q&As need ${plans.length} slides with cover and closing; a carousel holds at most ${maxSlides} (${detail('needs')})`,
      isSquare
        ? 'choose fewer or shorter Q&As, or use the portrait format, which holds more text a slide'
        : 'choose fewer or shorter Q&As',
      {
        message: `${input.interview.id}: de valda frågorna behöver ${plans.length} bilder med omslaget och slutbilden; en karusell rymmer högst ${maxSlides} (${detail('behöver')})`,
        hint: isSquare
          ? 'välj färre eller kortare frågor, eller använd formatet stående, som rymmer mer text per bild'
          : 'välj färre eller kortare frågor',
      },
      SlideLimitError,
    );
  }
  // The hook takes the largest size at which the cover fits: it is the one text on the cover
  // whose length varies from post to post.
  const coverFits = async (): Promise<boolean> =>
    (await contentHeight({ kind: 'cover' }, { ...measuring, cover })) <= height;
  let isCoverFitting = await coverFits();
  for (const size of type.hookSizes.slice(1)) {
    if (isCoverFitting) break;
    cover = await fitCoverTexts(input, width, height, metrics, size);
    isCoverFitting = await coverFits();
  }
  if (!isCoverFitting) {
    const hasHighlight = input.highlight !== undefined;
    throw layoutError(
      `${input.interview.id}: the cover slide does not fit`,
      hasHighlight
        ? 'choose a shorter highlight'
        : 'shorten the first question, the party, name or role, or the brand texts (or choose a highlight: a short passage of the answer)',
      {
        message: `${input.interview.id}: texten på omslaget får inte plats`,
        hint: hasHighlight
          ? 'välj en kortare highlight'
          : 'korta den första frågan, partiets namn, personens namn eller roll, eller texterna i brand.yaml (eller välj en highlight: ett kort utdrag ur svaret)',
      },
    );
  }
  if (!(await fits({ kind: 'closing' }))) {
    throw layoutError(
      `${input.interview.id}: the closing slide does not fit`,
      'shorten the party, name or role, or the brand texts',
      {
        message: `${input.interview.id}: texten på slutbilden får inte plats`,
        hint: 'korta partiets namn, personens namn eller roll, eller texterna i brand.yaml',
      },
    );
  }

  return plans.map((plan, index) => {
    const ctx = context(index + 1, plans.length);
    const element = slideElement(templates, ctx, plan);
    return { kind: slideKind(plan), plan, ctx, element, text: elementText(element) };
  });
}

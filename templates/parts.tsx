import type { ReactNode } from 'react';
import type { Format, Surface } from '../src/data/schema.js';
import type { SlideContext } from '../src/slide/slide-context.js';

/**
 * Shared pieces of every template. Sizes are pixels on a 1080 px wide slide, one modular scale
 * for every party of every campaign (PRODUCT.md, "The look"): labels 28, answers 42, questions
 * 50, the cover's quote 60 at most; on a 12-column grid with 90 px margins.
 */
export const type = {
  label: 28,
  body: 42,
  bodyLineHeight: 1.36,
  /** Space above a paragraph, and above a list item, in an answer. */
  paragraphGap: 22,
  itemGap: 10,
  /** The bullet column of a list item: its text is that much narrower than a paragraph. */
  bulletColumn: 40,
  /** Every question, at one size: a long one takes more lines, never a smaller size. */
  question: 50,
  questionLineHeight: 1.14,
  /** The question repeated above the rest of its answer. */
  smallQuestion: 28,
  /** The cover's hook: a quote, or the first question. */
  hookSizes: [60, 52, 46, 40],
  hookLineHeight: 1.16,
  /** The party on the cover, at most (it shrinks to fit, one size a campaign). */
  party: 52,
} as const;

/** The cover's interviewee and role size (the party's is `type.party`, or less to fit). */
export const coverType = { name: 32, role: 32 } as const;

/** Margins per format: the story format keeps clear of Instagram's own bars (~250 px each end). */
export function frame(format: Format): { x: number; top: number; bottom: number } {
  switch (format) {
    case 'square':
      return { x: 90, top: 72, bottom: 60 };
    case 'portrait':
      return { x: 90, top: 104, bottom: 88 };
    case 'story':
      return { x: 90, top: 260, bottom: 300 };
  }
}

/**
 * Side margins of the cover, the one slide the profile grid shows: Instagram crops it to 3:4
 * from the middle, which takes 135 px off each side of a square post (only 34 px of a
 * portrait one), so the cover keeps its text inside that crop with room to spare.
 */
export function coverMarginX(format: Format, width: number, height: number): number {
  const cropped = Math.max(0, (width - (height * 3) / 4) / 2);
  return Math.max(frame(format).x, Math.round(cropped + 30));
}

/** Width of the text column: the slide less its side margins. */
export function columnWidth(format: Format, width: number): number {
  return width - 2 * frame(format).x;
}

/** A story is not a carousel (FACTS.md): no swipe cue, no slide count. */
export function isCarousel(ctx: SlideContext): boolean {
  return ctx.format !== 'story';
}

/**
 * The slide itself. `measure` drops the fixed height: satori then reports the height of the
 * content, which fits exactly when it is no taller than the slide (the spacers take the rest).
 */
export function Root(props: {
  ctx: SlideContext;
  surface: Surface;
  measure: boolean;
  /** Side margins other than the format's (the cover keeps inside the profile-grid crop). */
  marginX?: number;
  children: ReactNode;
}): ReactNode {
  const { ctx, surface } = props;
  const margins = {
    ...frame(ctx.format),
    ...(props.marginX === undefined ? {} : { x: props.marginX }),
  };
  return (
    <div
      style={{
        display: 'flex',
        flexDirection: 'column',
        boxSizing: 'border-box',
        width: ctx.width,
        ...(props.measure ? {} : { height: ctx.height }),
        padding: `${margins.top}px ${margins.x}px ${margins.bottom}px`,
        backgroundColor: surface.background,
        color: surface.text,
        fontFamily: 'Source Sans 3',
        fontSize: type.body,
        position: 'relative',
      }}
    >
      <Decor ctx={ctx} />
      {props.children}
    </div>
  );
}

/** Decoration at the top edge, never behind text: a Progress Pride band, or the theme's rule. */
function Decor({ ctx }: { ctx: SlideContext }): ReactNode {
  const colours = ctx.theme.decor;
  const band = ctx.themeName === 'pride' ? 18 : 12;
  return (
    <div
      style={{
        display: 'flex',
        position: 'absolute',
        top: 0,
        left: 0,
        width: ctx.width,
        height: band + 5,
      }}
    >
      {ctx.themeName === 'pride' ? (
        colours.map((colour, index) => (
          <div
            key={index}
            style={{ display: 'flex', flexGrow: 1, height: band, backgroundColor: colour }}
          />
        ))
      ) : (
        <div style={{ display: 'flex', flexDirection: 'column', width: ctx.width }}>
          <div
            style={{ display: 'flex', height: band, backgroundColor: colours[1] ?? colours[0] }}
          />
          <div style={{ display: 'flex', height: 5, backgroundColor: colours[0] }} />
        </div>
      )}
    </div>
  );
}

/**
 * The organisation's mark: its initial (or brand.yaml's `mark`) in a circle, at the foot of
 * every slide. The brand is a sign at the edge, not a line of text competing with the quote.
 */
export function Mark({ ctx, surface }: { ctx: SlideContext; surface: Surface }): ReactNode {
  const letters = ctx.brand.mark ?? [...ctx.brand.organisation][0] ?? '';
  return (
    <div
      style={{
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        width: 52,
        height: 52,
        borderRadius: 26,
        backgroundColor: surface.text,
        color: surface.background,
        fontSize: letters.length > 1 ? 22 : 30,
        fontWeight: 700,
        lineHeight: 1,
      }}
    >
      {letters}
    </div>
  );
}

/** Where we are in the carousel: "2/6 →", no arrow on the last slide, nothing in a story. */
export function SlideCount({ ctx, surface }: { ctx: SlideContext; surface: Surface }): ReactNode {
  if (!isCarousel(ctx)) return null;
  const isLast = ctx.number === ctx.count;
  return (
    <div
      style={{
        display: 'flex',
        marginLeft: 22,
        fontSize: type.label,
        fontWeight: 600,
        color: isLast ? surface.muted : surface.accent,
      }}
    >
      {isLast ? `${ctx.number}/${ctx.count}` : `${ctx.number}/${ctx.count} →`}
    </div>
  );
}

/** Who said it (on every slide), and the mark with where we are in the carousel. */
export function Footer({ ctx, surface }: { ctx: SlideContext; surface: Surface }): ReactNode {
  return (
    <div
      style={{
        display: 'flex',
        justifyContent: 'space-between',
        alignItems: 'center',
        marginTop: 24,
        fontSize: type.label,
        lineHeight: 1.25,
        color: surface.muted,
      }}
    >
      <div data-line=", " style={{ display: 'flex', alignItems: 'stretch', maxWidth: '78%' }}>
        <div
          style={{ display: 'flex', width: 6, marginRight: 18, backgroundColor: surface.accent }}
        />
        <div data-line=", " style={{ display: 'flex', flexDirection: 'column' }}>
          <div style={{ display: 'flex', fontWeight: 700, color: surface.text }}>
            {ctx.speaker.name}
          </div>
          <div style={{ display: 'flex' }}>{`${ctx.speaker.role}, ${ctx.speaker.party}`}</div>
        </div>
      </div>
      <div style={{ display: 'flex', alignItems: 'center' }}>
        <Mark ctx={ctx} surface={surface} />
        <SlideCount ctx={ctx} surface={surface} />
      </div>
    </div>
  );
}

/** A short rule in the theme's first decor colour, under a heading. */
export function Rule({ ctx, margin }: { ctx: SlideContext; margin: string }): ReactNode {
  return (
    <div
      style={{
        display: 'flex',
        width: 88,
        height: 5,
        margin,
        backgroundColor: ctx.theme.decor[0],
      }}
    />
  );
}

/** Takes the free height, pushing what follows to the bottom edge. */
export function Spacer(): ReactNode {
  return <div style={{ display: 'flex', flexGrow: 1 }} />;
}

/**
 * A sentence of our own whose last word, when short ("2020."), is kept with the word before it
 * by a no-break space: a year alone on the last line reads as a mistake. Only for the templates'
 * own sentences, never a politician's words, which are drawn as written.
 */
export function keepLastWordWithItsNeighbour(text: string): string {
  return text.replace(/ (\S{1,6})$/u, '\u00a0$1');
}

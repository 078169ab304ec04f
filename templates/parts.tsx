import type { ReactNode } from 'react';
import type { Format, Surface } from '../src/data/schema.js';
import type { SlideContext } from '../src/slide/slide-context.js';

/**
 * Shared pieces of every template. Sizes are pixels on a 1080 px wide slide: a modular scale
 * (labels 28, answers 42, questions 48–58, names 84) on a 12-column grid with 90 px margins.
 */
export const type = {
  label: 28,
  body: 42,
  bodyLineHeight: 1.36,
  /** Space above a paragraph, and above a list item, in an answer. */
  paragraphGap: 22,
  itemGap: 10,
  /** The bullet's column in front of a list item's text. */
  bulletColumn: 40,
  smallQuestion: 30,
  party: 84,
} as const;

/** The cover's interviewee and role sizes (the party's is `type.party`, or less to fit). */
export const coverType = { name: 48, role: 36 } as const;

/** Margins per format: the story format keeps clear of Instagram's own bars (~250 px each end). */
export function frame(format: Format): { x: number; top: number; bottom: number } {
  switch (format) {
    case 'square':
      return { x: 90, top: 78, bottom: 64 };
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

/** A question's size by its length: long questions step down so the answer keeps room. */
export function questionSize(question: string): number {
  if (question.length <= 90) return 58;
  if (question.length <= 140) return 52;
  return 48;
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

/** Campaign marker and title on the left, the organisation's handle on the right. */
export function Header({ ctx, surface }: { ctx: SlideContext; surface: Surface }): ReactNode {
  return (
    <div
      style={{
        display: 'flex',
        justifyContent: 'space-between',
        alignItems: 'center',
        fontSize: type.label,
        fontWeight: 600,
        color: surface.muted,
        lineHeight: 1.2,
      }}
    >
      <div style={{ display: 'flex' }}>{`${ctx.campaign.marker} ${ctx.campaign.title}`}</div>
      <div style={{ display: 'flex' }}>{ctx.brand.handle}</div>
    </div>
  );
}

/** Who said it (on every slide), and the slide number with a swipe cue until the last. */
export function Footer({ ctx, surface }: { ctx: SlideContext; surface: Surface }): ReactNode {
  const isLast = ctx.number === ctx.count;
  return (
    <div
      style={{
        display: 'flex',
        justifyContent: 'space-between',
        alignItems: 'flex-end',
        fontSize: type.label,
        lineHeight: 1.25,
        color: surface.muted,
        marginTop: 28,
      }}
    >
      <div style={{ display: 'flex', flexDirection: 'column', maxWidth: '80%' }}>
        <div style={{ display: 'flex', fontWeight: 700, color: surface.text }}>
          {ctx.speaker.name}
        </div>
        <div style={{ display: 'flex' }}>{`${ctx.speaker.role}, ${ctx.speaker.party}`}</div>
      </div>
      <div
        style={{ display: 'flex', fontWeight: 600, color: isLast ? surface.muted : surface.accent }}
      >
        {isLast ? `${ctx.number}/${ctx.count}` : `${ctx.number}/${ctx.count} →`}
      </div>
    </div>
  );
}

/** Takes the free height, pushing the footer to the bottom edge. */
export function Spacer(): ReactNode {
  return <div style={{ display: 'flex', flexGrow: 1 }} />;
}

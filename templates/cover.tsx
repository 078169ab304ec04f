import type { ReactNode } from 'react';
import type { SlideContext } from '../src/slide/slide-context.js';
import { formatSwedishDate } from '../src/slide/slide-context.js';
import { coverMarginX, coverType, isCarousel, Mark, Root, Rule, Spacer, type } from './parts.js';

/**
 * The cover, the slide that has to make someone stop scrolling: the hook large (a passage of
 * the answer in Swedish quotation marks, or else the first question), then who said it — the
 * party large, name and role — under the campaign and the date. The Advent theme adds a
 * discreet calendar door with the day.
 */
export function CoverTemplate(props: { ctx: SlideContext; measure: boolean }): ReactNode {
  const { ctx } = props;
  const surface = ctx.theme.dark;
  const { hook } = ctx.cover;
  const day = Number(ctx.date.slice(8, 10));
  return (
    <Root
      ctx={ctx}
      surface={surface}
      measure={props.measure}
      marginX={coverMarginX(ctx.format, ctx.width, ctx.height)}
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start' }}>
        <div style={{ display: 'flex', flexDirection: 'column', lineHeight: 1.22 }}>
          <div style={{ display: 'flex', fontSize: 30, fontWeight: 700, color: surface.accent }}>
            {`${ctx.campaign.marker} ${ctx.campaign.title}`.trim()}
          </div>
          <div style={{ display: 'flex', marginTop: 4, fontSize: 26, color: surface.muted }}>
            {ctx.campaign.subtitle ?? formatSwedishDate(ctx.date)}
          </div>
        </div>
        {ctx.themeName === 'advent' ? (
          <div
            style={{
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'center',
              flexShrink: 0,
              width: 76,
              height: 76,
              marginLeft: 24,
              border: `3px solid ${surface.accent}`,
              borderRadius: 12,
              fontSize: 40,
              fontWeight: 700,
              color: surface.accent,
            }}
          >
            {String(day)}
          </div>
        ) : null}
      </div>
      <Spacer />
      {hook.kind === 'quote' ? (
        // The opening mark hangs in the margin, so the words line up with everything below.
        <div
          data-line=""
          style={{
            display: 'flex',
            marginLeft: -30,
            fontSize: hook.size,
            fontWeight: 600,
            lineHeight: type.hookLineHeight,
          }}
        >
          <div style={{ display: 'flex', flexShrink: 0, width: 30, color: surface.accent }}>”</div>
          <div style={{ display: 'flex', flexShrink: 1 }}>{`${hook.text}”`}</div>
        </div>
      ) : (
        <div style={{ display: 'flex', flexDirection: 'column' }}>
          <div
            style={{
              display: 'flex',
              marginBottom: 14,
              fontSize: 26,
              fontWeight: 600,
              letterSpacing: 2,
              color: surface.muted,
            }}
          >
            VI FRÅGADE
          </div>
          <div
            style={{
              display: 'flex',
              fontSize: hook.size,
              fontWeight: 700,
              lineHeight: type.hookLineHeight,
            }}
          >
            {hook.text}
          </div>
        </div>
      )}
      <Rule ctx={ctx} margin="38px 0 28px" />
      <div
        style={{
          display: 'flex',
          fontSize: ctx.cover.partySize,
          fontWeight: 700,
          lineHeight: 1.08,
        }}
      >
        {ctx.cover.party}
      </div>
      <div
        data-line=" "
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          marginTop: 8,
          fontSize: coverType.name,
          lineHeight: 1.25,
          color: surface.muted,
        }}
      >
        <div style={{ display: 'flex', fontWeight: 600, color: surface.text }}>
          {`${ctx.cover.name},`}
        </div>
        <div style={{ display: 'flex', marginLeft: 9 }}>{ctx.cover.role}</div>
      </div>
      <Spacer />
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          fontSize: type.label,
          color: surface.muted,
        }}
      >
        <div style={{ display: 'flex', alignItems: 'center' }}>
          <Mark ctx={ctx} surface={surface} />
          {ctx.campaign.subtitle === undefined ? null : (
            <div style={{ display: 'flex', marginLeft: 18 }}>{formatSwedishDate(ctx.date)}</div>
          )}
        </div>
        {isCarousel(ctx) ? (
          <div style={{ display: 'flex', fontWeight: 600, color: surface.accent }}>
            Svep för svaren →
          </div>
        ) : null}
      </div>
    </Root>
  );
}

import type { ReactNode } from 'react';
import type { SlideContext } from '../src/slide/slide-context.js';
import { formatSwedishDate } from '../src/slide/slide-context.js';
import { Root, Spacer, coverMarginX, coverType, type } from './parts.js';

/** Campaign, party (large), interviewee and role, date; a discreet calendar door for Advent. */
export function CoverTemplate(props: { ctx: SlideContext; measure: boolean }): ReactNode {
  const { ctx } = props;
  const surface = ctx.theme.dark;
  const day = Number(ctx.date.slice(8, 10));
  return (
    <Root
      ctx={ctx}
      surface={surface}
      measure={props.measure}
      marginX={coverMarginX(ctx.format, ctx.width, ctx.height)}
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start' }}>
        <div style={{ display: 'flex', flexDirection: 'column', fontSize: 34, lineHeight: 1.2 }}>
          <div style={{ display: 'flex', fontWeight: 700, color: surface.accent }}>
            {`${ctx.campaign.marker} ${ctx.campaign.title}`}
          </div>
          {ctx.campaign.subtitle === undefined ? null : (
            <div
              style={{ display: 'flex', marginTop: 6, fontSize: type.label, color: surface.muted }}
            >
              {ctx.campaign.subtitle}
            </div>
          )}
        </div>
        {ctx.themeName === 'advent' ? (
          <div
            style={{
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'center',
              width: 112,
              height: 112,
              border: `4px solid ${surface.accent}`,
              borderRadius: 14,
              fontSize: 60,
              fontWeight: 700,
              color: surface.accent,
            }}
          >
            {String(day)}
          </div>
        ) : null}
      </div>
      <Spacer />
      <div
        style={{
          display: 'flex',
          fontSize: type.label,
          fontWeight: 600,
          color: surface.muted,
          letterSpacing: 2,
        }}
      >
        INTERVJU
      </div>
      <div
        style={{
          display: 'flex',
          marginTop: 8,
          fontSize: ctx.cover.partySize,
          fontWeight: 700,
          lineHeight: 1.05,
        }}
      >
        {ctx.cover.party}
      </div>
      <div
        style={{
          display: 'flex',
          width: 120,
          height: 6,
          margin: '36px 0 32px',
          backgroundColor: surface.accent,
        }}
      />
      <div style={{ display: 'flex', fontSize: coverType.name, fontWeight: 600, lineHeight: 1.15 }}>
        {ctx.cover.name}
      </div>
      <div
        style={{
          display: 'flex',
          marginTop: 6,
          fontSize: coverType.role,
          color: surface.muted,
          lineHeight: 1.2,
        }}
      >
        {ctx.cover.role}
      </div>
      <Spacer />
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'flex-end',
          fontSize: type.label,
          lineHeight: 1.25,
          color: surface.muted,
        }}
      >
        <div
          style={{ display: 'flex' }}
        >{`${formatSwedishDate(ctx.date)} · ${ctx.brand.handle}`}</div>
        <div
          style={{ display: 'flex', fontWeight: 600, color: surface.accent }}
        >{`Svep för att läsa →`}</div>
      </div>
    </Root>
  );
}

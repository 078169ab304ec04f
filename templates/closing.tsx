import type { ReactNode } from 'react';
import type { SlideContext } from '../src/slide/slide-context.js';
import { Footer, keepLastWordWithItsNeighbour, Root, Spacer } from './parts.js';

/** Where to read the whole interview, who we are, and how parties reach us. */
export function ClosingTemplate(props: { ctx: SlideContext; measure: boolean }): ReactNode {
  const { ctx } = props;
  const surface = ctx.theme.dark;
  return (
    <Root ctx={ctx} surface={surface} measure={props.measure}>
      <Spacer />
      <div style={{ display: 'flex', fontSize: 64, fontWeight: 700, lineHeight: 1.1 }}>
        Läs hela intervjun
      </div>
      <div
        style={{
          display: 'flex',
          marginTop: 14,
          fontSize: 52,
          fontWeight: 600,
          color: surface.accent,
        }}
      >
        {ctx.brand.interviewsUrl}
      </div>
      <div style={{ display: 'flex', marginTop: 30, fontSize: 36, lineHeight: 1.3 }}>
        {keepLastWordWithItsNeighbour(
          // The preposition goes with the campaign's name, not alone at a line's end.
          `Där finns alla svar från ${ctx.speaker.party} i\u00a0${ctx.campaign.title}.`,
        )}
      </div>
      <Spacer />
      <div style={{ display: 'flex', fontSize: 30, lineHeight: 1.3, color: surface.muted }}>
        {ctx.brand.contactLine}
      </div>
      <div
        style={{ display: 'flex', marginTop: 18, fontSize: 30, fontWeight: 700, lineHeight: 1.3 }}
      >
        {`${ctx.brand.organisation} · ${ctx.brand.handle} · ${ctx.brand.website}`}
      </div>
      <Footer ctx={ctx} surface={surface} />
    </Root>
  );
}

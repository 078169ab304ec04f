import type { ReactNode } from 'react';
import type { QaSlide } from '../src/layout/slide-plan.js';
import type { SlideContext } from '../src/render/slide-context.js';
import { Answer } from './answer.js';
import { Footer, Header, Root, Spacer, questionSize } from './parts.js';

/** A question, large, and the start of its answer. */
export function QaTemplate(props: {
  ctx: SlideContext;
  slide: QaSlide;
  measure: boolean;
}): ReactNode {
  const { ctx, slide } = props;
  const surface = ctx.theme.light;
  return (
    <Root ctx={ctx} surface={surface} measure={props.measure}>
      <Header ctx={ctx} surface={surface} />
      <div
        style={{
          display: 'flex',
          marginTop: 44,
          fontSize: questionSize(slide.question),
          fontWeight: 700,
          lineHeight: 1.14,
          color: surface.accent,
        }}
      >
        {slide.question}
      </div>
      <div
        style={{
          display: 'flex',
          width: 96,
          height: 5,
          margin: '30px 0 30px',
          backgroundColor: ctx.theme.decor[0],
        }}
      />
      <Answer blocks={slide.blocks} surface={surface} continues={slide.continues} />
      <Spacer />
      <Footer ctx={ctx} surface={surface} />
    </Root>
  );
}

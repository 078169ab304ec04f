import type { ReactNode } from 'react';
import type { QaSlide } from '../src/layout/slide-plan.js';
import type { SlideContext } from '../src/slide/slide-context.js';
import { AnswerSlide } from './answer.js';
import { Rule, type } from './parts.js';

/** A question, large, and the start of its answer. */
export function QaTemplate(props: {
  ctx: SlideContext;
  slide: QaSlide;
  measure: boolean;
}): ReactNode {
  const { ctx, slide } = props;
  const surface = ctx.theme.light;
  return (
    <AnswerSlide
      ctx={ctx}
      slide={slide}
      measure={props.measure}
      heading={
        <>
          <div
            style={{
              display: 'flex',
              marginTop: 6,
              fontSize: type.question,
              fontWeight: 700,
              lineHeight: type.questionLineHeight,
              color: surface.accent,
            }}
          >
            {slide.question}
          </div>
          <Rule ctx={ctx} margin="24px 0 26px" />
        </>
      }
    />
  );
}

import type { ReactNode } from 'react';
import type { QaSlide } from '../src/layout/slide-plan.js';
import type { SlideContext } from '../src/slide/slide-context.js';
import { AnswerSlide } from './answer.js';
import { questionSize } from './parts.js';

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
        </>
      }
    />
  );
}

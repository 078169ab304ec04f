import type { ReactNode } from 'react';
import type { QaSlide } from '../src/layout/slide-plan.js';
import type { SlideContext } from '../src/slide/slide-context.js';
import { AnswerSlide } from './answer.js';
import { type } from './parts.js';

/** The rest of an answer: the question repeated small, marked as going on ("forts."). */
export function ContinuationTemplate(props: {
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
              paddingLeft: 20,
              borderLeft: `5px solid ${surface.accent}`,
              fontSize: type.smallQuestion,
              lineHeight: 1.3,
              color: surface.muted,
            }}
          >
            {`${slide.question} (forts.)`}
          </div>
          <div style={{ display: 'flex', height: 30 }} />
        </>
      }
    />
  );
}

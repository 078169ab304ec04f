import type { ReactNode } from 'react';
import type { QaSlide } from '../src/layout/slide-plan.js';
import type { SlideContext } from '../src/slide/slide-context.js';
import { AnswerSlide } from './answer.js';
import { type } from './parts.js';

/** The rest of an answer: the question repeated small, marked as continued. */
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
              flexDirection: 'column',
              marginTop: 40,
              paddingLeft: 22,
              borderLeft: `5px solid ${ctx.theme.decor[0]}`,
              fontSize: type.smallQuestion,
              lineHeight: 1.28,
              color: surface.muted,
            }}
          >
            <div style={{ display: 'flex', fontWeight: 700, color: surface.accent }}>
              Svaret fortsätter
            </div>
            <div style={{ display: 'flex', fontWeight: 600 }}>{slide.question}</div>
          </div>
          <div style={{ display: 'flex', height: 34 }} />
        </>
      }
    />
  );
}

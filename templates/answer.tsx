import type { ReactNode } from 'react';
import type { Surface } from '../src/data/schema.js';
import type { Block, QaSlide } from '../src/layout/slide-plan.js';
import type { SlideContext } from '../src/slide/slide-context.js';
import { Footer, Root, Spacer, type } from './parts.js';

/**
 * An answer, or the part of one that fits this slide: paragraphs, and lists drawn as flex rows
 * (satori's list-item display breaks as soon as a font family is set).
 */
export function Answer(props: { blocks: readonly Block[]; surface: Surface }): ReactNode {
  const { surface } = props;
  return (
    <div
      style={{
        display: 'flex',
        flexDirection: 'column',
        fontSize: type.body,
        lineHeight: type.bodyLineHeight,
      }}
    >
      {props.blocks.map((block, index) =>
        block.kind === 'paragraph' ? (
          <div
            key={index}
            style={{ display: 'flex', marginTop: index === 0 ? 0 : type.paragraphGap }}
          >
            {block.text}
          </div>
        ) : (
          <div
            key={index}
            style={{
              display: 'flex',
              flexDirection: 'column',
              marginTop: index === 0 ? 0 : type.paragraphGap,
            }}
          >
            {block.items.map((item, itemIndex) => (
              <div
                key={itemIndex}
                data-line=" "
                style={{ display: 'flex', marginTop: itemIndex === 0 ? 0 : type.itemGap }}
              >
                <div
                  style={{
                    display: 'flex',
                    width: type.bulletColumn,
                    flexShrink: 0,
                    color: surface.accent,
                    fontWeight: 700,
                  }}
                >
                  {item.hasBullet ? '•' : ''}
                </div>
                <div style={{ display: 'flex', flex: 1 }}>{item.text}</div>
              </div>
            ))}
          </div>
        ),
      )}
    </div>
  );
}

/**
 * A question/answer slide: the template's heading (the question, large or repeated small), the
 * answer, and at the foot who said it, the mark and where we are. Nothing else: the answer is
 * the hero. The question and continuation templates differ only in their heading.
 */
export function AnswerSlide(props: {
  ctx: SlideContext;
  slide: QaSlide;
  measure: boolean;
  heading: ReactNode;
}): ReactNode {
  const { ctx, slide } = props;
  const surface = ctx.theme.light;
  return (
    <Root ctx={ctx} surface={surface} measure={props.measure}>
      {props.heading}
      <Answer blocks={slide.blocks} surface={surface} />
      <Spacer />
      <Footer ctx={ctx} surface={surface} />
    </Root>
  );
}

import { createElement, isValidElement, type ReactElement, type ReactNode } from 'react';
import type { SlidePlan } from '../layout/slide-plan.js';
import type { SlideContext } from '../slide/slide-context.js';
import type { TemplateSet } from '../slide/template-set.js';

export type SlideKind = 'cover' | 'qa' | 'continuation' | 'closing';

/** The kind of a planned slide: which template draws it. */
export function slideKind(slide: SlidePlan): SlideKind {
  if (slide.kind === 'qa') return slide.isContinuation ? 'continuation' : 'qa';
  return slide.kind;
}

/**
 * The element for one slide, drawn by the template of its kind; `measure` lets its height
 * follow its content (see SlideTemplate).
 */
export function slideElement(
  templates: TemplateSet,
  ctx: SlideContext,
  slide: SlidePlan,
  measure = false,
): ReactElement {
  switch (slide.kind) {
    case 'cover':
      return createElement(templates.cover, { ctx, measure });
    case 'closing':
      return createElement(templates.closing, { ctx, measure });
    case 'qa':
      return slide.isContinuation
        ? createElement(templates.continuation, { ctx, slide, measure })
        : createElement(templates.qa, { ctx, slide, measure });
  }
}

type Props = { children?: ReactNode; style?: { flexDirection?: string } };

/**
 * The text an element draws, read from the same element tree satori draws: so `post.json`'s
 * `text` and the alt text can never drift from the pixels. Text inside one element stays on one
 * line; sibling elements go on lines of their own.
 */
export function elementText(node: ReactNode): string {
  const lines: string[] = [];
  const walk = (current: ReactNode): void => {
    if (current === null || current === undefined || typeof current === 'boolean') return;
    if (typeof current === 'string' || typeof current === 'number') {
      lines.push(String(current));
      return;
    }
    if (Array.isArray(current)) {
      current.forEach(walk);
      return;
    }
    if (!isValidElement(current)) return;
    const element = current as ReactElement<Props>;
    if (typeof element.type === 'function') {
      walk((element.type as (props: Props) => ReactNode)(element.props));
      return;
    }
    const children = element.props.children;
    const parts = Array.isArray(children) ? (children as ReactNode[]) : [children];
    if (parts.every((part) => typeof part === 'string' || typeof part === 'number')) {
      lines.push(parts.join(''));
      return;
    }
    // A row marked `data-line` reads as one line ("• item", "Name, role, party").
    if ((element.props as { 'data-line'?: string })['data-line'] !== undefined) {
      const separator = (element.props as { 'data-line'?: string })['data-line'];
      lines.push(
        parts
          .map((part) => elementText(part))
          .filter((text) => text !== '')
          .join(separator),
      );
      return;
    }
    parts.forEach(walk);
  };
  walk(node);
  return lines.filter((line) => line.trim() !== '').join('\n');
}

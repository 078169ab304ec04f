import { renderSvg } from '../../src/render/svg.js';
import { slideElement } from '../../src/render/slide-element.js';
import type { PlannedSlide } from '../../src/render/carousel.js';
import { templates } from '../../templates/index.js';

export interface Overflow {
  slide: number;
  what: string;
  box: { left: number; top: number; width: number; height: number };
}

/**
 * Lays a slide out again, independently of the pagination that planned it, and returns every
 * box that reaches past the slide's edges, plus the whole slide when its content is taller
 * than the format. Empty means nothing is clipped.
 */
export async function findOverflow(slide: PlannedSlide): Promise<Overflow[]> {
  const { width, height } = slide.ctx;
  const found: Overflow[] = [];
  const measured = await renderSvg(
    slideElement(templates, slide.ctx, slide.plan, true),
    { width },
    (node) => {
      const box = { left: node.left, top: node.top, width: node.width, height: node.height };
      if (
        box.left < -0.5 ||
        box.top < -0.5 ||
        box.left + box.width > width + 0.5 ||
        box.top + box.height > height + 0.5
      ) {
        found.push({
          slide: slide.ctx.number,
          what: (node as { textContent?: string }).textContent ?? node.type,
          box,
        });
      }
    },
  );
  if (measured.height > height) {
    found.push({
      slide: slide.ctx.number,
      what: 'content taller than the slide',
      box: { left: 0, top: 0, width, height: measured.height },
    });
  }
  return found;
}

import { readFile } from 'node:fs/promises';
import { isValidElement, type ReactElement, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadBrand, loadData } from '../../src/data/load.js';
import { interviewSchema } from '../../src/data/schema.js';
import type { PlannedSlide } from '../../src/render/carousel.js';
import { specOfPost } from '../../src/render/post-spec.js';
import { layOutPost } from '../../src/render/render-post.js';
import { templates } from '../../templates/index.js';
import { planTestCarousel } from '../helpers/plan.js';

const dataset = await loadData('data');

/** Answer words on each slide of each Q&A of a carousel: { q1: [73, 70], q6: [24] }. */
function wordsPerSlide(slides: readonly PlannedSlide[]): Map<string, number[]> {
  const perQa = new Map<string, number[]>();
  for (const { plan } of slides) {
    if (plan.kind !== 'qa') continue;
    const text = plan.blocks
      .flatMap((block) =>
        block.kind === 'paragraph' ? [block.text] : block.items.map((item) => item.text),
      )
      .join(' ');
    const words = text.split(/\s+/).filter((word) => word !== '').length;
    perQa.set(plan.qaId, [...(perQa.get(plan.qaId) ?? []), words]);
  }
  return perQa;
}

/** Q&As whose lightest slide carries less than half the words of their fullest. */
function unbalanced(slides: readonly PlannedSlide[]): string[] {
  return [...wordsPerSlide(slides)]
    .filter(([, counts]) => counts.length >= 2 && 2 * Math.min(...counts) < Math.max(...counts))
    .map(([id, counts]) => `${id}: ${counts.join('/')}`);
}

const scheduled = dataset.campaigns.flatMap((campaign) =>
  campaign.posts.map((post) => ({ campaign, post })),
);

// An answer over several slides is spread evenly: its lightest slide carries at least half
// the words of its fullest (the layout still breaks only between sentences and list items).
describe.each(['square', 'portrait'] as const)('balanced pages in %s', (format) => {
  // How many answers of the bundled posts go over two or more slides: the test is not empty.
  let spread = 0;
  it.each(
    scheduled.map(
      ({ campaign, post }) => [`${campaign.id} ${post.interview}`, campaign, post] as const,
    ),
  )('the bundled post %s', async (_name, campaign, post) => {
    const spec = specOfPost(dataset, campaign, post, { format });
    const { slides } = await layOutPost(spec, templates);
    expect(unbalanced(slides)).toEqual([]);
    spread += [...wordsPerSlide(slides).values()].filter((counts) => counts.length >= 2).length;
  });

  it('has answers over two or more slides to balance', () => {
    expect(spread).toBeGreaterThan(3);
  });

  it.each([['q1'], ['q2']])('the stress fixture’s %s', async (qaId) => {
    const brand = await loadBrand('test/fixtures/brand');
    const interview = interviewSchema.parse(
      parse(await readFile('test/fixtures/stress/stress.yaml', 'utf8')),
    );
    const slides = await planTestCarousel(brand, interview, { qaIds: [qaId], format });
    expect(wordsPerSlide(slides).get(qaId)!.length).toBeGreaterThanOrEqual(2);
    expect(unbalanced(slides)).toEqual([]);
  });
});

/** The font size of every element in a slide whose text is exactly `text`. */
function fontSizesOf(node: ReactNode, text: string): number[] {
  if (!isValidElement(node)) {
    return Array.isArray(node) ? node.flatMap((child: ReactNode) => fontSizesOf(child, text)) : [];
  }
  const element = node as ReactElement<{ style?: { fontSize?: number }; children?: ReactNode }>;
  if (typeof element.type === 'function') {
    return fontSizesOf((element.type as (props: unknown) => ReactNode)(element.props), text);
  }
  const { children, style } = element.props;
  if (children === text && style?.fontSize !== undefined) return [style.fontSize];
  return fontSizesOf(children, text);
}

// The same kind of text at the same size for every party of a campaign: a question is never
// shrunk to fit, whatever its length or the party's.
describe.each(dataset.campaigns.map((campaign) => [campaign.id, campaign] as const))(
  'one type scale in %s',
  (_id, campaign) => {
    it('draws every post’s questions at one size', async () => {
      const sizes = new Set<number>();
      for (const post of campaign.posts) {
        const spec = specOfPost(dataset, campaign, post);
        const { slides } = await layOutPost(spec, templates);
        for (const slide of slides) {
          if (slide.plan.kind !== 'qa' || slide.plan.isContinuation) continue;
          const found = fontSizesOf(slide.element, slide.plan.question);
          expect(found, `${post.interview} ${slide.plan.qaId}`).toHaveLength(1);
          sizes.add(found[0]!);
        }
      }
      expect([...sizes]).toEqual([templates.metrics.type.question]);
    });
  },
);

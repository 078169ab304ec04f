import type { Brand, Format, Interview } from '../../src/data/schema.js';
import { planCarousel, type CarouselInput, type PlannedSlide } from '../../src/render/carousel.js';
import { resolveTheme } from '../../src/render/post-spec.js';
import type { TemplateSet } from '../../src/slide/template-set.js';
import { templates } from '../../templates/index.js';

/**
 * Lays out a test interview's carousel: the chosen Q&As in a theme of `brand` and a format,
 * under a made-up campaign, dated the interview's publication day unless told otherwise.
 */
export function planTestCarousel(
  brand: Brand,
  interview: Interview,
  options: {
    qaIds: readonly string[];
    themeName?: string;
    format?: Format;
    campaign?: CarouselInput['campaign'];
    date?: string;
    campaignParties?: readonly string[];
    highlight?: string;
    /** The bundled templates unless told otherwise. */
    templates?: TemplateSet;
  },
): Promise<PlannedSlide[]> {
  const themeName = options.themeName ?? 'advent';
  return planCarousel(
    {
      brand,
      campaign: options.campaign ?? { title: 'Testkampanj 2026', marker: '🎄' },
      themeName,
      theme: resolveTheme(brand, themeName),
      interview,
      qaIds: options.qaIds,
      highlight: options.highlight,
      date: options.date ?? interview.publishedOn,
      format: options.format ?? 'square',
      ...(options.campaignParties === undefined
        ? {}
        : { campaignParties: options.campaignParties }),
    },
    options.templates ?? templates,
  );
}

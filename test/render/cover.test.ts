import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/data/load.js';
import type { Interview } from '../../src/data/schema.js';
import { insertedHyphen } from '../../src/layout/slide-plan.js';
import { measureWidths } from '../../src/render/measure.js';
import { specsOfCampaign } from '../../src/render/post-spec.js';
import { planPost } from '../../src/render/render-post.js';
import { templates } from '../../templates/index.js';
import { coverMarginX, coverType } from '../../templates/parts.js';
import { planTestCarousel } from '../helpers/plan.js';

const dataset = await loadData('data');

/** The widest unbreakable piece of a text at a size: a word, or a piece of a hyphenated one. */
async function widestWord(text: string, fontSize: number, fontWeight: number): Promise<number> {
  const pieces = text.split(' ').flatMap((word) => {
    const parts = word.split(insertedHyphen);
    return parts.map((part, index) =>
      index < parts.length - 1 ? `${part}${insertedHyphen}` : part,
    );
  });
  return Math.max(...(await measureWidths(pieces, { fontSize, fontWeight })));
}

describe('the cover', () => {
  it('keeps its text inside the 3:4 crop of the profile grid', () => {
    // Instagram's grid shows the middle 810 px of a square cover, 1012 px of a portrait one.
    expect(coverMarginX('square', 1080, 1080)).toBeGreaterThanOrEqual(135 + 24);
    expect(coverMarginX('portrait', 1080, 1350)).toBeGreaterThanOrEqual(34 + 24);
  });

  it.each(dataset.campaigns.map((campaign) => [campaign.id, campaign] as const))(
    'draws every party of %s at one size, each name within the column',
    async (_id, campaign) => {
      const covers = [];
      for (const spec of specsOfCampaign(dataset, campaign))
        covers.push((await planPost(spec, templates)).slides[0]!.ctx);
      expect(new Set(covers.map((ctx) => ctx.cover.partySize)).size).toBe(1);
      for (const ctx of covers) {
        const column = ctx.width - 2 * coverMarginX(ctx.format, ctx.width, ctx.height);
        expect(await widestWord(ctx.cover.party, ctx.cover.partySize, 700)).toBeLessThanOrEqual(
          column,
        );
      }
    },
  );

  it('shrinks a long party name to fit, and hyphenates a word that still does not', async () => {
    const interview: Interview = {
      id: 'test-2026/lang',
      campaign: 'test-2026',
      party: 'Sverigedemokraterna',
      interviewee: {
        name: 'Karl-Johan Söderberg-Lindqvist',
        role: 'Jämställdhetsintegreringsutvecklingssamordningsansvarig',
      },
      publishedOn: '2026-12-14',
      qa: [{ id: 'q1', question: 'Hur?', answer: ['Så.'] }],
    };
    const slides = await planTestCarousel(dataset.brand, interview, {
      qaIds: ['q1'],
      campaignParties: [
        'Sverigedemokraterna',
        'Vänsterpartiet',
        'Mittenpartiet i Huddinge Kommunfullmäktigegruppsledamöterna',
      ],
    });
    const { cover, width, height, format } = slides[0]!.ctx;
    const column = width - 2 * coverMarginX(format, width, height);
    expect(cover.partySize).toBeLessThan(templates.metrics.type.party);
    expect(cover.partySize).toBeGreaterThanOrEqual(40);
    expect(await widestWord(cover.party, cover.partySize, 700)).toBeLessThanOrEqual(column);
    expect(cover.role).toContain(insertedHyphen);
    expect(cover.role.replaceAll(insertedHyphen, '')).toBe(interview.interviewee.role);
    expect(await widestWord(cover.role, coverType.role, 400)).toBeLessThanOrEqual(column);
  });

  const short: Interview = {
    id: 'test-2026/exempelpartiet',
    campaign: 'test-2026',
    party: 'Exempelpartiet',
    interviewee: { name: 'Alexandra Lindqvist', role: 'kommunalråd' },
    publishedOn: '2026-12-14',
    qa: [
      {
        id: 'q1',
        question: 'Hur arbetar Exempelpartiet för att motverka killars våld mot tjejer?',
        answer: [
          'Arbetet måste börja tidigt. Alla barn ska mötas av vuxna som vågar prata om normer.',
        ],
      },
    ],
  };

  it('draws the highlight as its hook, in Swedish quotation marks, at the largest size', async () => {
    const slides = await planTestCarousel(dataset.brand, short, {
      qaIds: ['q1'],
      highlight: 'Arbetet måste börja tidigt.',
    });
    const { cover } = slides[0]!.ctx;
    expect(cover.hook).toEqual({
      kind: 'quote',
      text: 'Arbetet måste börja tidigt.',
      size: templates.metrics.type.hookSizes[0],
    });
    expect(slides[0]!.text).toContain('Arbetet måste börja tidigt.”');
  });

  it('reads the person as drawn, one comma after the name (post.json and alt text read this)', async () => {
    const slides = await planTestCarousel(dataset.brand, short, { qaIds: ['q1'] });
    const { name, role } = short.interviewee;
    expect(slides[0]!.text.split('\n')).toContain(`${name}, ${role}`);
    expect(slides[0]!.text).not.toMatch(/,,|\s,/);
  });

  it('draws the first question as the hook without a highlight, smaller only when it is long', async () => {
    const [shortCover, longCover] = await Promise.all(
      [
        short.qa[0]!.question,
        `${'Vilka konkreta insatser anser ni vara nödvändiga framöver? '.repeat(4)}`,
      ].map(
        async (question) =>
          (
            await planTestCarousel(
              dataset.brand,
              { ...short, qa: [{ ...short.qa[0]!, question }] },
              {
                qaIds: ['q1'],
              },
            )
          )[0]!.ctx.cover,
      ),
    );
    expect(shortCover!.hook).toMatchObject({
      kind: 'question',
      size: templates.metrics.type.hookSizes[0],
    });
    expect(shortCover!.hook.text).toBe(short.qa[0]!.question);
    expect(longCover!.hook.size).toBeLessThan(templates.metrics.type.hookSizes[0]!);
    expect(templates.metrics.type.hookSizes).toContain(longCover!.hook.size);
  });
});

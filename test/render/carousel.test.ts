import { describe, expect, it } from 'vitest';
import { loadBrand } from '../../src/data/load.js';
import type { Interview } from '../../src/data/schema.js';
import { buildCaption } from '../../src/layout/caption.js';
import { GlyphError } from '../../src/render/glyphs.js';
import { planTestCarousel } from '../helpers/plan.js';

const brand = await loadBrand('test/fixtures/brand');

describe('planCarousel', () => {
  it('draws straight and English quotation marks as Swedish ”…”, on the slide and in the caption', async () => {
    const interview: Interview = {
      id: 'test-2026/exempelpartiet',
      campaign: 'test-2026',
      party: 'Exempelpartiet',
      interviewee: { name: 'Alex Exempel', role: 'kommunalråd' },
      publishedOn: '2026-12-14',
      qa: [
        {
          id: 'q1',
          question: 'Vad tycker ni om "En porrfri kommun"?',
          answer: ['Projektet “En porrfri kommun” är viktigt.', { list: ['Vi säger "ja".'] }],
        },
      ],
    };
    const slides = await planTestCarousel(brand, interview, { qaIds: ['q1'] });
    const text = slides[1]!.text;
    expect(text).toContain('Vad tycker ni om ”En porrfri kommun”?');
    expect(text).toContain('Projektet ”En porrfri kommun” är viktigt.');
    expect(text).toContain('• Vi säger ”ja”.');
    expect(text).not.toMatch(/["“]/);
    const caption = buildCaption({
      campaign: { title: 'Test 2026', marker: '🎄' },
      speaker: { name: 'Alex Exempel', role: 'kommunalråd', party: 'Exempelpartiet' },
      questions: [interview.qa[0]!.question],
      interviewsUrl: 'kraftbyran.nu',
      hashtags: [],
    });
    expect(caption).toContain('🎄 Vad tycker ni om ”En porrfri kommun”?');
  });

  const cannotDraw =
    'cannot draw ”漢” (U+6F22): no bundled font has it and Twemoji has no image for it';
  const interview: Interview = {
    id: 'test-2026/exempelpartiet',
    campaign: 'test-2026',
    party: 'Exempelpartiet',
    interviewee: { name: 'Alex Exempel', role: 'kommunalråd' },
    publishedOn: '2026-12-14',
    qa: [
      { id: 'q1', question: 'Vad gör ni?', answer: ['Vi gör 漢 mycket.'] },
      { id: 'q2', question: 'Och 漢?', answer: ['Inte valt, inte ritat.'] },
    ],
  };

  it('refuses a chosen text it cannot draw before drawing, naming the field (a GlyphError)', async () => {
    const planning = planTestCarousel(brand, interview, { qaIds: ['q1'] });
    await expect(planning).rejects.toBeInstanceOf(GlyphError);
    await expect(planning).rejects.toMatchObject({
      issues: [{ path: ['qa', 0, 'answer', 0], message: cannotDraw, hint: expect.any(String) }],
    });
  });

  it('refuses a character satori meets elsewhere (a campaign title) with the same message', async () => {
    const planning = planTestCarousel(brand, interview, {
      qaIds: ['q1'],
      campaign: { title: 'Test 漢', marker: '🎄' },
    });
    // The interview's own text is found first, before satori lays out a slide.
    await expect(planning).rejects.toMatchObject({ issues: [{ path: ['qa', 0, 'answer', 0] }] });
    const fine = { ...interview, qa: [{ id: 'q1', question: 'Vad gör ni?', answer: ['Mycket.'] }] };
    const titled = planTestCarousel(brand, fine, {
      qaIds: ['q1'],
      campaign: { title: 'Test 漢', marker: '🎄' },
    });
    await expect(titled).rejects.toBeInstanceOf(GlyphError);
    await expect(titled).rejects.toMatchObject({ issues: [{ message: cannotDraw }] });
  });
});

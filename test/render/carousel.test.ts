import { describe, expect, it } from 'vitest';
import { loadBrand } from '../../src/data/load.js';
import type { Interview } from '../../src/data/schema.js';
import { buildCaption } from '../../src/layout/caption.js';
import { planTestCarousel } from '../helpers/plan.js';

const brand = await loadBrand('data');

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
});

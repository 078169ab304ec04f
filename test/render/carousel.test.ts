import { describe, expect, it } from 'vitest';
import { loadBrand } from '../../src/data/load.js';
import type { Interview } from '../../src/data/schema.js';
import { buildCaption } from '../../src/layout/caption.js';
import { InputError } from '../../src/errors.js';
import { SlideLimitError } from '../../src/render/carousel.js';
import { GlyphError } from '../../src/render/glyphs.js';
import { expectSwedish } from '../helpers/issues.js';
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

describe('a post that cannot be laid out, said in English and Swedish', () => {
  const speaker = {
    id: 'test-2026/exempelpartiet',
    campaign: 'test-2026',
    party: 'Exempelpartiet',
    interviewee: { name: 'Alex Exempel', role: 'kommunalråd' },
    publishedOn: '2026-12-14',
  };
  const short = (id: string) => ({ id, question: 'Vad gör ni?', answer: ['Mycket.'] });
  const twoQas: Interview = { ...speaker, qa: [short('q1'), short('q2')] };
  /** The error planning rejects with. */
  const refusal = (
    interview: Interview,
    options: Parameters<typeof planTestCarousel>[2],
    brandOf = brand,
  ): Promise<InputError> =>
    planTestCarousel(brandOf, interview, options).then(
      () => expect.fail('the post was laid out'),
      (error: unknown) => {
        expect(error).toBeInstanceOf(InputError);
        return error as InputError;
      },
    );

  const cases: [
    name: string,
    refuse: () => Promise<InputError>,
    english: { message: string; hint: string },
    sv: { message: string; hint: string },
  ][] = [
    [
      'a Q&A listed twice',
      () => refusal(twoQas, { qaIds: ['q1', 'q2', 'q1'] }),
      { message: 'test-2026/exempelpartiet: q1 is listed twice', hint: 'choose each Q&A once' },
      {
        message: 'test-2026/exempelpartiet: q1 är vald två gånger',
        hint: 'välj varje fråga bara en gång',
      },
    ],
    [
      'a Q&A the interview does not have',
      () => refusal(twoQas, { qaIds: ['q1', 'q7'] }),
      { message: 'test-2026/exempelpartiet has no Q&A with id q7', hint: 'choose among q1, q2' },
      {
        message: 'test-2026/exempelpartiet har ingen fråga med id q7',
        hint: 'välj bland q1, q2',
      },
    ],
    [
      'a question that leaves no room for its answer',
      () =>
        refusal(
          {
            ...speaker,
            qa: [{ id: 'q1', question: `${'Varför '.repeat(120)}?`, answer: ['Därför.'] }],
          },
          { qaIds: ['q1'] },
        ),
      {
        message:
          'test-2026/exempelpartiet: q1: “Därför.” of q1 does not fit on a slide even on its own',
        hint: 'shorten the question: it leaves no room for its answer (or use a taller format)',
      },
      {
        message:
          'test-2026/exempelpartiet: q1: ”Därför.” i q1 får inte plats på en bild, inte ens ensam',
        hint: 'korta frågan: den lämnar ingen plats åt svaret (eller använd ett högre format)',
      },
    ],
    [
      'a word of its own taller than the room a slide has',
      () =>
        refusal(
          { ...speaker, qa: [{ id: 'q1', question: 'Varför?', answer: [`${'a'.repeat(700)}.`] }] },
          { qaIds: ['q1'] },
        ),
      {
        message: expect.stringMatching(/^test-2026\/exempelpartiet: q1: “a+‐a+.*does not fit/),
        hint: 'a word of 701 characters is more than a slide holds: look for a missing space, or shorten it',
      },
      {
        message: expect.stringMatching(/får inte plats på en bild, inte ens ensam$/),
        hint: 'ett ord på 701 tecken är mer än en bild rymmer: se efter om ett mellanslag fattas, eller korta det',
      },
    ],
    [
      'Q&As that need more than ten slides',
      () =>
        refusal(
          { ...speaker, qa: Array.from({ length: 9 }, (_, index) => short(`q${index + 1}`)) },
          { qaIds: Array.from({ length: 9 }, (_, index) => `q${index + 1}`) },
        ),
      {
        message:
          'test-2026/exempelpartiet: the chosen Q&As need 11 slides with cover and closing; a carousel holds at most 10 (q1 needs 1, q2 needs 1, q3 needs 1, q4 needs 1, q5 needs 1, q6 needs 1, q7 needs 1, q8 needs 1, q9 needs 1)',
        hint: 'choose fewer or shorter Q&As, or use the portrait format, which holds more text a slide',
      },
      {
        message:
          'test-2026/exempelpartiet: de valda frågorna behöver 11 bilder med omslaget och slutbilden; en karusell rymmer högst 10 (q1 behöver 1, q2 behöver 1, q3 behöver 1, q4 behöver 1, q5 behöver 1, q6 behöver 1, q7 behöver 1, q8 behöver 1, q9 behöver 1)',
        hint: 'välj färre eller kortare frågor, eller använd formatet stående, som rymmer mer text per bild',
      },
    ],
    [
      'a highlight too long for the cover',
      () =>
        refusal(
          {
            ...speaker,
            qa: [{ id: 'q1', question: 'Vad gör ni?', answer: ['Mycket. '.repeat(90)] }],
          },
          { qaIds: ['q1'], highlight: 'Mycket. '.repeat(90) },
        ),
      {
        message: 'test-2026/exempelpartiet: the cover slide does not fit',
        hint: 'choose a shorter highlight',
      },
      {
        message: 'test-2026/exempelpartiet: texten på omslaget får inte plats',
        hint: 'välj en kortare highlight',
      },
    ],
    [
      'a role too long for the cover (and no highlight)',
      () =>
        refusal(
          {
            ...twoQas,
            interviewee: { name: 'Alex Exempel', role: 'kommunalråd och '.repeat(40).trim() },
          },
          { qaIds: ['q1'] },
        ),
      {
        message: 'test-2026/exempelpartiet: the cover slide does not fit',
        hint: 'shorten the first question, the party, name or role, or the brand texts (or choose a highlight: a short passage of the answer)',
      },
      {
        message: 'test-2026/exempelpartiet: texten på omslaget får inte plats',
        hint: 'korta den första frågan, partiets namn, personens namn eller roll, eller texterna i brand.yaml (eller välj en highlight: ett kort utdrag ur svaret)',
      },
    ],
    [
      'a contact line too long for the closing slide',
      () =>
        refusal(twoQas, { qaIds: ['q1'] }, { ...brand, contactLine: 'Hör av er! '.repeat(120) }),
      {
        message: 'test-2026/exempelpartiet: the closing slide does not fit',
        hint: 'shorten the party, name or role, or the brand texts',
      },
      {
        message: 'test-2026/exempelpartiet: texten på slutbilden får inte plats',
        hint: 'korta partiets namn, personens namn eller roll, eller texterna i brand.yaml',
      },
    ],
  ];

  it.each(cases)('%s', async (_name, refuse, english, sv) => {
    const error = await refuse();
    expect({ message: error.message, hint: error.hint }).toEqual(english);
    expect(error.sv).toEqual(sv);
  });

  it('says every one of them in Swedish, none in English words', async () => {
    const errors = await Promise.all(cases.map(([, refuse]) => refuse()));
    expectSwedish(
      errors.map((error) => ({
        code: 'fit',
        severity: 'error',
        path: [],
        message: error.message,
        ...(error.hint === undefined ? {} : { hint: error.hint }),
        ...(error.sv === undefined ? {} : { sv: error.sv }),
      })),
    );
  });

  it('refuses too many slides as a SlideLimitError, its own kind', async () => {
    const [, refuse] = cases.find(([name]) => name.includes('ten slides'))!;
    expect(await refuse()).toBeInstanceOf(SlideLimitError);
  });
});

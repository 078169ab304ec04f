import { describe, expect, it } from 'vitest';
import { buildAltTexts, type AltTextInput } from '../../src/layout/alt-text.js';
import { insertedHyphen, type SlidePlan } from '../../src/layout/slide-plan.js';

const question = 'Hur arbetar Exempelpartiet för att motverka killars våld mot tjejer?';
const slides: SlidePlan[] = [
  { kind: 'cover' },
  {
    kind: 'qa',
    qaId: 'q1',
    question,
    blocks: [
      { kind: 'paragraph', text: `Vi vill ha en jämställdhets${insertedHyphen}integreringsplan.` },
      {
        kind: 'list',
        items: [
          { text: 'Fler kuratorer', hasBullet: true },
          { text: 'Trygga mötesplatser', hasBullet: true },
        ],
      },
    ],
    isContinuation: false,
    continues: true,
  },
  {
    kind: 'qa',
    qaId: 'q1',
    question,
    blocks: [{ kind: 'paragraph', text: '”Ingen ska behöva vara rädd hemma” är ett löfte.' }],
    isContinuation: true,
    continues: false,
  },
  { kind: 'closing' },
];

const input: AltTextInput = {
  slides,
  campaign: { title: 'Testkampanj 2026', subtitle: 'Politiker svarar' },
  speaker: { name: 'Alexandra Lindqvist', role: 'kommunalråd', party: 'Exempelpartiet' },
  brand: {
    organisation: 'Kraftbyrån',
    handle: '@kraftbyran',
    interviewsUrl: 'kraftbyran.nu',
    contactLine: 'Hör av er till info@kraftbyran.nu',
  },
  hook: { kind: 'question', text: question },
  date: '14 december 2026',
};

describe('buildAltTexts', () => {
  it('says on each slide where the reader is, and what that slide says', () => {
    expect(buildAltTexts(input)).toEqual([
      `Bild 1 av 4. Testkampanj 2026: Politiker svarar. Vi frågade Exempelpartiet: ${question} Svarar Alexandra Lindqvist, kommunalråd. 14 december 2026.`,
      `Bild 2 av 4. Fråga: ${question} Svar från Alexandra Lindqvist, kommunalråd, Exempelpartiet: Vi vill ha en jämställdhetsintegreringsplan. Fler kuratorer. Trygga mötesplatser. Svaret fortsätter på nästa bild.`,
      `Bild 3 av 4. Fortsättning på svaret på frågan: ${question} Svar från Alexandra Lindqvist, kommunalråd, Exempelpartiet: ”Ingen ska behöva vara rädd hemma” är ett löfte.`,
      'Bild 4 av 4. Läs hela intervjun på kraftbyran.nu. Där finns alla svar från Exempelpartiet. Hör av er till info@kraftbyran.nu. Kraftbyrån, @kraftbyran på Instagram.',
    ]);
  });

  it('names the campaign on the cover only and the handle on the closing slide only', () => {
    const texts = buildAltTexts(input);
    expect(texts.map((text) => text.includes('Testkampanj 2026'))).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect(texts.map((text) => text.includes('@kraftbyran'))).toEqual([false, false, false, true]);
  });

  it('quotes a highlight on the cover with who said it', () => {
    const [cover] = buildAltTexts({
      ...input,
      hook: { kind: 'quote', text: 'Arbetet måste börja tidigt.' },
    });
    expect(cover).toBe(
      'Bild 1 av 4. Testkampanj 2026: Politiker svarar. ”Arbetet måste börja tidigt”, säger Alexandra Lindqvist, kommunalråd, Exempelpartiet. 14 december 2026.',
    );
  });
});

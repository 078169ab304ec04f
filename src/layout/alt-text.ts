import { insertedHyphen, type SlidePlan } from './slide-plan.js';
import { swedishQuotes } from './typography.js';

/** What a post's alt texts are made of: the slides as laid out, and who and what they are about. */
export interface AltTextInput {
  slides: readonly SlidePlan[];
  campaign: { title: string; subtitle?: string | undefined };
  speaker: { name: string; role: string; party: string };
  brand: { organisation: string; handle: string; interviewsUrl: string; contactLine: string };
  /** The cover's hook: a quote from the answer, or the first question. */
  hook: { kind: 'quote' | 'question'; text: string };
  /** The post's date, said as the cover shows it ("31 juli 2020"). */
  date: string;
}

/**
 * Alt text for each slide, written for a screen reader rather than read off the pixels: where
 * the reader is, then what the slide says. The cover says the campaign and who answers, a Q&A
 * slide its question, who answers and the words of the answer on it (as the data has them, the
 * layout's hyphens taken out), the closing slide where to read more and who we are. The campaign
 * and the handle are said once, not on every slide: a screen reader reads each slide's text in
 * full, and furniture repeated on ten slides buries the answer.
 */
export function buildAltTexts(input: AltTextInput): string[] {
  const { speaker, campaign, brand } = input;
  const count = input.slides.length;
  const who = `${speaker.name}, ${speaker.role}, ${speaker.party}`;
  return input.slides.map((slide, index) => {
    const parts = [`Bild ${index + 1} av ${count}.`];
    switch (slide.kind) {
      case 'cover': {
        const subtitle = campaign.subtitle === undefined ? '' : `: ${campaign.subtitle}`;
        parts.push(sentence(`${campaign.title}${subtitle}`));
        parts.push(
          input.hook.kind === 'quote'
            ? `”${clean(input.hook.text).replace(/[.”]+$/, '')}”, säger ${who}.`
            : `Vi frågade ${speaker.party}: ${sentence(clean(input.hook.text))} Svarar ${speaker.name}, ${speaker.role}.`,
        );
        parts.push(sentence(input.date));
        break;
      }
      case 'qa': {
        const question = clean(slide.question);
        parts.push(
          slide.isContinuation
            ? `Fortsättning på svaret på frågan: ${sentence(question)}`
            : `Fråga: ${sentence(question)}`,
        );
        parts.push(`Svar från ${who}:`);
        for (const block of slide.blocks) {
          const texts =
            block.kind === 'paragraph' ? [block.text] : block.items.map((item) => item.text);
          parts.push(...texts.map((text) => sentence(clean(text))));
        }
        if (slide.continues) parts.push('Svaret fortsätter på nästa bild.');
        break;
      }
      case 'closing':
        parts.push(`Läs hela intervjun på ${brand.interviewsUrl}.`);
        // The slide names the campaign again; the cover's alt text has said it already.
        parts.push(`Där finns alla svar från ${speaker.party}.`);
        parts.push(sentence(brand.contactLine));
        parts.push(`${brand.organisation}, ${brand.handle} på Instagram.`);
        break;
    }
    return parts.join(' ');
  });
}

/** A text as the data has it: the layout's inserted hyphens out, spaces single, quotes Swedish. */
function clean(text: string): string {
  return swedishQuotes(text.replaceAll(`${insertedHyphen}`, '').replace(/\s+/g, ' ').trim());
}

/** Ends a text with a full stop unless it ends a sentence already, so a reader pauses there. */
function sentence(text: string): string {
  return /[.!?:…”]$/.test(text) ? text : `${text}.`;
}

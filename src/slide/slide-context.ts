import type { Brand, Format, Theme } from '../data/schema.js';

/** Everything a template needs to know about the post it draws a slide of. */
export interface SlideContext {
  format: Format;
  width: number;
  height: number;
  themeName: string;
  theme: Theme;
  brand: Pick<
    Brand,
    'organisation' | 'handle' | 'website' | 'interviewsUrl' | 'contactLine' | 'mark'
  >;
  campaign: { title: string; marker: string; subtitle?: string | undefined };
  speaker: { name: string; role: string; party: string };
  /**
   * The cover's texts as drawn: hyphenated if a word is wider than the column, and the party
   * at one size for every party of the campaign, the largest at which all their names fit.
   * The hook is the post's highlight, a quote from the answer, or else its first question.
   */
  cover: {
    hook: { kind: 'quote' | 'question'; text: string; size: number };
    party: string;
    partySize: number;
    name: string;
    role: string;
  };
  /** The post's date, YYYY-MM-DD. */
  date: string;
  /** 1-based number of this slide, and how many the carousel has. */
  number: number;
  count: number;
}

/** Swedish long date, "16 december 2020" (sv-SE, Europe/Stockholm). */
export function formatSwedishDate(isoDate: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Stockholm',
  }).format(new Date(`${isoDate}T12:00:00Z`));
}

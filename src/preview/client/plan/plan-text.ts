import { language as pageLanguage, type Language } from '../i18n/index.js';
import { fillIn } from './fill-in.js';
import { planTextEn as en } from './plan-text-en.js';
import { planTextSv as sv, type PlanTextKey } from './plan-text-sv.js';

export type { PlanTextKey } from './plan-text-sv.js';

/** The page's language, as the page's switch chose it (i18n/index.ts). */
function language(): Language {
  return pageLanguage;
}

/** The text of `key` in the page's language, filled in (fill-in.ts: `{name}`, `{name|one|other}`). */
export function t(key: PlanTextKey, values: Record<string, string | number> = {}): string {
  const lang = language();
  return fillIn(lang === 'en' ? en[key] : sv[key], values, lang);
}

/** `2020-12-16` as the page's language writes a date: `16 december 2020`. */
export function longDate(date: string): string {
  return new Intl.DateTimeFormat(language() === 'en' ? 'en-GB' : 'sv-SE', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

/** A month as the page's language writes it: `december 2020`. */
export function monthName(year: number, month: number): string {
  return new Intl.DateTimeFormat(language() === 'en' ? 'en-GB' : 'sv-SE', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month, 15)));
}

/** Monday first: the weekdays' short names in the page's language. */
export function weekdayNames(): string[] {
  const format = new Intl.DateTimeFormat(language() === 'en' ? 'en-GB' : 'sv-SE', {
    weekday: 'short',
    timeZone: 'UTC',
  });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, day) => format.format(new Date(Date.UTC(2024, 0, 1 + day))));
}

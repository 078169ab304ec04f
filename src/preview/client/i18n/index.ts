import { en } from './en.js';
import { sv, type Messages } from './sv.js';

export type { Messages };

/** The languages of the page: Swedish by default, English on request. */
export type Language = 'sv' | 'en';

const languageKey = 'excerpt-language';
const dictionaries: Record<Language, Messages> = { sv, en };

/** The language chosen in this browser (remembered), else Swedish. */
export const language: Language = localStorage.getItem(languageKey) === 'en' ? 'en' : 'sv';

/** Every text of the page, in its language: `t.viewFeed`, `t.postCount(3)`. */
export const t: Messages = dictionaries[language];

/** A problem as the server says it: in English, and in Swedish when it has the words. */
export interface SaidByServer {
  message: string;
  hint?: string | undefined;
  sv?: { message: string; hint?: string | undefined } | undefined;
}

/**
 * A problem's words in the page's language when the server sent them in it, else in English,
 * marked as English (`lang`) for screen readers and hyphenation on a Swedish page.
 */
export function problemWords(said: SaidByServer): {
  message: string;
  hint: string | undefined;
  lang: Language;
} {
  if (language === 'sv' && said.sv !== undefined) {
    return { message: said.sv.message, hint: said.sv.hint, lang: 'sv' };
  }
  return { message: said.message, hint: said.hint, lang: 'en' };
}

/** Remembers another language and shows the page in it (loaded again: every view redrawn). */
export function setLanguage(next: Language): void {
  if (next === language) return;
  localStorage.setItem(languageKey, next);
  location.reload();
}

/**
 * The texts page.html names by key: `data-i18n` (its text), `data-i18n-title`,
 * `data-i18n-label` (aria-label); and the page's language, for screen readers and hyphenation.
 */
export function translatePage(root: ParentNode = document): void {
  document.documentElement.lang = language;
  document.title = t.pageTitle;
  const text = (key: string | undefined): string => {
    const value = key === undefined ? undefined : (t as Record<string, unknown>)[key];
    // A key page.html names that is not a text is a bug of the page: said at once.
    if (typeof value !== 'string') throw new Error(`page.html names no text ${String(key)}`);
    return value;
  };
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    element.textContent = text(element.dataset.i18n);
  }
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n-title]')) {
    element.title = text(element.dataset.i18nTitle);
  }
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
    element.setAttribute('aria-label', text(element.dataset.i18nLabel));
  }
}

import { caseVariants } from './words.js';

/**
 * Words the spelling check accepts without a dictionary: names from the data and the project's
 * word list. A name is also known in the genitive ("Drevvikenpartiets"), and at the start of a
 * sentence or in capitals (see caseVariants).
 */
export class KnownWords {
  private readonly words = new Set<string>();

  constructor(words: Iterable<string> = []) {
    for (const word of words) this.add(word);
  }

  add(word: string): void {
    this.words.add(word);
  }

  has(word: string): boolean {
    const forms = word.endsWith('s') && [...word].length > 2 ? [word, word.slice(0, -1)] : [word];
    return forms.some((form) => caseVariants(form).some((variant) => this.words.has(variant)));
  }
}

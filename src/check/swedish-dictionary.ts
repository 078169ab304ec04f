import { createRequire } from 'node:module';
import { caseVariants } from './words.js';

/** A dictionary to look words up in. */
export interface Dictionary {
  /** True when the word, as written (or as caseVariants allows), is a word. */
  has(word: string): boolean;
  /** A few likely corrections, best first. */
  suggest(word: string): string[];
}

let loading: Promise<Dictionary> | undefined;

/**
 * The Swedish dictionary: cspell-lib with @cspell/dict-sv (FACTS.md, "Swedish text"). Loading
 * takes 1–2.5 s, so cspell-lib is imported here, on first use, and only `excerpt check` pays.
 */
export function loadSwedishDictionary(): Promise<Dictionary> {
  loading ??= load();
  return loading;
}

async function load(): Promise<Dictionary> {
  const { getDictionary, mergeSettings, readSettings } = await import('cspell-lib');
  // The package's own settings name its dictionary file and options.
  const settingsFile = createRequire(import.meta.url).resolve('@cspell/dict-sv');
  const collection = await getDictionary(
    mergeSettings(await readSettings(settingsFile), { dictionaries: ['sv'] }),
  );
  // Case-sensitive lookups: cspell's ignoreCase also ignores accents, and in Swedish å, ä and
  // ö are letters of their own ("for" is not "för"). caseVariants allows what case may change.
  return {
    has: (word) =>
      caseVariants(word).some(
        (variant) =>
          collection.has(variant, { ignoreCase: false }) && !collection.isForbidden(variant),
      ),
    // cspell stops searching at the timeout and returns what it has found by then: a short
    // one made the suggestions depend on how busy the machine was (100 ms gave other words
    // under load). A few misspellings a run can afford the time.
    suggest: (word) =>
      collection
        .suggest(word, { numSuggestions: 3, ignoreCase: false, timeout: 5_000 })
        .map((suggestion) => suggestion.word),
  };
}

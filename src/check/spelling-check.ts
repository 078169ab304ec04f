import type { ParsedData } from '../data/load.js';
import type { Issue } from '../issue.js';
import type { Check, CheckResult } from './check.js';
import { KnownWords } from './known-words.js';
import { loadSwedishDictionary } from './swedish-dictionary.js';
import type { Dictionary } from './swedish-dictionary.js';
import { textFields } from '../data/text-fields.js';
import type { TextField } from '../data/text-fields.js';
import { readWordList, wordListFile } from './word-list.js';
import { hashtagWords, wordsOf } from './words.js';

/**
 * Swedish spelling of every text a reader sees or a communicator proofreads: questions,
 * answers, intros, roles, subtitles, the contact line and hashtags. Names from the data
 * (people, parties, the organisation, campaign titles) and the words of `words.txt` are
 * accepted. Spelling is never an error: a finding is a warning that names file, field, Q&A
 * and word.
 */
export const spellingCheck: Check = {
  name: 'spelling',
  needs: 'files',
  run: checkSpelling,
};

/** The spelling check itself; `loadDictionary` is the Swedish dictionary but for tests. */
export async function checkSpelling(
  data: ParsedData,
  loadDictionary: () => Promise<Dictionary> = loadSwedishDictionary,
): Promise<CheckResult> {
  const fields = textFields(data);
  const list = await readWordList(data.dir);
  const known = new KnownWords(list.words);
  for (const field of fields) {
    if (field.kind === 'name') for (const word of wordsOf(field.text)) known.add(word);
  }

  // Each field's distinct words the data does not vouch for, then each distinct word looked up
  // once: the same words recur across answers.
  const candidates = fields
    .filter((field) => field.kind !== 'name')
    .map((field) => ({
      field,
      words: [...new Set(wordsOfField(field))].filter((word) => !known.has(word)),
    }));
  const unique = new Set(candidates.flatMap(({ words }) => words));
  if (unique.size === 0) return { issues: list.issues };

  const lookup = await loadDictionary();
  const unknown = new Map<string, string[]>();
  for (const word of unique) if (!lookup.has(word)) unknown.set(word, lookup.suggest(word));

  const listFile = wordListFile(data.dir);
  const warnings = candidates.flatMap(({ field, words }) =>
    words.flatMap((word): Issue[] => {
      const suggestions = unknown.get(word);
      if (suggestions === undefined) return [];
      const guess = suggestions.length > 0 ? `did you mean ${orList(suggestions)}? ` : '';
      return [
        {
          code: 'spelling',
          severity: 'warning',
          message: `”${word}”${field.qa === undefined ? '' : ` (${field.qa})`} is not in the Swedish dictionary`,
          file: field.file,
          path: field.path,
          word,
          suggestions,
          ...(field.qa === undefined ? {} : { qa: field.qa }),
          hint: `${guess}If it is spelt right, add it to ${listFile}`,
        },
      ];
    }),
  );
  return { issues: [...list.issues, ...warnings] };
}

function wordsOfField(field: TextField): string[] {
  return field.kind === 'hashtag' ? hashtagWords(field.text) : wordsOf(field.text);
}

function orList(words: readonly string[]): string {
  return words.length <= 1
    ? words.join('')
    : `${words.slice(0, -1).join(', ')} or ${words.at(-1) ?? ''}`;
}

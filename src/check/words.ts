/**
 * Splitting text into the words a spelling check looks up. Web and e-mail addresses and
 * handles are left out (they are names, not words), and so are numbers, single letters and
 * words glued to digits ("3e"). A word cut short before a hyphen and a space, as in "kvinno-
 * och tjejjourer", keeps its hyphen: the dictionary knows such first parts by it ("kvinno-").
 */

// The top-level domains the data links to; a word glued to a sentence's full stop
// ("slutet.Nu") must not read as an address, hence lower case only.
const addresses =
  /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+|(?:https?:\/\/|www\.)\S+|@[\p{L}\p{N}._]+|[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:se|nu|com|org|net|eu|io|info)(?![\p{L}\p{N}])(?:\/\S*)?/gu;
const word = /\p{L}[\p{L}\p{M}]*(?:['’]\p{L}[\p{L}\p{M}]*)*/gu;
const digit = /\p{N}/u;
const letter = /\p{L}/u;

/** The words of a text, in order, repeats included. */
export function wordsOf(text: string): string[] {
  const plain = text.replace(addresses, (match) => ' '.repeat(match.length));
  const words: string[] = [];
  for (const match of plain.matchAll(word)) {
    const start = match.index;
    const end = start + match[0].length;
    const before = plain[start - 1] ?? '';
    const after = plain[end] ?? '';
    if (digit.test(before) || digit.test(after)) continue;
    if ([...match[0]].length < 2) continue;
    const isCutShort = after === '-' && !letter.test(plain[end + 1] ?? '');
    words.push(isCutShort ? `${match[0]}-` : match[0]);
  }
  return words;
}

/** The words of a CamelCase hashtag: `KillarsVåldMotTjejer` → Killars, Våld, Mot, Tjejer. */
export function hashtagWords(tag: string): string[] {
  const parts = tag.match(/\p{Lu}+(?=\p{Lu}\p{Ll})|\p{Lu}?[\p{Ll}\p{M}]+|\p{Lu}+/gu) ?? [];
  return parts.filter((part) => [...part].length >= 2);
}

/**
 * The forms a word may be listed under: as written; a capitalised word (a sentence's first)
 * also in lower case; a word in capitals also in lower case and capitalised. Never the other
 * way: "sverige" is not "Sverige".
 */
export function caseVariants(text: string): string[] {
  const lower = text.toLocaleLowerCase('sv');
  if (text === lower) return [text];
  const first = text.slice(0, 1);
  const capitalised = `${lower.slice(0, 1).toLocaleUpperCase('sv')}${lower.slice(1)}`;
  if (text === capitalised) return [text, lower];
  if (text === text.toLocaleUpperCase('sv') && first !== '') return [text, lower, capitalised];
  return [text];
}

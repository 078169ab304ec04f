/**
 * Abbreviations that end in a full stop but never end a Swedish sentence in these answers
 * ("t.ex. Stockholm"). "m.m.", "m.fl.", "osv." and "etc." often do end one, so they are not here.
 */
const neverFinal = [
  't.ex.',
  'bl.a.',
  's.k.',
  'p.g.a.',
  'pga.',
  'dvs.',
  'd.v.s.',
  'ca.',
  'nr.',
  'jfr.',
  'resp.',
  'fr.o.m.',
  't.o.m.',
  'kl.',
];

/**
 * Splits a paragraph into sentences at `. ! ? …` (with any closing quote or bracket) followed by
 * one ordinary space and a capital letter, digit or opening quote. Only single spaces are split
 * on, so `sentences.join(' ')` gives back the paragraph exactly.
 */
export function splitSentences(paragraph: string): string[] {
  const sentences: string[] = [];
  const boundary = /[.!?…]+[”’")\]]* (?=[\p{Lu}\p{N}”"'(–-])/gu;
  let start = 0;
  for (const match of paragraph.matchAll(boundary)) {
    const end = match.index + match[0].length - 1; // the space
    const candidate = paragraph.slice(start, end);
    const lastWord = candidate.slice(candidate.lastIndexOf(' ') + 1).toLowerCase();
    if (neverFinal.includes(lastWord)) continue;
    sentences.push(candidate);
    start = end + 1;
  }
  sentences.push(paragraph.slice(start));
  return sentences.filter((sentence) => sentence !== '');
}

/** Splits text at single spaces into words; `words.join(' ')` gives the text back. */
export function splitWords(text: string): string[] {
  return text.split(' ').filter((word) => word !== '');
}

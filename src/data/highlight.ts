import { editDistance } from './closest.js';
import type { Qa } from './schema.js';

/**
 * The cover's hook (a post's `highlight`) must be a passage of one of its chosen answers,
 * verbatim: these are politicians' words. Whitespace, the style of quotation marks and a
 * trailing full stop may differ; nothing else. A passage lies within one paragraph or list item.
 */

/** The text as compared: one kind of quotation mark, single spaces, no full stop at the end. */
export function normalisePassage(text: string): string {
  return text
    .replace(/[\u00a0\s]+/g, ' ')
    .replace(/["“”„«»]/g, '”')
    .replace(/[‘’‚]/g, '’')
    .trim()
    .replace(/\.$/, '')
    .trim();
}

/** Every paragraph and list item of the answers, in order. */
function answerBlocks(qas: readonly Qa[]): string[] {
  return qas.flatMap((qa) =>
    qa.answer.flatMap((block) => (typeof block === 'string' ? [block] : block.list)),
  );
}

/** True when `highlight` is a passage of one of the answers (see above). */
export function isVerbatimPassage(highlight: string, qas: readonly Qa[]): boolean {
  const wanted = normalisePassage(highlight);
  if (wanted === '') return false;
  return answerBlocks(qas).some((block) => {
    const text = normalisePassage(block);
    const at = text.indexOf(wanted);
    // A passage starts and ends at word boundaries: "lvision" is not a passage of "nollvision".
    return at !== -1 && isWordBoundary(text, at) && isWordBoundary(text, at + wanted.length);
  });
}

function isWordBoundary(text: string, index: number): boolean {
  const before = text[index - 1];
  const after = text[index];
  const isLetter = (char: string | undefined): boolean =>
    char !== undefined && /[\p{L}\p{N}]/u.test(char);
  return !(isLetter(before) && isLetter(after));
}

/**
 * The passage of the answers most like `highlight`, as many words long: to show what the
 * answer says where the highlight differs.
 */
export function closestPassage(highlight: string, qas: readonly Qa[]): string | undefined {
  const wanted = normalisePassage(highlight);
  const length = wanted.split(' ').length;
  let best: { passage: string; distance: number } | undefined;
  for (const block of answerBlocks(qas)) {
    const words = block
      .replace(/[\u00a0\s]+/g, ' ')
      .trim()
      .split(' ');
    for (let start = 0; start + Math.min(length, words.length) <= words.length; start++) {
      const passage = words.slice(start, start + length).join(' ');
      const distance = editDistance(normalisePassage(passage), wanted);
      if (best === undefined || distance < best.distance) best = { passage, distance };
      if (words.length < length) break;
    }
  }
  return best?.passage;
}

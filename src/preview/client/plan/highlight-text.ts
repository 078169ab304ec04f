import type { PlanAnswerBlock } from '../../page-protocol.js';

/**
 * The cover's highlight as the page chooses it: a passage of one paragraph or list item of a
 * chosen answer, whole words, word for word. The rule is data/highlight.ts's, which the server
 * checks on every save; this copy (kept equal by test/preview/plan/highlight-text.test.ts)
 * lets the page offer only selections that pass.
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
export function blockTexts(answers: readonly (readonly PlanAnswerBlock[])[]): string[] {
  return answers.flatMap((answer) =>
    answer.flatMap((block) => (typeof block === 'string' ? [block] : block.list)),
  );
}

/** True when `highlight` is a passage of one of the blocks (data/highlight.ts's rule). */
export function isVerbatimPassage(highlight: string, blocks: readonly string[]): boolean {
  const wanted = normalisePassage(highlight);
  if (wanted === '') return false;
  return blocks.some((block) => {
    const text = normalisePassage(block);
    const at = text.indexOf(wanted);
    return at !== -1 && isWordBoundary(text, at) && isWordBoundary(text, at + wanted.length);
  });
}

const isLetter = (char: string | undefined): boolean =>
  char !== undefined && /[\p{L}\p{N}]/u.test(char);

function isWordBoundary(text: string, index: number): boolean {
  return !(isLetter(text[index - 1]) && isLetter(text[index]));
}

/**
 * The passage a selection of `text` from `start` to `end` stands for: widened to whole words
 * (a selection that begins or ends inside a word takes all of it) and trimmed of spaces. Empty
 * when nothing but spaces and marks is selected.
 */
export function passageOf(text: string, start: number, end: number): string {
  let from = Math.max(0, Math.min(start, end));
  let to = Math.min(text.length, Math.max(start, end));
  while (from > 0 && isLetter(text[from - 1]) && isLetter(text[from])) from--;
  while (to < text.length && isLetter(text[to - 1]) && isLetter(text[to])) to++;
  const passage = text.slice(from, to).trim();
  return /[\p{L}\p{N}]/u.test(passage) ? passage : '';
}

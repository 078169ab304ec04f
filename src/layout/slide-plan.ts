/** What one slide shows, before it is drawn. The templates turn these into elements. */

export interface ListItem {
  text: string;
  /** False when this is the rest of an item begun on the previous slide: no bullet then. */
  hasBullet: boolean;
}

export type Block = { kind: 'paragraph'; text: string } | { kind: 'list'; items: ListItem[] };

export interface QaSlide {
  kind: 'qa';
  qaId: string;
  question: string;
  blocks: Block[];
  /** This slide carries on an answer begun on an earlier slide (question shown small). */
  isContinuation: boolean;
  /** The answer goes on on the next slide. */
  continues: boolean;
}

export type SlidePlan = { kind: 'cover' } | QaSlide | { kind: 'closing' };

/** Marks a hyphen the layout inserted to break a word too long for a line (U+2010 HYPHEN). */
export const insertedHyphen = '\u2010';

/** The text of a set of blocks as drawn: paragraphs and list items, one per line. */
export function blocksText(blocks: readonly Block[]): string {
  return blocks
    .map((block) =>
      block.kind === 'paragraph'
        ? block.text
        : block.items.map((item) => (item.hasBullet ? `• ${item.text}` : item.text)).join('\n'),
    )
    .join('\n');
}

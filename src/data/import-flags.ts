import { readLines } from './import/lines.js';

/** A line of a page the importer may have read wrong, for a person to look at before saving. */
export interface ImportFlag {
  line: number;
  text: string;
  /**
   * `dash-bullet`: starts with `-` or `*`, read as a paragraph (the website writes bullets with
   * •); `unmarked-question`: ends like a question but has no emoji before it.
   */
  kind: 'dash-bullet' | 'unmarked-question';
}

/**
 * The lines of a page worth a second look before an import is saved. The importer reads them
 * (an unmarked question is found by the questions other interviews ask; a `-` line is a
 * paragraph), but a person should see that it read them as meant.
 */
export function flagImportLines(text: string): ImportFlag[] {
  const flags: ImportFlag[] = [];
  const lines = readLines(text);
  // Before the first question (marked with an emoji) is the page's title and preamble, which
  // may well ask a question of its own.
  const firstQuestion = lines.find((line) => line.kind === 'emoji')?.number ?? Infinity;
  for (const line of lines) {
    if (line.kind !== 'text' || line.number < firstQuestion) continue;
    if (/^[-*–]\s/u.test(line.text)) {
      flags.push({ line: line.number, text: line.text, kind: 'dash-bullet' });
    } else if (/\?\s*$/u.test(line.text)) {
      flags.push({ line: line.number, text: line.text, kind: 'unmarked-question' });
    }
  }
  return flags;
}

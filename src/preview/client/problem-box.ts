import type { Problem, ProblemEntry } from '../page-protocol.js';
import { h, icon, icons } from './dom.js';
import { problemWords, t } from './i18n/index.js';

/** A problem as a box: title, then each place with its message and hint. */
export function problemBox(problem: Problem): HTMLDivElement {
  return h(
    'div',
    { className: 'problem-box', role: 'alert' },
    h('div', { className: 'problem-title' }, icon(icons.warning), t.problemTitle(problem.title)),
    h(
      'ul',
      null,
      problem.entries.map((entry) =>
        h(
          'li',
          null,
          placeOf(entry) === '' && entry.where === undefined
            ? null
            : h(
                'div',
                { className: 'place' },
                placeOf(entry),
                entry.where === undefined
                  ? null
                  : h('span', { className: 'field', text: entry.where }),
              ),
          // The server sends a line's text only with its number.
          entry.code === undefined || entry.line === undefined
            ? null
            : codeLine(entry.code, entry.line, entry.column),
          ...said(entry),
        ),
      ),
    ),
    problem.stack === undefined ? null : h('pre', { text: problem.stack }),
  );
}

/** An entry's message and hint, in the page's language when the server sent it. */
function said(entry: ProblemEntry): (HTMLParagraphElement | null)[] {
  const { message, hint, lang } = problemWords(entry);
  return [
    h('p', { className: 'message', lang, text: message }),
    hint === undefined ? null : h('p', { className: 'hint', lang, text: hint }),
  ];
}

/** Where a problem is: file:line:column (the field is shown beside it). */
function placeOf(entry: ProblemEntry): string {
  let file = entry.file ?? '';
  if (file !== '' && entry.line !== undefined) {
    file += `:${entry.line}${entry.column === undefined ? '' : `:${entry.column}`}`;
  }
  return file;
}

/** The line at fault, numbered, with a caret under the column when it is known. */
function codeLine(code: string, line: number, column: number | undefined): HTMLPreElement {
  const number = `${line} | `;
  const caret =
    column === undefined
      ? null
      : [
          '\n',
          h('span', { className: 'number', text: ' '.repeat(number.length) }),
          ' '.repeat(Math.max(0, column - 1)),
          h('span', { className: 'caret', text: '^' }),
        ];
  return h(
    'pre',
    { className: 'code' },
    h('span', { className: 'number', text: number }),
    code,
    caret,
  );
}

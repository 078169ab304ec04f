import { Parser } from 'yaml';
import type { CST } from 'yaml';

/**
 * YAML that parses, or half parses, into something other than what a communicator wrote
 * (FACTS.md, "Traps"): ` #` after plain text starts a comment and the words after it vanish;
 * `*Viktigt*` is an alias, `&Viktigt` an anchor, `!Viktigt` a tag; a `#` inside `[ ]` eats the
 * closing bracket. None of these has a use in a data file, so each is an error. They are found
 * in the text as written (the parser's tokens), which holds them even where the parser gave up.
 */
export interface YamlTrap {
  /** Where the fault is written: the offset of its first character. */
  offset: number;
  /**
   * The parser's own errors from the start of the trap's line up to and including this offset
   * are consequences of the trap (an alias followed by more words, an unclosed `[`), and would
   * only blur its message.
   */
  explainsUntil: number;
  /** The field it is in, as near as known (`[]` for none). */
  field: FieldPath;
  message: string;
  hint: string;
}

/** A field path in a file, e.g. `['qa', 0, 'answer', 2]`. */
export type FieldPath = readonly (string | number)[];

/** Finds every trap in `text`, the first on each line; `fieldAt` says in which field an offset is. */
export function findYamlTraps(text: string, fieldAt: (offset: number) => FieldPath): YamlTrap[] {
  const leaves: Leaf[] = [];
  const flows: CST.FlowCollection[] = [];
  for (const token of new Parser().parse(text)) collectLeaves(token, [], false, leaves, flows);

  const traps: YamlTrap[] = [];
  const flowsWithComment = new Set<CST.FlowCollection>();
  const endOfLine = (offset: number): number => {
    const newline = text.indexOf('\n', offset);
    return newline === -1 ? text.length : newline;
  };
  const textFrom = (offset: number): string => text.slice(offset, endOfLine(offset)).trimEnd();

  let previous: Leaf | undefined; // the last token on this line that is not space
  for (const [index, leaf] of leaves.entries()) {
    const { token } = leaf;
    const lineEnd = endOfLine(token.offset);
    switch (token.type) {
      case 'alias':
        traps.push({
          offset: token.offset,
          explainsUntil: lineEnd,
          field: fieldAt(token.offset),
          message: `"${token.source}" reads as a YAML alias (a reference to an anchor), not as text`,
          hint: quoteHint(textFrom(token.offset)),
        });
        break;
      case 'anchor':
        traps.push({
          offset: token.offset,
          explainsUntil: lineEnd,
          field: fieldAt(labelledOffset(leaves, index)),
          message: `"${token.source}" reads as a YAML anchor (a name for reuse) and would be dropped from the text`,
          hint: quoteHint(textFrom(token.offset)),
        });
        break;
      case 'tag':
        traps.push({
          offset: token.offset,
          explainsUntil: lineEnd,
          field: fieldAt(labelledOffset(leaves, index)),
          message: `"${token.source}" reads as a YAML tag (a type) and would be dropped from the text`,
          hint: quoteHint(textFrom(token.offset)),
        });
        break;
      case 'explicit-key-ind':
        traps.push({
          offset: token.offset,
          explainsUntil: lineEnd,
          field: fieldAt(token.offset),
          message: `"?" at the start of a text reads as a YAML key marker, not as text`,
          hint: quoteHint(textFrom(token.offset)),
        });
        break;
      case 'comment': {
        const flow = leaf.flows.at(-1);
        if (flow !== undefined) {
          flowsWithComment.add(flow);
          traps.push(flowCommentTrap(token, flow, fieldAt(flow.offset), flowEnd(flow, leaves)));
        } else if (
          previous?.token.type === 'scalar' ||
          (previous !== undefined &&
            previous.isInEmptyItem &&
            (previous.token.type === 'map-value-ind' || previous.token.type === 'seq-item-ind'))
        ) {
          // Plain text, or a `key:` or `- ` with nothing else, then ` #` on the same line: the
          // words after it are a comment. A comment after quoted text, a collection or a
          // key whose value follows on the next lines loses nothing, and stays allowed.
          const start = previous.token.type === 'scalar' ? previous.token.offset : token.offset;
          traps.push({
            offset: token.offset,
            explainsUntil: lineEnd,
            field: fieldAt(start),
            message: `"${token.source}" would be lost: YAML reads " #" and the rest of the line as a comment`,
            hint: `${quoteHint(text.slice(start, lineEnd).trimEnd())}, so the # stays part of it; a note of your own goes on a line of its own`,
          });
        }
        break;
      }
    }
    if (token.type === 'newline') previous = undefined;
    else if (token.type !== 'space') previous = leaf;
  }

  for (const flow of flows) {
    if (flowsWithComment.has(flow) || isClosed(flow)) continue;
    const isList = flow.start.type === 'flow-seq-start';
    traps.push({
      offset: flow.offset,
      explainsUntil: flowEnd(flow, leaves),
      field: fieldAt(flow.offset),
      message: isList
        ? 'the [ here is never closed: a list written this way ends with ]'
        : 'the { here is never closed: a mapping written this way ends with }',
      hint: isList
        ? 'end the list with ], e.g. [q1, q2]; put text holding , [ ] { } or # in quotes'
        : 'end the mapping with }, e.g. { name: …, role: … }; put text holding , [ ] { } or # in quotes',
    });
  }

  // The first trap on each line: one cause is enough to fix the line, and an attacker's
  // billion aliases make one message a line, not a billion.
  const seenLines = new Set<number>();
  return traps
    .sort((a, b) => a.offset - b.offset)
    .filter((trap) => {
      const lineStart = text.lastIndexOf('\n', trap.offset - 1) + 1;
      if (seenLines.has(lineStart)) return false;
      seenLines.add(lineStart);
      return true;
    });
}

/** One token as written, with the flow collections (`[ ]`, `{ }`) it is inside, outermost first. */
interface Leaf {
  token: { type: string; offset: number; source: string };
  flows: readonly CST.FlowCollection[];
  /** Part of a `key:` or `- ` that has no value. */
  isInEmptyItem: boolean;
}

/** Flattens the parser's token tree into the tokens of the text, in order. */
function collectLeaves(
  token: CST.Token,
  flows: readonly CST.FlowCollection[],
  isInEmptyItem: boolean,
  leaves: Leaf[],
  allFlows: CST.FlowCollection[],
): void {
  const add = (leaf: Leaf['token'], inside = flows): void => {
    leaves.push({ token: leaf, flows: inside, isInEmptyItem });
  };
  const addItem = (item: CST.CollectionItem, inside: readonly CST.FlowCollection[]): void => {
    const isEmpty = item.value === undefined;
    for (const part of item.start) collectLeaves(part, inside, isEmpty, leaves, allFlows);
    if (item.key !== undefined && item.key !== null)
      collectLeaves(item.key, inside, isEmpty, leaves, allFlows);
    for (const part of item.sep ?? []) collectLeaves(part, inside, isEmpty, leaves, allFlows);
    if (item.value !== undefined) collectLeaves(item.value, inside, false, leaves, allFlows);
  };

  switch (token.type) {
    case 'document':
      for (const part of token.start) add(part);
      if (token.value !== undefined) collectLeaves(token.value, flows, false, leaves, allFlows);
      for (const part of token.end ?? []) add(part);
      break;
    case 'block-map':
    case 'block-seq':
      for (const item of token.items) addItem(item, flows);
      break;
    case 'flow-collection': {
      allFlows.push(token);
      const inside = [...flows, token];
      add(token.start, inside);
      for (const item of token.items) addItem(item, inside);
      // After its closing bracket, a comment is outside the collection: `qa: [q1] # note`.
      let isOpen = true;
      for (const part of token.end) {
        add(part, isOpen ? inside : flows);
        if (part.type === 'flow-seq-end' || part.type === 'flow-map-end') isOpen = false;
      }
      break;
    }
    case 'alias':
    case 'scalar':
    case 'single-quoted-scalar':
    case 'double-quoted-scalar':
      add(token);
      for (const part of token.end ?? []) add(part);
      break;
    case 'block-scalar':
      for (const part of token.props) collectLeaves(part, flows, isInEmptyItem, leaves, allFlows);
      add(token);
      break;
    case 'doc-end':
      add(token);
      for (const part of token.end ?? []) add(part);
      break;
    default:
      add(token);
  }
}

/** Where the node that the anchor or tag at `index` labels starts: it is written after them. */
function labelledOffset(leaves: readonly Leaf[], index: number): number {
  const props = new Set(['space', 'newline', 'comment', 'anchor', 'tag']);
  const labelled = leaves.slice(index).find((leaf) => !props.has(leaf.token.type));
  return (labelled ?? leaves[index])?.token.offset ?? 0;
}

function isClosed(flow: CST.FlowCollection): boolean {
  return flow.end.some((part) => part.type === 'flow-seq-end' || part.type === 'flow-map-end');
}

/** The offset just past the last character of `flow`, where the parser reports it unclosed. */
function flowEnd(flow: CST.FlowCollection, leaves: readonly Leaf[]): number {
  let end = flow.offset;
  for (const { token, flows } of leaves) {
    if (flows.includes(flow)) end = Math.max(end, token.offset + token.source.length);
  }
  return end;
}

function flowCommentTrap(
  comment: Leaf['token'],
  flow: CST.FlowCollection,
  field: FieldPath,
  explainsUntil: number,
): YamlTrap {
  const [open, close] = flow.start.type === 'flow-seq-start' ? ['[', ']'] : ['{', '}'];
  const unclosed = isClosed(flow) ? '' : `, so the ${open} is never closed`;
  return {
    offset: comment.offset,
    explainsUntil,
    field,
    message: `"${comment.source}" would be lost: inside ${open} ${close}, YAML reads # and the rest of the line as a comment${unclosed}`,
    hint:
      field[0] === 'hashtags'
        ? 'write hashtags without #, e.g. hashtags: [Huddinge, Botkyrka]'
        : 'put text holding # in quotes ("…")',
  };
}

/**
 * Says to quote `text`, with the quotes that need no escapes inside: double quotes, unless the
 * text holds `"` or `\` (an escape in double quotes); then single ones, with `'` written twice.
 */
function quoteHint(text: string): string {
  return /["\\]/.test(text)
    ? `put the whole text in single quotes ('…'), writing each ' inside it twice`
    : `put the whole text in quotes ("…")`;
}

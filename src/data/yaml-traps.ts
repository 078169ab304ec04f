import { Parser } from 'yaml';
import type { CST } from 'yaml';
import type { FieldPath, InSwedish, Said } from '../issue.js';

/**
 * What a problem says: in English for the terminal and `check --json`, and in Swedish (`sv`)
 * for the studio. The Swedish is required, and an English hint requires a Swedish one, so the
 * type checker refuses a problem that forgets its Swedish. A Swedish hint without an English one
 * is allowed: the studio may say more than the terminal ever did.
 */
export type Wording =
  | { message: string; hint: string; sv: Required<InSwedish> }
  | { message: string; hint?: undefined; sv: InSwedish };

/**
 * Says to put text in quotes in Swedish: the quote to type is the straight ASCII one, which the
 * Swedish typographic ”…” the studio writes around quoted words is not.
 */
export const inQuotesSv = 'inom raka citattecken ("…", inte ”…”)';

/** Text from the file, quoted the Swedish way, ”…”, the same sign on both sides. */
export function quotedSv(text: string): string {
  return `”${text}”`;
}

/**
 * YAML that parses, or half parses, into something other than what a communicator wrote
 * (FACTS.md, "Traps"): ` #` after plain text, or `#` starting a line of it, starts a comment
 * and the words after it vanish; `*Viktigt*` is an alias, `&Viktigt` an anchor, `!Viktigt` a
 * tag; a `#` inside `[ ]` eats the closing bracket. None of these has a use in a data file, so
 * each is an error. They are found in the text as written (the parser's tokens), which holds
 * them even where the parser gave up.
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
  path: FieldPath;
  /** What is wrong and what would fix it, in English and Swedish: a trap always has a hint. */
  wording: Wording & { hint: string };
}

/** Finds every trap in `text`, the first on each line; `fieldAt` says in which field an offset is. */
export function findYamlTraps(text: string, fieldAt: (offset: number) => FieldPath): YamlTrap[] {
  const { leaves, flowEnds } = flattenTokens(new Parser().parse(text));

  const traps: YamlTrap[] = [];
  const flowsWithComment = new Set<CST.FlowCollection>();
  const endOfLine = (offset: number): number => {
    const newline = text.indexOf('\n', offset);
    return newline === -1 ? text.length : newline;
  };
  const textFrom = (offset: number): string => text.slice(offset, endOfLine(offset)).trimEnd();

  const columnOf = (offset: number): number => offset - text.lastIndexOf('\n', offset - 1) - 1;
  /** The end of the lines after `offset`'s that are blank or indented past `column`. */
  const endOfDeeperLines = (offset: number, column: number): number => {
    let end = endOfLine(offset);
    while (end < text.length) {
      const next = endOfLine(end + 1);
      const line = text.slice(end + 1, next);
      if (line.trim() !== '' && line.length - line.trimStart().length <= column) break;
      end = next;
    }
    return end;
  };

  let previous: Leaf | undefined; // the last token on this line that is not space
  let lastWords: Leaf | undefined; // the last token that is not space, newline or comment
  for (const [index, leaf] of leaves.entries()) {
    const { token } = leaf;
    const lineEnd = endOfLine(token.offset);
    switch (token.type) {
      case 'alias': {
        const quote = quoteHint(textFrom(token.offset));
        traps.push({
          offset: token.offset,
          explainsUntil: lineEnd,
          path: fieldAt(token.offset),
          wording: {
            message: `"${token.source}" reads as a YAML alias (a reference to an anchor), not as text`,
            hint: quote.en,
            sv: {
              message: `${quotedSv(token.source)} läses som en hänvisning till ett annat ställe i filen (ett alias i YAML), inte som text`,
              hint: quote.sv,
            },
          },
        });
        break;
      }
      case 'anchor': {
        const quote = quoteHint(textFrom(token.offset));
        traps.push({
          offset: token.offset,
          explainsUntil: lineEnd,
          path: fieldAt(labelledOffset(leaves, index)),
          wording: {
            message: `"${token.source}" reads as a YAML anchor (a name for reuse) and would be dropped from the text`,
            hint: quote.en,
            sv: {
              message: `${quotedSv(token.source)} läses som ett namn att hänvisa till (ett ankare i YAML) och skulle försvinna ur texten`,
              hint: quote.sv,
            },
          },
        });
        break;
      }
      case 'tag': {
        const quote = quoteHint(textFrom(token.offset));
        traps.push({
          offset: token.offset,
          explainsUntil: lineEnd,
          path: fieldAt(labelledOffset(leaves, index)),
          wording: {
            message: `"${token.source}" reads as a YAML tag (a type) and would be dropped from the text`,
            hint: quote.en,
            sv: {
              message: `${quotedSv(token.source)} läses som en typangivelse (en tagg i YAML) och skulle försvinna ur texten`,
              hint: quote.sv,
            },
          },
        });
        break;
      }
      case 'explicit-key-ind': {
        const quote = quoteHint(textFrom(token.offset));
        traps.push({
          offset: token.offset,
          explainsUntil: lineEnd,
          path: fieldAt(token.offset),
          wording: {
            message: `"?" at the start of a text reads as a YAML key marker, not as text`,
            hint: quote.en,
            sv: {
              message: `${quotedSv('?')} i början av en text läses som början på ett fältnamn i YAML, inte som text`,
              hint: quote.sv,
            },
          },
        });
        break;
      }
      case 'comment': {
        const { flow } = leaf;
        if (flow !== undefined) {
          flowsWithComment.add(flow);
          const explainsUntil = flowEnds.get(flow) ?? lineEnd;
          traps.push(flowCommentTrap(token, flow, fieldAt(flow.offset), explainsUntil));
        } else if (
          (previous?.token.type === 'scalar' && isText(fieldAt(previous.token.offset))) ||
          (previous !== undefined &&
            previous.isInEmptyItem &&
            (previous.token.type === 'map-value-ind' || previous.token.type === 'seq-item-ind'))
        ) {
          // Plain text, or a `key:` or `- ` with nothing else, then ` #` on the same line: the
          // words after it are a comment. A comment after quoted text, a collection or a
          // key whose value follows on the next lines loses nothing, and stays allowed.
          const start = previous.token.type === 'scalar' ? previous.token.offset : token.offset;
          const quote = quoteHint(text.slice(start, lineEnd).trimEnd());
          traps.push({
            offset: token.offset,
            explainsUntil: lineEnd,
            path: fieldAt(start),
            wording: {
              message: `"${token.source}" would be lost: YAML reads " #" and the rest of the line as a comment`,
              hint: `${quote.en}, so the # stays part of it; a note of your own goes on a line of its own`,
              sv: {
                message: `${quotedSv(token.source)} skulle försvinna: efter ett mellanslag läser YAML # och resten av raden som en kommentar, inte som text`,
                hint: `${quote.sv}, så att # blir kvar i texten; en egen anteckning skriver du på en egen rad`,
              },
            },
          });
        } else if (
          previous === undefined &&
          lastWords?.token.type === 'scalar' &&
          lastWords.ownerOffset !== undefined &&
          columnOf(token.offset) > columnOf(lastWords.ownerOffset)
        ) {
          // A line of plain text that starts with #, indented as the text goes on: a comment
          // too, so its words are lost, and the lines after it no longer belong to the text.
          const textEnd = endOfDeeperLines(token.offset, columnOf(lastWords.ownerOffset));
          const quote = quoteHint(text.slice(lastWords.token.offset, textEnd));
          traps.push({
            offset: token.offset,
            explainsUntil: textEnd,
            path: fieldAt(lastWords.token.offset),
            wording: {
              message: `"${token.source}" would be lost: YAML reads a line that starts with # as a comment, even inside a text`,
              hint: `${quote.en}, so the # stays part of it; a note of your own goes in line with its field, not further in`,
              sv: {
                message: `${quotedSv(token.source)} skulle försvinna: YAML läser en rad som börjar med # som en kommentar, också mitt i en text`,
                hint: `${quote.sv}, så att # blir kvar i texten; en egen anteckning skriver du på en rad som börjar rakt under fältets namn, inte längre in`,
              },
            },
          });
        }
        break;
      }
    }
    if (token.type === 'newline') previous = undefined;
    else if (token.type !== 'space') previous = leaf;
    if (!['space', 'newline', 'comment'].includes(token.type)) lastWords = leaf;
  }

  for (const [flow, end] of flowEnds) {
    if (flowsWithComment.has(flow) || isClosed(flow)) continue;
    const isList = flow.start.type === 'flow-seq-start';
    traps.push({
      offset: flow.offset,
      explainsUntil: end,
      path: fieldAt(flow.offset),
      wording: isList
        ? {
            message: 'the [ here is never closed: a list written this way ends with ]',
            hint: 'end the list with ], e.g. [q1, q2]; put text holding , [ ] { } or # in quotes',
            sv: {
              message: '[ här stängs aldrig: en lista som skrivs så här ska sluta med ]',
              hint: `avsluta listan med ], till exempel [q1, q2]; sätt text som innehåller , [ ] { } eller # ${inQuotesSv}`,
            },
          }
        : {
            message: 'the { here is never closed: a mapping written this way ends with }',
            hint: 'end the mapping with }, e.g. { name: …, role: … }; put text holding , [ ] { } or # in quotes',
            sv: {
              message: '{ här stängs aldrig: fält som skrivs så här, inom { }, ska sluta med }',
              hint: `avsluta med }, till exempel { name: …, role: … }; sätt text som innehåller , [ ] { } eller # ${inQuotesSv}`,
            },
          },
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

/**
 * Fields whose values are names, dates, ids or settings, never prose: a note after them
 * (`publishedOn: 2020-12-16  # the day it was posted`, as PRODUCT.md's example writes) loses
 * no words, so it stays allowed. Everything else is text a reader sees, where ` #Huddinge`
 * is far likelier a hashtag than a note.
 */
const settingFields = new Set([
  'id',
  'campaign',
  'interview',
  'theme',
  'format',
  'time',
  'date',
  'publishedOn',
  'qa',
  'marker',
  'handle',
  'email',
]);

/** True when the field at `path` holds text a reader sees (see settingFields). */
function isText(path: FieldPath): boolean {
  const key = path.findLast((segment): segment is string => typeof segment === 'string');
  // The themes of brand.yaml are settings through and through.
  return key === undefined || (!settingFields.has(key) && path[0] !== 'themes');
}

/** One token as written, with the innermost flow collection (`[ ]`, `{ }`) it is inside. */
interface Leaf {
  token: { type: string; offset: number; source: string };
  flow: CST.FlowCollection | undefined;
  /** Part of a `key:` or `- ` that has no value. */
  isInEmptyItem: boolean;
  /** For the value of a `key:` or `- `: where that key or `-` is written. */
  ownerOffset?: number;
}

/** The tokens of the text in order, and each flow collection with where it ends. */
interface Tokens {
  leaves: Leaf[];
  /** In the order they open, each with the offset just past its last character. */
  flowEnds: Map<CST.FlowCollection, number>;
}

/** A token still to flatten (or, with `isLeaf`, to take as it is) and what it is inside. */
interface Pending {
  token: CST.Token;
  flow: CST.FlowCollection | undefined;
  isInEmptyItem: boolean;
  isLeaf: boolean;
  ownerOffset?: number;
}

/**
 * Flattens the parser's token tree into the tokens of the text, in order. A loop over a stack,
 * not recursion: a file of 5,000 nested `[` must get an error, not exhaust the call stack. The
 * stack takes the parts of a token last first, so they come off it in the order written.
 */
function flattenTokens(roots: Iterable<CST.Token>): Tokens {
  const leaves: Leaf[] = [];
  const parents = new Map<CST.FlowCollection, CST.FlowCollection | undefined>();
  const stack: Pending[] = [];
  const push = (
    token: CST.Token,
    flow: CST.FlowCollection | undefined,
    isInEmptyItem: boolean,
    isLeaf = false,
    ownerOffset?: number,
  ): void => {
    stack.push({
      token,
      flow,
      isInEmptyItem,
      isLeaf,
      ...(ownerOffset === undefined ? {} : { ownerOffset }),
    });
  };
  const pushAll = (
    tokens: readonly CST.Token[] | undefined,
    flow: CST.FlowCollection | undefined,
    isInEmptyItem: boolean,
  ): void => {
    for (let index = (tokens?.length ?? 0) - 1; index >= 0; index--) {
      push(tokens?.[index] as CST.Token, flow, isInEmptyItem);
    }
  };
  const pushItems = (
    items: readonly CST.CollectionItem[],
    flow: CST.FlowCollection | undefined,
  ) => {
    for (let index = items.length - 1; index >= 0; index--) {
      const item = items[index] as CST.CollectionItem;
      const isEmpty = item.value === undefined;
      const owner =
        item.key?.offset ?? item.start.find((part) => part.type === 'seq-item-ind')?.offset;
      if (item.value !== undefined) push(item.value, flow, false, false, owner);
      pushAll(item.sep, flow, isEmpty);
      if (item.key !== undefined && item.key !== null) push(item.key, flow, isEmpty);
      pushAll(item.start, flow, isEmpty);
    }
  };

  pushAll([...roots], undefined, false);
  for (let pending = stack.pop(); pending !== undefined; pending = stack.pop()) {
    const { token, flow, isInEmptyItem, ownerOffset } = pending;
    if (pending.isLeaf) {
      leaves.push({
        token: token as Leaf['token'],
        flow,
        isInEmptyItem,
        ...(ownerOffset === undefined ? {} : { ownerOffset }),
      });
      continue;
    }
    switch (token.type) {
      case 'document':
        pushAll(token.end, flow, isInEmptyItem);
        if (token.value !== undefined) push(token.value, flow, false);
        pushAll(token.start, flow, isInEmptyItem);
        break;
      case 'block-map':
      case 'block-seq':
        pushItems(token.items, flow);
        break;
      case 'flow-collection': {
        parents.set(token, flow);
        // After its closing bracket, a comment is outside the collection: `qa: [q1] # note`.
        const close = token.end.findIndex(
          (part) => part.type === 'flow-seq-end' || part.type === 'flow-map-end',
        );
        const inside = close === -1 ? token.end : token.end.slice(0, close + 1);
        pushAll(close === -1 ? [] : token.end.slice(close + 1), flow, isInEmptyItem);
        pushAll(inside, token, isInEmptyItem);
        pushItems(token.items, token);
        push(token.start, token, isInEmptyItem);
        break;
      }
      case 'alias':
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'doc-end':
        pushAll(token.end, flow, isInEmptyItem);
        push(token, flow, isInEmptyItem, true, ownerOffset);
        break;
      case 'block-scalar':
        push(token, flow, isInEmptyItem, true);
        pushAll(token.props, flow, isInEmptyItem);
        break;
      default:
        push(token, flow, isInEmptyItem, true);
    }
  }

  // Each collection ends where its last token, or the last token of one inside it, ends.
  const flowEnds = new Map([...parents.keys()].map((flow) => [flow, flow.offset]));
  for (const { token, flow } of leaves) {
    if (flow !== undefined) {
      const end = token.offset + token.source.length;
      flowEnds.set(flow, Math.max(flowEnds.get(flow) ?? 0, end));
    }
  }
  for (const [flow, parent] of [...parents].reverse()) {
    if (parent !== undefined) {
      flowEnds.set(parent, Math.max(flowEnds.get(parent) ?? 0, flowEnds.get(flow) ?? 0));
    }
  }
  return { leaves, flowEnds };
}

/** Where the node that the anchor or tag at `index` labels starts: it is written after them. */
function labelledOffset(leaves: readonly Leaf[], index: number): number {
  const props = new Set(['space', 'newline', 'comment', 'anchor', 'tag']);
  for (let next = index; next < leaves.length; next++) {
    const leaf = leaves[next];
    if (leaf !== undefined && !props.has(leaf.token.type)) return leaf.token.offset;
  }
  return leaves[index]?.token.offset ?? 0;
}

function isClosed(flow: CST.FlowCollection): boolean {
  return flow.end.some((part) => part.type === 'flow-seq-end' || part.type === 'flow-map-end');
}

function flowCommentTrap(
  comment: Leaf['token'],
  flow: CST.FlowCollection,
  path: FieldPath,
  explainsUntil: number,
): YamlTrap {
  const [open, close] = flow.start.type === 'flow-seq-start' ? ['[', ']'] : ['{', '}'];
  const isUnclosed = !isClosed(flow);
  const isHashtags = path[0] === 'hashtags';
  return {
    offset: comment.offset,
    explainsUntil,
    path,
    wording: {
      message: `"${comment.source}" would be lost: inside ${open} ${close}, YAML reads # and the rest of the line as a comment${isUnclosed ? `, so the ${open} is never closed` : ''}`,
      hint: isHashtags
        ? 'write hashtags without #, e.g. hashtags: [Huddinge, Botkyrka]'
        : 'put text holding # in quotes ("…")',
      sv: {
        message: `${quotedSv(comment.source)} skulle försvinna: inom ${open} ${close} läser YAML # och resten av raden som en kommentar${isUnclosed ? `, så ${open} stängs aldrig` : ''}`,
        hint: isHashtags
          ? 'skriv hashtaggarna utan #, till exempel hashtags: [Huddinge, Botkyrka]'
          : `sätt text som innehåller # ${inQuotesSv}`,
      },
    },
  };
}

/**
 * Says to quote `text`, in English and Swedish, with the quotes that need no escapes inside:
 * double quotes, unless the text holds `"` or `\` (an escape in double quotes); then single
 * ones, with `'` written twice.
 */
function quoteHint(text: string): Said {
  return /["\\]/.test(text)
    ? {
        en: `put the whole text in single quotes ('…'), writing each ' inside it twice`,
        sv: `sätt hela texten inom raka apostrofer ('…', inte ’…’) och skriv varje ' i texten två gånger`,
      }
    : { en: `put the whole text in quotes ("…")`, sv: `sätt hela texten ${inQuotesSv}` };
}

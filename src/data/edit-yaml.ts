import { isDeepStrictEqual } from 'node:util';
import {
  Document,
  isCollection,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
} from 'yaml';
import type { Node, ToStringOptions } from 'yaml';
import { InputError } from '../errors.js';
import { formatPath } from '../issue.js';
import type { FieldPath } from '../issue.js';
import { diffSequences } from './sequence-diff.js';

/**
 * One change to a YAML data file, by field path as issues name fields (`['qa', 2, 'answer', 0]`):
 * `set` a field (`[]`: the whole file), `delete` one, `insert` an item into a list (at `index`,
 * or at its end).
 */
export type EditOperation =
  | { op: 'set'; path: FieldPath; value: unknown }
  | { op: 'delete'; path: FieldPath }
  | { op: 'insert'; path: FieldPath; index?: number | undefined; value: unknown };

/** Operations in order, or (for callers in this process) a function that changes the document. */
export type YamlEdit = readonly EditOperation[] | ((document: Document) => void);

/**
 * The same object twice is written out twice: by default the library writes it once with an
 * anchor and then an alias, which the loader refuses.
 */
const nodeOptions = { aliasDuplicateObjects: false } as const;

/**
 * Applies `edit` to YAML `text` (null: a file not written yet) through the yaml library's
 * Document API, so comments and the order of fields stay, and text that YAML would misread
 * (` #`, a leading `*`, a trailing `:`) is quoted. Lines the edit does not touch keep their
 * exact layout (spacing inside `{ … }`, say), as written by hand. A path that is not in the
 * file is an InputError naming it.
 */
export function editYamlText(text: string | null, edit: YamlEdit): string {
  const document = text === null ? new Document(null, nodeOptions) : parseDocument(text);
  if (document.errors.length > 0) {
    throw new InputError(`the file is not valid YAML: ${document.errors[0]?.message ?? ''}`, {
      hint: 'fix the file by hand first, or replace it whole',
    });
  }
  if (typeof edit === 'function') edit(document);
  else for (const operation of edit) applyOperation(document, operation);

  if (text === null) return document.toString(stringifyOptions(''));
  const options = stringifyOptions(text);
  const edited = document.toString(options);
  return keepUntouchedLines(text, edited, options) ?? edited;
}

/** How the file was written: one line a paragraph, and `{ … }` spaced as it is spaced. */
function stringifyOptions(text: string): ToStringOptions {
  const padded = (text.match(/[[{] [^\s\]}]/g) ?? []).length;
  const tight = (text.match(/: [[{][^\s\]}]/g) ?? []).length;
  return { lineWidth: 0, flowCollectionPadding: padded >= tight };
}

/**
 * The edited text with each line the edit did not touch as it was written: the file is written
 * again unedited, each of those lines matched to the original line (the same but for spacing),
 * and the edited lines matched to those. Undefined when the two do not line up, or when the
 * result would not read as the edited document: then the library's layout is taken whole.
 */
function keepUntouchedLines(
  original: string,
  edited: string,
  options: ToStringOptions,
): string | undefined {
  const eol = original.includes('\r\n') ? '\r\n' : '\n';
  const originalLines = original.split(/\r?\n/);
  const rewritten = parseDocument(original).toString(options).split('\n');
  const squeeze = (line: string): string => line.replace(/\s+/g, '');
  if (
    rewritten.length !== originalLines.length ||
    rewritten.some((line, index) => squeeze(line) !== squeeze(originalLines[index] ?? ''))
  ) {
    return undefined;
  }
  const lines = diffSequences(rewritten, edited.split('\n')).flatMap((step) =>
    step.kind === 'same'
      ? [originalLines[step.oldIndex] ?? '']
      : step.kind === 'added'
        ? [step.item]
        : [],
  );
  const result = lines.join(eol);
  const isSame = isDeepStrictEqual(parseDocument(result).toJS(), parseDocument(edited).toJS());
  return isSame ? result : undefined;
}

function applyOperation(document: Document, operation: EditOperation): void {
  const { path } = operation;
  if (operation.op === 'set' && path.length === 0) {
    const previous = document.contents;
    const node = document.createNode(operation.value, nodeOptions);
    matchStyle(node, previous);
    document.contents = node;
    return;
  }
  const parentPath = path.slice(0, -1);
  const key = path.at(-1);
  const parent = parentPath.length === 0 ? document.contents : document.getIn(parentPath, true);
  if (operation.op === 'insert') {
    const list = document.getIn(path, true);
    if (!isSeq(list)) throw missing(path, 'a list');
    const index = operation.index ?? list.items.length;
    if (!Number.isInteger(index) || index < 0 || index > list.items.length) {
      throw missing([...path, index], 'a place in the list');
    }
    const node = document.createNode(operation.value, nodeOptions);
    matchStyle(node, list.items[index] ?? list.items[index - 1]);
    list.items.splice(index, 0, node);
    return;
  }
  if (isMap(parent) && typeof key === 'string') {
    if (operation.op === 'delete') {
      if (!parent.has(key)) throw missing(path, 'a field');
      parent.delete(key);
      return;
    }
    const previous = parent.get(key, true);
    if (isCollection(previous) || isNode(operation.value) || !isScalarValue(operation.value)) {
      const node = document.createNode(operation.value, nodeOptions);
      matchStyle(node, previous);
      keepComments(node, previous);
      parent.set(key, node);
    } else parent.set(key, operation.value);
    return;
  }
  if (isSeq(parent) && typeof key === 'number') {
    if (!Number.isInteger(key) || key < 0 || key >= parent.items.length) {
      throw missing(path, 'an item');
    }
    if (operation.op === 'delete') {
      parent.items.splice(key, 1);
      return;
    }
    const previous = parent.get(key, true);
    if (isScalar(previous) && isScalarValue(operation.value)) previous.value = operation.value;
    else {
      const node = document.createNode(operation.value, nodeOptions);
      matchStyle(node, previous);
      keepComments(node, previous);
      parent.items[key] = node;
    }
    return;
  }
  throw missing(parentPath, isSeq(parent) ? 'a list item (give a number)' : 'a field');
}

function isScalarValue(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function missing(path: FieldPath, what: string): InputError {
  return new InputError(`${formatPath(path) || 'the file'} is not ${what} in the file`, {
    hint: 'the file may have changed since it was read: read it again',
  });
}

/**
 * A new node written as the one it replaces, or as its neighbours in a list: `qa: [q1, q2]`
 * stays on one line, and so does the `qa` of a post added to a schedule written that way.
 */
function matchStyle(node: unknown, template: unknown): void {
  if (isMap(node) && isMap(template)) {
    node.flow = template.flow ?? false;
    for (const pair of node.items) {
      const key: unknown = isScalar(pair.key) ? pair.key.value : pair.key;
      if (typeof key === 'string') matchStyle(pair.value, template.get(key, true));
    }
  } else if (isSeq(node) && isSeq(template)) {
    node.flow = template.flow ?? false;
    for (const item of node.items) matchStyle(item, template.items[0]);
  }
}

/** The comments of a node that is replaced whole stay with the field. */
function keepComments(node: unknown, previous: unknown): void {
  if (!isNode(node) || !isNode(previous)) return;
  const target: Node = node;
  const source: Node = previous;
  if (source.commentBefore != null) target.commentBefore = source.commentBefore;
  if (source.comment != null) target.comment = source.comment;
  if (source.spaceBefore === true) target.spaceBefore = true;
}

/** The value at a path of a YAML text's document (undefined when absent), for callers' checks. */
export function valueAt(text: string, path: FieldPath): unknown {
  const document = parseDocument(text);
  const node: unknown = path.length === 0 ? document.contents : document.getIn(path, true);
  if (isPair(node)) return undefined;
  return isNode(node) ? node.toJSON() : node;
}

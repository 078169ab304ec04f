import { readFile } from 'node:fs/promises';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node, YAMLError } from 'yaml';
import type { z } from 'zod';
import type { FieldPath, Issue } from '../issue.js';
import { describeZodIssues } from './describe-zod-issues.js';
import { findYamlTraps, inQuotesSv, quotedSv } from './yaml-traps.js';
import type { Wording, YamlTrap } from './yaml-traps.js';

/** A position in a file, both 1-based. */
export interface Position {
  line: number;
  column: number;
}

/** One YAML file, parsed and checked against its schema. */
export interface ParsedFile<T> {
  file: string;
  /** The validated value; undefined when the file has any issue. */
  value: T | undefined;
  /** What YAML produced, before the schema (undefined after a syntax error). */
  raw: unknown;
  /** Every problem of the file: `syntax` when YAML cannot read it as written, else `schema`. */
  issues: Issue[];
  /** Where the field at `path` (e.g. `['posts', 0, 'qa', 1]`) is written, as near as known. */
  locate(path: FieldPath): Position | undefined;
}

/** Reads `file` and checks it against `schema`; problems come back as issues, never thrown. */
export async function readYamlFile<T>(file: string, schema: z.ZodType<T>): Promise<ParsedFile<T>> {
  let text: string;
  try {
    const bytes = await readFile(file);
    text = bytes.toString('utf8');
    const damage = encodingIssue(file, bytes, text);
    if (damage !== undefined) {
      return { file, value: undefined, raw: undefined, issues: [damage], locate: () => undefined };
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code ?? String(error);
    const wording: Wording =
      code === 'ENOENT'
        ? { message: 'does not exist', sv: { message: 'finns inte' } }
        : code === 'EISDIR'
          ? { message: 'is a folder, not a file', sv: { message: 'är en mapp, inte en fil' } }
          : code === 'EACCES' || code === 'EPERM'
            ? {
                message: 'cannot be read: no permission',
                hint: `give yourself permission to read it (chmod u+r ${file}), or run as its owner`,
                sv: {
                  message: 'går inte att läsa: behörighet saknas',
                  hint: `ge dig själv rätt att läsa den (chmod u+r ${file}), eller kör som dess ägare`,
                },
              }
            : {
                message: `cannot be read (${reason})`,
                sv: { message: `går inte att läsa (${reason})` },
              };
    return {
      file,
      value: undefined,
      raw: undefined,
      issues: [syntaxIssue(file, [], undefined, wording)],
      locate: () => undefined,
    };
  }
  return parseYamlText(text, file, schema);
}

/** Parses YAML `text` that came from `file` and checks it against `schema`. */
export function parseYamlText<T>(text: string, file: string, schema: z.ZodType<T>): ParsedFile<T> {
  const lineCounter = new LineCounter();
  // prettyErrors off: the message stays one line, and the position is reported our way.
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const positionOf = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const locate = (path: FieldPath): Position | undefined => {
    const offset = offsetOf(document, path);
    return offset === undefined ? undefined : positionOf(offset);
  };

  // Traps first: they explain the parser's errors on their lines, and a file with one never
  // reaches toJS, so an alias is never expanded (a "billion laughs" file costs a parse).
  const traps = findYamlTraps(text, (offset) => fieldAt(document, offset));
  const isExplained = explainedBy(traps, text);
  const errors = document.errors.filter((error) => !isExplained(error.pos[0]));

  if (traps.length > 0 || errors.length > 0) {
    const lines = text.split(/\r?\n/);
    const trapIssues = traps.map((trap) =>
      syntaxIssue(file, trap.path, positionOf(trap.offset), trap.wording),
    );
    const errorIssues = errors.map((error) => {
      const position = positionOf(error.pos[0]);
      const wording = describeSyntaxError(error, lines[position.line - 1] ?? '', position);
      return syntaxIssue(file, [], position, wording);
    });
    const issues = [...trapIssues, ...errorIssues].sort(
      (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
    );
    return { file, value: undefined, raw: undefined, issues, locate };
  }

  // No alias gets this far; none may expand should one ever slip through.
  const raw: unknown = document.toJS({ maxAliasCount: 0 });
  const result = schema.safeParse(raw);
  if (result.success) return { file, value: result.data, raw, issues: [], locate };

  const issues = describeZodIssues(result.error.issues, raw, schema).map((issue): Issue => ({
    ...issue,
    file,
    ...locate(issue.path),
  }));
  return { file, value: undefined, raw, issues, locate };
}

/**
 * Whether a parser error at an offset follows from one of `traps` (sorted by offset): it lies
 * between the start of a trap's line and where the trap says its consequences end. A binary
 * search over the traps, with the furthest end reached so far, keeps this linear in a file of
 * thousands.
 */
function explainedBy(traps: readonly YamlTrap[], text: string): (offset: number) => boolean {
  const starts = traps.map((trap) => text.lastIndexOf('\n', trap.offset - 1) + 1);
  const furthest: number[] = [];
  for (const [index, trap] of traps.entries()) {
    furthest.push(Math.max(furthest[index - 1] ?? -1, trap.explainsUntil));
  }
  return (offset) => {
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((starts[middle] ?? Infinity) <= offset) low = middle + 1;
      else high = middle;
    }
    return low > 0 && (furthest[low - 1] ?? -1) >= offset;
  };
}

/**
 * The one way this file makes a `syntax` issue: `wording` must have its Swedish (see Wording),
 * so no problem of the reader reaches the studio in English only.
 */
/**
 * Text that is not UTF-8 (a file saved as Latin-1 or UTF-16) would reach the slides with its
 * å, ä and ö as U+FFFD, and a NUL byte (a binary or damaged file) confuses the YAML parser: both
 * are said plainly, at their line, rather than as a glyph or parser error far from the cause.
 */
function encodingIssue(file: string, bytes: Buffer, text: string): Issue | undefined {
  const lineOf = (index: number): Position => {
    const before = text.slice(0, index);
    return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') };
  };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return syntaxIssue(file, [], lineOf(Math.max(0, text.indexOf('\uFFFD'))), {
      message: 'is not UTF-8 text (saved as Latin-1 or UTF-16?): its å, ä and ö would be lost',
      hint: 'save the file as UTF-8 in your editor (in VS Code: "Save with Encoding", UTF-8)',
      sv: {
        message:
          'är inte UTF-8-text (sparad som Latin-1 eller UTF-16?): dess å, ä och ö skulle gå förlorade',
        hint: 'spara filen som UTF-8 i din redigerare (i VS Code: "Save with Encoding", UTF-8)',
      },
    });
  }
  const nul = text.indexOf('\0');
  if (nul === -1) return undefined;
  return syntaxIssue(file, [], lineOf(nul), {
    message: 'holds a NUL character: the file is damaged, or not a text file',
    hint: 'remove the character (or restore the file from a copy)',
    sv: {
      message: 'innehåller ett NUL-tecken: filen är skadad eller ingen textfil',
      hint: 'ta bort tecknet (eller hämta filen från en kopia)',
    },
  });
}

function syntaxIssue(
  file: string,
  path: FieldPath,
  position: Position | undefined,
  { message, hint, sv }: Wording,
): Issue {
  return {
    code: 'syntax',
    severity: 'error',
    file,
    path,
    message,
    ...(hint === undefined ? {} : { hint }),
    ...position,
    sv,
  };
}

/**
 * A parser error in words: the parser's own English message for the terminal, as it always was,
 * with a hint for the commonest slips in hand-written YAML; in Swedish, what the error means in
 * plain words where its code says so for certain. Any other error says in Swedish only what we
 * know, that YAML cannot read the file at this line and column, and its hint keeps the parser's
 * English words, quoted: the only detail there is, and what a helper would search for.
 */
function describeSyntaxError(error: YAMLError, line: string, at: Position): Wording {
  const { message } = error;
  switch (error.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return {
        message,
        hint: "put the text in quotes: a ': ' inside it, or a ':' ending the line, reads as a key in YAML",
        sv: {
          message: 'ett kolon gör att YAML läser texten här som ett fältnamn',
          hint: `sätt texten ${inQuotesSv}: ett kolon följt av mellanslag i texten, eller ett kolon sist på raden, läser YAML som slutet på ett fältnamn`,
        },
      };
    case 'BAD_SCALAR_START': {
      // `- @kraftbyran tycker`, `- %50 av`: characters YAML keeps for itself.
      const char = message.slice(-1);
      return {
        message,
        hint: `put the whole text in quotes ("…"): YAML text cannot start with ${char}`,
        sv: {
          message: `YAML kan inte läsa en text som börjar med ${char}`,
          hint: `sätt hela texten ${inQuotesSv}: i YAML kan en text utan citattecken inte börja med ${char}`,
        },
      };
    }
    case 'TAB_AS_INDENT':
      return {
        message,
        hint: 'indent with spaces, not tabs',
        sv: {
          message: 'raden är indragen med tabb, och det går inte i YAML',
          hint: 'dra in raden med mellanslag, inte med tabb',
        },
      };
    case 'BAD_INDENT':
      return {
        message,
        hint: 'line up the fields of a mapping, or the items of a list, at the same column',
        sv: {
          message: 'raden är indragen fel',
          hint: 'fälten som hör ihop, eller punkterna i en lista, ska börja lika långt in på raden',
        },
      };
    case 'DUPLICATE_KEY':
      return {
        message,
        hint: 'a field may appear only once here: remove or rename the second one',
        sv: {
          message: 'samma fält står två gånger',
          hint: 'ett fält får bara finnas en gång här: ta bort det andra eller ge det ett annat namn',
        },
      };
    case 'MULTIPLE_DOCS':
      return {
        message,
        hint: "one file holds one document: remove the '---' line",
        sv: {
          message: 'en rad med --- delar filen i flera dokument',
          hint: 'en fil ska bara innehålla ett dokument: ta bort raden med ---',
        },
      };
    case 'MISSING_CHAR':
      if (/quote/i.test(message)) {
        return {
          message,
          hint: 'end the text with the same quote mark it starts with',
          sv: {
            message: 'ett citattecken som börjar en text stängs aldrig',
            hint: 'avsluta texten med samma sorts citattecken som den börjar med',
          },
        };
      }
      break;
    case 'UNEXPECTED_TOKEN':
      // `- | och > betyder …`: | and > start a block of text on the lines below, not this one.
      if (/^\s*(-\s+)?([\p{L}\p{N}_-]+:\s+)?[|>][-+\d]*\s+[^\s#]/u.test(line)) {
        return {
          message,
          hint: 'put the whole text in quotes ("…"): YAML reads | or > at the start of a text as the start of a block of lines below it',
          sv: {
            message: 'YAML kan inte läsa en text som börjar med | eller >',
            hint: `sätt hela texten ${inQuotesSv}: i början av en text läser YAML | eller > som starten på ett textstycke på raderna under`,
          },
        };
      }
      // `- "Vi vill" sa hon.`: the quotes close before the text ends.
      if (/^\s*(-\s+)?([\p{L}\p{N}_-]+:\s+)?["']/u.test(line)) {
        return {
          message,
          hint: `text that starts with a quote mark must end with it: put the whole text in quotes of the other kind, e.g. '"Vi vill" sa hon.'`,
          sv: {
            message: 'texten fortsätter efter citattecknet som avslutar den',
            hint: `en text som börjar med ett citattecken måste också sluta med det: sätt hela texten inom den andra sortens citattecken, till exempel '"Vi vill" sa hon.'`,
          },
        };
      }
      break;
    default:
      break;
  }
  return {
    message,
    sv: {
      message: `något på rad ${String(at.line)}, vid tecken ${String(at.column)}, är skrivet så att YAML inte kan läsa filen`,
      hint: `titta efter något som saknas eller står fel just där, till exempel ett citattecken, en parentes eller ett kolon. Det tekniska felmeddelandet på engelska, om du vill be någon om hjälp: ${quotedSv(message)}`,
    },
  };
}

/**
 * The offset where the field at `path` is written: a mapping field's key (so `qa[2].question`
 * points at `question:`), a list item itself; for a missing field, the nearest parent present.
 */
function offsetOf(document: Document, path: readonly (string | number)[]): number | undefined {
  let node: unknown = document.contents;
  let offset = rangeStart(node);
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (pair === undefined) break;
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item: unknown = node.items[segment];
      if (item === undefined) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else break;
  }
  return offset;
}

/**
 * The path of the field written at `offset`: the deepest mapping field (from its key to the end
 * of its value) or list item that holds it; the inverse of offsetOf.
 */
function fieldAt(document: Document, offset: number): FieldPath {
  const path: (string | number)[] = [];
  let node: unknown = document.contents;
  while (isMap(node) || isSeq(node)) {
    const items: unknown[] = node.items;
    const span = (item: unknown): [unknown, unknown] =>
      isPair(item) ? [item.key, item.value ?? item.key] : [item, item];
    // Items are in the order written: a binary search keeps a file of many traps linear.
    let low = 0;
    let high = items.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((rangeEnd(span(items[middle])[1]) ?? -1) > offset) high = middle;
      else low = middle + 1;
    }
    const item = items[low];
    if ((rangeStart(span(item)[0]) ?? Infinity) > offset) break;
    if (isPair(item) && isScalar(item.key)) {
      path.push(String(item.key.value));
      node = item.value;
    } else if (item !== undefined && !isPair(item)) {
      path.push(low);
      node = item;
    } else break;
  }
  return path;
}

function rangeEnd(node: unknown): number | undefined {
  return typeof node === 'object' && node !== null && 'range' in node
    ? (node as Node).range?.[2]
    : undefined;
}

function rangeStart(node: unknown): number | undefined {
  return typeof node === 'object' && node !== null && 'range' in node
    ? (node as Node).range?.[0]
    : undefined;
}

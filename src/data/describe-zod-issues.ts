import { z } from 'zod';
import type { Issue } from '../issue.js';
import { findClosest } from './closest.js';
import { answerBlockSchema } from './schema.js';

type ZodIssue = z.core.$ZodIssue;

/** The hint for text that YAML read as a mapping because its line ends in a colon (FACTS.md). */
export const colonHint = "put the text in quotes: a line ending in ':' reads as a key in YAML";

const quoteHint = 'put it in quotes';

/**
 * Turns zod's issues for one parsed file into messages that say what is wrong and what would
 * fix it, each keeping its full path: `schema` issues without their file. `raw` is what YAML
 * produced, so messages can say what was found (zod 4 leaves the input out of issues by default).
 */
export function describeZodIssues(
  issues: readonly ZodIssue[],
  raw: unknown,
  schema: z.ZodType,
): Issue[] {
  return issues.flatMap((issue) => describeIssue(issue, [], raw, schema));
}

function describeIssue(
  issue: ZodIssue,
  prefix: readonly PropertyKey[],
  raw: unknown,
  root: z.ZodType,
): Issue[] {
  const path = [...prefix, ...issue.path].map(toSegment);
  const value = valueAt(raw, path);
  const lastKey = path.at(-1);

  if (isColonMapping(value) && expectsText(issue, root, path)) {
    return [schemaIssue(path, `is a mapping ${showColonMapping(value)}, not text`, colonHint)];
  }

  switch (issue.code) {
    case 'invalid_type':
      return [describeInvalidType(issue, path, value, root)];

    case 'unrecognized_keys': {
      const known = knownKeys(schemaAt(root, path));
      return issue.keys.map((key) => {
        const closest = findClosest(key, known);
        const hint =
          closest !== undefined
            ? `did you mean ${closest}?`
            : known.length > 0
              ? `the fields here are: ${known.join(', ')}`
              : undefined;
        return schemaIssue([...path, key], 'is not a known field', hint);
      });
    }

    case 'invalid_union':
      return describeInvalidUnion(issue, path, value, raw, root);

    case 'invalid_key': {
      const inner = issue.issues[0];
      const reason =
        inner === undefined || isDefaultMessage(inner.message) ? 'is not allowed' : inner.message;
      return [schemaIssue(path, `the name ${JSON.stringify(String(lastKey))} ${reason}`)];
    }

    case 'too_small':
      if (!isDefaultMessage(issue.message)) return [schemaIssue(path, issue.message)];
      if (issue.origin === 'array' || issue.origin === 'set') {
        return [
          schemaIssue(
            path,
            `needs at least ${String(issue.minimum)} ${plural(Number(issue.minimum), 'item')}`,
          ),
        ];
      }
      if (issue.origin === 'string') {
        return [
          schemaIssue(
            path,
            Number(issue.minimum) <= 1
              ? 'must not be empty'
              : `must be at least ${String(issue.minimum)} characters long`,
          ),
        ];
      }
      return [schemaIssue(path, issue.message)];

    case 'invalid_value':
      if (!isDefaultMessage(issue.message)) return [schemaIssue(path, issue.message)];
      return [
        schemaIssue(
          path,
          `must be one of ${issue.values.map((allowed) => String(allowed)).join(', ')}, not ${describeValue(value)}`,
        ),
      ];

    case 'custom': {
      // A refinement of ours may carry its hint: `params: { hint }`.
      const hint: unknown = issue.params?.hint;
      return [schemaIssue(path, issue.message, typeof hint === 'string' ? hint : undefined)];
    }

    default:
      return [schemaIssue(path, issue.message)];
  }
}

function describeInvalidType(
  issue: Extract<ZodIssue, { code: 'invalid_type' }>,
  path: (string | number)[],
  value: unknown,
  root: z.ZodType,
): Issue {
  if (value === undefined) return schemaIssue(path, 'is missing');
  if (path.length === 0 && value === null) {
    return schemaIssue(path, 'the file is empty', fieldsHint(root));
  }
  if (path.length === 0) {
    return schemaIssue(
      path,
      `the file must be a mapping of fields, not ${describeValue(value)}`,
      fieldsHint(root),
    );
  }
  if (value === null) return schemaIssue(path, 'is empty');
  if (!isDefaultMessage(issue.message)) return schemaIssue(path, issue.message);

  const message = `must be ${describeExpected(issue.expected)}, not ${describeValue(value)}`;
  if (issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
    return schemaIssue(path, message, quoteHint);
  }
  if (issue.expected === 'array' && typeof value === 'string') {
    return schemaIssue(path, message, 'write each item on its own line, starting with "- "');
  }
  return schemaIssue(path, message);
}

function describeInvalidUnion(
  issue: Extract<ZodIssue, { code: 'invalid_union' }>,
  path: (string | number)[],
  value: unknown,
  raw: unknown,
  root: z.ZodType,
): Issue[] {
  // When exactly one alternative got past its type check, its issues say what is wrong, deeper
  // in (an empty paragraph, an empty item of a `list`); report those rather than "neither". A
  // mapping without `list` is not a list that went wrong but something else: say what is allowed.
  const structural = issue.errors.filter(
    (branch) => !branch.every((inner) => inner.code === 'invalid_type' && inner.path.length === 0),
  );
  const [only] = structural;
  if (
    only !== undefined &&
    structural.length === 1 &&
    (!isPlainMapping(value) || 'list' in value)
  ) {
    return only.flatMap((inner) => describeIssue(inner, path, raw, root));
  }
  if (schemaAt(root, path) === answerBlockSchema) {
    const message = `must be a paragraph (text) or a bullet list ("list:" and its items), not ${describeValue(value)}`;
    if (typeof value === 'number' || typeof value === 'boolean')
      return [schemaIssue(path, message, quoteHint)];
    if (isPlainMapping(value)) {
      return [
        schemaIssue(
          path,
          message,
          `write a bullet list as "- list:" followed by its items, and put text containing ': ' in quotes`,
        ),
      ];
    }
    return [schemaIssue(path, message)];
  }
  return [schemaIssue(path, `is not valid here: found ${describeValue(value)}`)];
}

/**
 * zod's own English messages start like this; a message written in our schema (e.g. "must be a
 * date written YYYY-MM-DD") says more, so it is kept as it is.
 */
function isDefaultMessage(message: string): boolean {
  return /^(Invalid|Too (big|small)|Unrecognized)/.test(message);
}

/** `{text: null}`: what YAML makes of a list item or value whose line ends in a colon. */
function isColonMapping(value: unknown): value is Record<string, null> {
  if (!isPlainMapping(value)) return false;
  const entries = Object.entries(value);
  return entries.length === 1 && entries[0]?.[0] !== 'list' && entries[0]?.[1] === null;
}

function showColonMapping(value: Record<string, null>): string {
  const [key] = Object.keys(value);
  return `{${JSON.stringify(key ?? '')}: null}`;
}

/** True when the schema at `path` takes text, so a colon mapping there was meant as text. */
function expectsText(
  issue: ZodIssue,
  root: z.ZodType,
  path: readonly (string | number)[],
): boolean {
  if (issue.code === 'invalid_type') return issue.expected === 'string';
  if (issue.code === 'invalid_union') return schemaAt(root, path) === answerBlockSchema;
  return false;
}

function isPlainMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toSegment(segment: PropertyKey): string | number {
  return typeof segment === 'number' ? segment : String(segment);
}

function valueAt(raw: unknown, path: readonly (string | number)[]): unknown {
  let value = raw;
  for (const segment of path) {
    if (Array.isArray(value) && typeof segment === 'number') value = value[segment];
    else if (isPlainMapping(value)) value = value[String(segment)];
    else return undefined;
  }
  return value;
}

function describeExpected(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'array':
      return 'a list';
    case 'object':
      return 'a mapping (field: value)';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    default:
      return expected;
  }
}

/** What was found, in words: `text "…"`, `the number 2020`, `a list`, `a mapping`. */
function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') {
    return `text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value)}`;
  }
  if (typeof value === 'number') return `the number ${String(value)}`;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}

function schemaIssue(path: Issue['path'], message: string, hint?: string): Issue {
  return {
    code: 'schema',
    severity: 'error',
    path,
    message,
    ...(hint === undefined ? {} : { hint }),
  };
}

function fieldsHint(root: z.ZodType): string | undefined {
  const keys = knownKeys(root);
  return keys.length > 0 ? `its fields are: ${keys.join(', ')}` : undefined;
}

/** Unwraps optional, default and nullable schemas to the one underneath. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  for (;;) {
    if (
      current instanceof z.ZodOptional ||
      current instanceof z.ZodDefault ||
      current instanceof z.ZodNullable
    ) {
      current = current.unwrap() as z.ZodType;
    } else return current;
  }
}

/** The schema that validates the value at `path`, when the path leads anywhere. */
function schemaAt(root: z.ZodType, path: readonly (string | number)[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = root;
  for (const segment of path) {
    if (current === undefined) return undefined;
    current = step(unwrap(current), segment);
  }
  return current;
}

function step(schema: z.ZodType, segment: string | number): z.ZodType | undefined {
  if (schema instanceof z.ZodArray && typeof segment === 'number') {
    return schema.element as z.ZodType;
  }
  if (schema instanceof z.ZodObject && typeof segment === 'string') {
    return (schema.shape as Record<string, z.ZodType>)[segment];
  }
  if (schema instanceof z.ZodRecord) return schema.valueType as z.ZodType;
  if (schema instanceof z.ZodUnion) {
    for (const option of schema.options as readonly z.ZodType[]) {
      const found = step(unwrap(option), segment);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function knownKeys(schema: z.ZodType | undefined): string[] {
  if (schema === undefined) return [];
  const unwrapped = unwrap(schema);
  if (unwrapped instanceof z.ZodObject) return Object.keys(unwrapped.shape);
  if (unwrapped instanceof z.ZodUnion) {
    return (unwrapped.options as readonly z.ZodType[]).flatMap((option) => knownKeys(option));
  }
  return [];
}

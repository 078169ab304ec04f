import { z } from 'zod';
import { inBothLanguages, type Issue, type Said } from '../issue.js';
import { findClosest } from './closest.js';
import { answerBlockSchema, swedishOfSchemaMessage } from './schema.js';

type ZodIssue = z.core.$ZodIssue;

/** The hint for text that YAML read as a mapping because its line ends in a colon (FACTS.md). */
const colonHint: Said = {
  en: "put the text in quotes: a line ending in ':' reads as a key in YAML",
  sv: 'sätt texten inom raka citattecken ("…", inte ”…”), så hör kolonet till texten: en rad som slutar med kolon läses annars som ett fältnamn',
};

const quoteHint: Said = {
  en: 'put it in quotes',
  sv: 'sätt det inom raka citattecken ("…", inte ”…”)',
};

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
    const shown = showColonMapping(value);
    return [
      schemaIssue(
        path,
        {
          en: `is a mapping ${shown}, not text`,
          // The mapping itself is YAML's business: the studio says what happened in words.
          sv: 'lästes som ett fältnamn, inte som text: raden slutar med kolon',
        },
        colonHint,
      ),
    ];
  }

  switch (issue.code) {
    case 'invalid_type':
      return [describeInvalidType(issue, path, value, root)];

    case 'unrecognized_keys': {
      const known = knownKeys(schemaAt(root, path));
      return issue.keys.map((key) => {
        const closest = findClosest(key, known);
        const hint: Said | undefined =
          closest !== undefined
            ? { en: `did you mean ${closest}?`, sv: `menade du ${closest}?` }
            : known.length > 0
              ? {
                  en: `the fields here are: ${known.join(', ')}`,
                  sv: `fälten här är: ${known.join(', ')}`,
                }
              : undefined;
        return schemaIssue(
          [...path, key],
          { en: 'is not a known field', sv: 'är inget känt fält' },
          hint,
        );
      });
    }

    case 'invalid_union':
      return describeInvalidUnion(issue, path, value, raw, root);

    case 'invalid_key': {
      const inner = issue.issues[0];
      const reason =
        inner === undefined || isDefaultMessage(inner.message)
          ? { en: 'is not allowed', sv: 'är inte tillåtet' }
          : ownMessage(inner.message);
      const name = JSON.stringify(String(lastKey));
      return [
        schemaIssue(path, {
          en: `the name ${name} ${reason.en}`,
          sv: `namnet ${swedishQuoted(String(lastKey))} ${reason.sv}`,
        }),
      ];
    }

    case 'too_small': {
      if (!isDefaultMessage(issue.message)) return [schemaIssue(path, ownMessage(issue.message))];
      const minimum = Number(issue.minimum);
      if (issue.origin === 'array' || issue.origin === 'set') {
        return [
          schemaIssue(path, {
            en: `needs at least ${String(minimum)} ${minimum === 1 ? 'item' : 'items'}`,
            sv: `behöver minst ${minimum === 1 ? 'ett värde' : `${String(minimum)} värden`}`,
          }),
        ];
      }
      if (issue.origin === 'string') {
        return [
          schemaIssue(
            path,
            minimum <= 1
              ? { en: 'must not be empty', sv: 'får inte vara tomt' }
              : {
                  en: `must be at least ${String(minimum)} characters long`,
                  sv: `ska vara minst ${String(minimum)} tecken långt`,
                },
          ),
        ];
      }
      return [schemaIssue(path, ownMessage(issue.message))];
    }

    case 'invalid_value': {
      if (!isDefaultMessage(issue.message)) return [schemaIssue(path, ownMessage(issue.message))];
      const allowed = issue.values.map((option) => String(option)).join(', ');
      const found = describeValue(value);
      return [
        schemaIssue(path, {
          en: `must be one of ${allowed}, not ${found.en}`,
          sv: `ska vara ett av ${allowed}, inte ${found.sv}`,
        }),
      ];
    }

    case 'custom': {
      // A refinement of ours may carry its hint and its Swedish: `params: { hint, sv }`.
      const hint: unknown = issue.params?.hint;
      const sv: unknown = issue.params?.sv;
      const inSwedish =
        typeof sv === 'object' && sv !== null ? (sv as { message?: unknown; hint?: unknown }) : {};
      return [
        schemaIssue(
          path,
          typeof inSwedish.message === 'string'
            ? { en: issue.message, sv: inSwedish.message }
            : ownMessage(issue.message),
          typeof hint === 'string'
            ? { en: hint, sv: typeof inSwedish.hint === 'string' ? inSwedish.hint : hint }
            : undefined,
        ),
      ];
    }

    default:
      return [schemaIssue(path, ownMessage(issue.message))];
  }
}

/**
 * A message of our schema's (schema.ts), with its Swedish; one zod wrote itself (a case the
 * schema leaves to zod's defaults) is said in general words in Swedish.
 */
function ownMessage(message: string): Said {
  return {
    en: message,
    sv: swedishOfSchemaMessage(message) ?? 'stämmer inte med vad som får stå här',
  };
}

function describeInvalidType(
  issue: Extract<ZodIssue, { code: 'invalid_type' }>,
  path: (string | number)[],
  value: unknown,
  root: z.ZodType,
): Issue {
  if (value === undefined) return schemaIssue(path, { en: 'is missing', sv: 'saknas' });
  if (path.length === 0 && value === null) {
    return schemaIssue(path, { en: 'the file is empty', sv: 'filen är tom' }, fieldsHint(root));
  }
  const found = describeValue(value);
  if (path.length === 0) {
    return schemaIssue(
      path,
      {
        en: `the file must be a mapping of fields, not ${found.en}`,
        sv: `filen ska bestå av fält med värden (fält: värde), inte ${found.sv}`,
      },
      fieldsHint(root),
    );
  }
  if (value === null) return schemaIssue(path, { en: 'is empty', sv: 'är tomt' });
  if (!isDefaultMessage(issue.message)) return schemaIssue(path, ownMessage(issue.message));

  const expected = describeExpected(issue.expected);
  const message: Said = {
    en: `must be ${expected.en}, not ${found.en}`,
    sv: `ska vara ${expected.sv}, inte ${found.sv}`,
  };
  if (issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
    return schemaIssue(path, message, quoteHint);
  }
  if (issue.expected === 'array' && typeof value === 'string') {
    return schemaIssue(path, message, {
      en: 'write each item on its own line, starting with "- "',
      sv: 'skriv varje rad i listan på en egen rad, som börjar med "- "',
    });
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
  const found = describeValue(value);
  if (schemaAt(root, path) === answerBlockSchema) {
    const message: Said = {
      en: `must be a paragraph (text) or a bullet list ("list:" and its items), not ${found.en}`,
      sv: `ska vara ett stycke (text) eller en punktlista ("list:" och dess punkter), inte ${found.sv}`,
    };
    if (typeof value === 'number' || typeof value === 'boolean')
      return [schemaIssue(path, message, quoteHint)];
    if (isPlainMapping(value)) {
      return [
        schemaIssue(path, message, {
          en: `write a bullet list as "- list:" followed by its items, and put text containing ': ' in quotes`,
          sv: 'skriv en punktlista som "- list:" följt av punkterna, och sätt text som innehåller kolon och mellanslag (": ") inom raka citattecken ("…", inte ”…”)',
        }),
      ];
    }
    return [schemaIssue(path, message)];
  }
  return [
    schemaIssue(path, {
      en: `is not valid here: found ${found.en}`,
      sv: `passar inte här: här står ${found.sv}`,
    }),
  ];
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

function describeExpected(expected: string): Said {
  switch (expected) {
    case 'string':
      return { en: 'text', sv: 'text' };
    case 'array':
      return { en: 'a list', sv: 'en lista' };
    case 'object':
      return { en: 'a mapping (field: value)', sv: 'fält med värden (fält: värde)' };
    case 'number':
      return { en: 'a number', sv: 'ett tal' };
    case 'boolean':
      return { en: 'true or false', sv: 'true eller false' };
    default:
      return { en: expected, sv: expected };
  }
}

/** What was found, in words: `text "…"`, `the number 2020`, `a list`, `a mapping`. */
function describeValue(value: unknown): Said {
  if (value === undefined) return { en: 'nothing', sv: 'ingenting' };
  if (value === null) return { en: 'an empty value', sv: 'ett tomt värde' };
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 39)}…` : value;
    return { en: `text ${JSON.stringify(shown)}`, sv: `texten ${swedishQuoted(shown)}` };
  }
  if (typeof value === 'number') {
    return { en: `the number ${String(value)}`, sv: `talet ${String(value)}` };
  }
  if (typeof value === 'boolean') {
    // YAML reads an unquoted yes, no, true or false as a truth value, not as the word.
    return { en: String(value), sv: `sanningsvärdet ${String(value)}` };
  }
  if (Array.isArray(value)) return { en: 'a list', sv: 'en lista' };
  return { en: 'a mapping', sv: 'fält med värden' };
}

/** A text in Swedish quotation marks, the same sign at both ends. */
function swedishQuoted(text: string): string {
  return `”${text}”`;
}

function schemaIssue(path: Issue['path'], message: Said, hint?: Said): Issue {
  return { code: 'schema', severity: 'error', path, ...inBothLanguages(message, hint) };
}

function fieldsHint(root: z.ZodType): Said | undefined {
  const keys = knownKeys(root);
  return keys.length > 0
    ? { en: `its fields are: ${keys.join(', ')}`, sv: `dess fält är: ${keys.join(', ')}` }
    : undefined;
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

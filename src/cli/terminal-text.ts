/**
 * What the CLI prints comes partly from the data, file names and the command line, and must not
 * reach a terminal or a log raw: ESC starts sequences that move the cursor, clear the screen or
 * set the window title; CR overwrites a line; U+009B is a one-character CSI; the bidi marks,
 * embeddings, overrides and isolates make text read in another order than it is written. The
 * writers in src/cli pass what they print through the functions below; the core never escapes.
 */

/** DEL, C1 controls and bidi characters: what JSON.stringify leaves raw. */
const unsafeInJson = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Those, and every C0 control but the line feed (our messages span lines on purpose). */
const unsafe =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const escapeChar = (char: string): string =>
  `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Text made safe to print: each control or bidi character becomes visible text, `\u001b`. */
export function escapeControls(text: string): string {
  return text.replace(unsafe, escapeChar);
}

/**
 * A copy of `value` with every string in it escaped (escapeControls), through arrays and plain
 * objects: for what a formatter prints field by field, a report or an event, so that no field
 * is missed. Anything else (functions, class instances) is passed on as it is.
 */
export function escapeDeep<T>(value: T): T {
  if (typeof value === 'string') return escapeControls(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => escapeDeep(item)) as T;
  if (
    typeof value === 'object' &&
    value !== null &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, escapeDeep(item)]),
    ) as T;
  }
  return value;
}

/**
 * JSON for stdout, indented by two spaces. JSON.stringify escapes C0 controls; the rest are
 * escaped the same way (`\u009b`): the same JSON value, safe to show in a terminal.
 */
export function stringifyJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(unsafeInJson, escapeChar);
}

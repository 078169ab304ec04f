import type { Command } from 'commander';
import { z } from 'zod';
import { isoDateSchema } from '../data/schema.js';
import { UsageError } from '../errors.js';

/**
 * Every command's options go through parseOptions and the option schemas below, so a bad value
 * reads the same everywhere: the option, the value given, what is wrong and what is allowed,
 * e.g. `--jobs: "abc" is not a number; give a whole number from 1 to 32`. Each message starts
 * with `is …`: parseOptions puts the value given before it.
 */

/** A folder: any text but an empty one. */
export function folderOption(): z.ZodType<string, string> {
  return z.string().refine((text) => text.trim() !== '', { message: 'is empty; give a folder' });
}

/** Text that must not be empty, e.g. a theme's name; `what` says what to give instead. */
export function textOption(what: string): z.ZodType<string, string> {
  return z.string().refine((text) => text.trim() !== '', { message: `is empty; give ${what}` });
}

/** A whole number from `min` to `max`, as typed on the command line; `note` explains a value. */
export function wholeNumberOption(min: number, max: number, note = ''): z.ZodType<number, string> {
  const allowed = `give a whole number from ${min} to ${max}${note}`;
  return z.string().transform((text, context) => {
    const fail = (problem: string): never => {
      context.addIssue({ code: 'custom', message: `${problem}; ${allowed}` });
      return z.NEVER;
    };
    // Number() would take "", " ", "0x10" and "1e3"; a person types digits.
    if (!/^\s*[-+]?\d+(\.\d*)?\s*$/.test(text)) return fail('is not a number');
    const number = Number(text);
    if (!Number.isInteger(number)) return fail('is not a whole number');
    if (number < min) return fail('is too small');
    if (number > max) return fail('is too large');
    return number;
  });
}

/** One of `choices`, e.g. a format; `noun` names what it is (`a format`). */
export function choiceOption<const T extends string>(choices: readonly T[], noun: string) {
  return z.enum(choices, { message: `is not ${noun}; use ${listOr(choices)}` });
}

/** A calendar date written YYYY-MM-DD, that exists. */
export function dateOption(): z.ZodType<string, string> {
  const allowed = 'give a date written YYYY-MM-DD, e.g. 2020-12-16';
  return z.string().superRefine((text, context) => {
    // One message a value: the data's date schema has two checks, both fail for "5/9/2022".
    if (isoDateSchema.safeParse(text).success) return;
    const problem = /^\d{4}-\d{2}-\d{2}$/.test(text)
      ? 'is not a date in the calendar'
      : 'is not written YYYY-MM-DD';
    context.addIssue({ code: 'custom', message: `${problem}; ${allowed}` });
  });
}

/** The image types render, build and preview write. */
export const imageOption = () => choiceOption(['jpeg', 'png'], 'an image type');

/** Options every command takes (PRODUCT.md, "Command line"); defaults are set in index.ts. */
export const globalOptionsSchema = z.object({
  data: folderOption(),
  out: folderOption(),
});
export type GlobalOptions = z.infer<typeof globalOptionsSchema>;

/**
 * Parses a command's options, its own and the global ones, through `schema`: the command gets a
 * typed object, and bad values are one UsageError naming each option and the value given.
 */
export function parseOptions<T>(schema: z.ZodType<T>, command: Command): T {
  const given = command.optsWithGlobals();
  const result = schema.safeParse(given);
  if (result.success) return result.data;
  // The first problem of each option: one message an option, however many checks it failed.
  const problems = new Map<string, string>();
  for (const issue of result.error.issues) {
    const name = issue.path.map(String).join('.');
    if (problems.has(name)) continue;
    if (name === '') {
      problems.set(name, issue.message);
      continue;
    }
    const flag = `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
    const value: unknown = Object.hasOwn(given, name) ? given[name] : undefined;
    problems.set(
      name,
      typeof value === 'string'
        ? `${flag}: ${JSON.stringify(value)} ${issue.message}`
        : `${flag}: ${issue.message}`,
    );
  }
  throw new UsageError([...problems.values()].join('; '), {
    hint: `see excerpt ${command.name()} --help`,
  });
}

/** `a, b or c`. */
export function listOr(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} or ${items.at(-1) ?? ''}`;
}

import type { Command } from 'commander';
import { z } from 'zod';
import { UsageError } from '../errors.js';

/** Options every command takes (PRODUCT.md, "Command line"); defaults are set in index.ts. */
export const globalOptionsSchema = z.object({
  data: z.string().trim().min(1, { message: 'needs a folder' }),
  out: z.string().trim().min(1, { message: 'needs a folder' }),
});
export type GlobalOptions = z.infer<typeof globalOptionsSchema>;

/**
 * Parses a command's options, its own and the global ones, through `schema`: the command gets a
 * typed object, and a bad value is a UsageError naming the option (`--data: needs a folder`).
 */
export function parseOptions<T>(schema: z.ZodType<T>, command: Command): T {
  const result = schema.safeParse(command.optsWithGlobals());
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.map(String).join('.');
    const flag = `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
    return name === '' ? issue.message : `${flag}: ${issue.message}`;
  });
  throw new UsageError(problems.join('; '), {
    hint: `see excerpt ${command.name()} --help`,
  });
}

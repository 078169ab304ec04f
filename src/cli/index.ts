import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { InputError, UsageError } from '../errors.js';
import { buildCommand } from './commands/build.js';
import { checkCommand } from './commands/check.js';
import { importCommand } from './commands/import.js';
import { listCommand } from './commands/list.js';
import { publishCommand } from './commands/publish.js';
import { renderCommand } from './commands/render.js';
import { studioCommand } from './commands/studio.js';
import { formatError } from './report-error.js';
import { createStyle, shouldUseColor } from './style.js';

/**
 * The `excerpt` command line. This module is the only place that decides exit codes: 0 done,
 * 2 bad input or usage (message and hint on stderr, no stack), 1 anything unexpected (stack).
 * Importing it runs nothing; bin/excerpt.js calls main().
 */

/** The program with every command registered, parsing but never exiting. */
export function createProgram(): Command {
  const program = new Command('excerpt')
    .description(
      'Interview excerpts as Instagram carousels: slides, caption and alt text from YAML.',
    )
    .version(readVersion(), '-V, --version', 'print the version')
    .option('--data <dir>', 'the data folder: brand.yaml, campaigns/, interviews/', 'data')
    .option('--out <dir>', 'where generated posts are written', 'out');

  // One line a command; each lives in src/cli/commands/<verb>.ts.
  program.addCommand(listCommand());
  program.addCommand(checkCommand());
  program.addCommand(importCommand());
  program.addCommand(renderCommand());
  program.addCommand(buildCommand());
  program.addCommand(studioCommand());
  program.addCommand(publishCommand());

  for (const command of [program, ...program.commands]) configureParsing(command);
  return program;
}

/**
 * Runs the command line `args` (without `node` and the script) and returns the exit code,
 * having written any error to stderr.
 */
export async function run(args: readonly string[]): Promise<number> {
  try {
    await createProgram().parseAsync([...args], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError && error.exitCode === 0) return 0; // --help, --version
    process.stderr.write(formatError(error, createStyle(shouldUseColor(process.stderr))));
    return error instanceof InputError ? 2 : 1;
  }
}

/** The entry point of bin/excerpt.js: runs process.argv and sets the exit code. */
export async function main(): Promise<void> {
  // `excerpt list | head` closes stdout early: that is the reader's choice, not a failure.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  process.exitCode = await run(process.argv.slice(2));
}

/**
 * Commander would print its own errors and call process.exit; instead every command throws,
 * usage errors become UsageErrors (exit 2) and run() reports them like any other input error.
 * addCommand() does not pass settings on, so each command gets them here, help included (a
 * command's help also lists --data and --out).
 */
function configureParsing(command: Command): void {
  command
    .helpOption('-h, --help', 'show help')
    .configureHelp({ showGlobalOptions: true })
    .configureOutput({
      writeOut: (text) => process.stdout.write(text),
      writeErr: (text) => process.stderr.write(text),
      outputError: () => undefined,
    })
    .exitOverride((error) => {
      if (error.exitCode === 0) throw error;
      const path = commandPath(command);
      if (error.code === 'commander.help') {
        // No command given: commander has printed the help to stderr already.
        throw new UsageError('a command is needed', {
          hint: 'pick one of the commands listed above',
        });
      }
      throw new UsageError(error.message.replace(/^error: /, ''), {
        hint: `see ${path} --help`,
        cause: error,
      });
    });
}

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let current: Command | null = command; current !== null; current = current.parent) {
    names.unshift(current.name());
  }
  return names.join(' ');
}

/** The version in package.json, found upward from this module (src/cli or dist/src/cli). */
function readVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        version?: unknown;
      };
      if (typeof manifest.version === 'string') return manifest.version;
    } catch {
      // No package.json here: look one folder up.
    }
    const parent = dirname(dir);
    if (parent === dir) return '0.0.0';
    dir = parent;
  }
}

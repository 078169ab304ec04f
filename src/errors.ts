import { describeProblemCount, formatIssue } from './issue.js';
import type { InSwedish, Issue } from './issue.js';

/**
 * Every error the tool means to raise is an AppError: a message that says what is wrong, a hint
 * that says what would fix it, and the cause when there is one. The CLI maps InputError (and its
 * subclasses) to exit code 2 and prints no stack; anything else is a bug and exits 1.
 */
export class AppError extends Error {
  readonly hint: string | undefined;
  /** The message and hint in Swedish, for the studio (a page that cannot be imported). */
  readonly sv: InSwedish | undefined;

  constructor(
    message: string,
    options: { hint?: string; cause?: unknown; sv?: InSwedish | undefined } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
    this.sv = options.sv;
  }
}

/** Bad input: data files, command-line arguments, pages to import. Exit code 2. */
export class InputError extends AppError {}

/** Wrong command-line usage. Exit code 2. */
export class UsageError extends InputError {}

/** One or more problems with the data, each naming its file and field. Exit code 2. */
export class DataError extends InputError {
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[], options: { hint?: string; cause?: unknown } = {}) {
    const lines = issues.map((issue) =>
      issue.hint === undefined ? formatIssue(issue) : `${formatIssue(issue)} (${issue.hint})`,
    );
    const head = `${describeProblemCount(issues.length)}:`;
    super([head, ...lines.map((line) => `  ${line}`)].join('\n'), options);
    this.issues = issues;
  }
}

/**
 * Every error the tool means to raise is an AppError: a message that says what is wrong, a hint
 * that says what would fix it, and the cause when there is one. The CLI maps InputError (and its
 * subclasses) to exit code 2 and prints no stack; anything else is a bug and exits 1.
 */
export class AppError extends Error {
  readonly hint: string | undefined;

  constructor(message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
  }
}

/** Bad input: data files, command-line arguments, pages to import. Exit code 2. */
export class InputError extends AppError {}

/** Wrong command-line usage. Exit code 2. */
export class UsageError extends InputError {}

/** One problem found in one place; several make a DataError. */
export interface Issue {
  file?: string;
  /** Field path inside the file, e.g. `qa[2].question`. */
  where?: string;
  message: string;
  hint?: string;
}

/** Formats an issue as `file: where: message`, leaving out what is unknown. */
export function formatIssue(issue: Issue): string {
  const place = [issue.file, issue.where].filter((part) => part !== undefined && part !== '');
  return [...place, issue.message].join(': ');
}

/** One or more problems with the data, each naming its file and field. Exit code 2. */
export class DataError extends InputError {
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[], options: { hint?: string; cause?: unknown } = {}) {
    const lines = issues.map((issue) =>
      issue.hint === undefined ? formatIssue(issue) : `${formatIssue(issue)} (${issue.hint})`,
    );
    const head =
      issues.length === 1 ? 'The data has a problem:' : `The data has ${issues.length} problems:`;
    super([head, ...lines.map((line) => `  ${line}`)].join('\n'), options);
    this.issues = issues;
  }
}

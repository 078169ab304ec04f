import { AppError, DataError, InputError } from '../errors.js';
import { describeProblemCount, formatIssue } from '../issue.js';
import type { Style } from './style.js';
import { escapeControls } from './terminal-text.js';

/**
 * The text for an error on stderr. Bad input (InputError and its subclasses) gets its message,
 * each issue on its own line and the hint: no stack, the user did nothing wrong to deserve one.
 * Anything else is a bug: "unexpected error", with the stack and causes for the report. Every
 * text but our own is shown with its control characters escaped: messages quote the data.
 */
export function formatError(error: unknown, style: Style): string {
  const label = style.bold(style.red('error'));
  if (error instanceof DataError) {
    const head = describeProblemCount(error.issues.length);
    const lines = [`${label}: ${head.charAt(0).toLowerCase()}${head.slice(1)}:`];
    for (const issue of error.issues) {
      lines.push(`  ${escapeControls(formatIssue(issue))}`);
      if (issue.hint !== undefined)
        lines.push(style.dim(`    hint: ${escapeControls(issue.hint)}`));
    }
    if (error.hint !== undefined) lines.push(style.dim(`hint: ${escapeControls(error.hint)}`));
    return `${lines.join('\n')}\n`;
  }
  if (error instanceof InputError) {
    const lines = [`${label}: ${escapeControls(error.message)}`];
    if (error.hint !== undefined) lines.push(style.dim(`hint: ${escapeControls(error.hint)}`));
    return `${lines.join('\n')}\n`;
  }

  const lines = [`${label}: unexpected error: ${escapeControls(messageOf(error))}`];
  if (error instanceof AppError && error.hint !== undefined) {
    lines.push(`hint: ${escapeControls(error.hint)}`);
  }
  lines.push(escapeControls(stackOf(error)));
  for (let cause = causeOf(error), depth = 0; cause !== undefined && depth < 5; depth += 1) {
    lines.push(`caused by: ${escapeControls(stackOf(cause))}`);
    cause = causeOf(cause);
  }
  lines.push('This is a bug in excerpt. Please report it with the text above.');
  return `${lines.join('\n')}\n`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function stackOf(error: unknown): string {
  return error instanceof Error && error.stack !== undefined ? error.stack : String(error);
}

function causeOf(error: unknown): unknown {
  return error instanceof Error ? error.cause : undefined;
}

import { InputError } from '../errors.js';
import { formatLocated } from '../issue.js';

/** A file (a post's, or an image's URL) that is not ready to publish, and what would fix it. */
export interface PublishProblem {
  file?: string;
  message: string;
  hint?: string;
}

/** Issues shown at most: a --base-url that answers nothing fails every image of every post. */
const shownIssues = 12;

/** Issues as indented lines, each with its hint in parentheses; a long list is cut short. */
function issueLines(issues: readonly PublishProblem[]): string[] {
  const shown = issues.length > shownIssues ? issues.slice(0, shownIssues - 2) : issues;
  const lines = shown.map(
    (issue) =>
      `  ${formatLocated(issue)}${issue.hint === undefined ? '' : `\n    (${issue.hint})`}`,
  );
  if (shown.length < issues.length) lines.push(`  … and ${issues.length - shown.length} more`);
  return lines;
}

/**
 * A post to publish is not ready: not built, changed since, refused by an offline rule, or its
 * images not served as built. Raised before the first container is made: nothing was published.
 */
export class PostsNotReadyError extends InputError {
  readonly issues: readonly PublishProblem[];

  constructor(issues: readonly PublishProblem[]) {
    const head =
      issues.length === 1
        ? 'nothing was published: a post to publish has a problem'
        : `nothing was published: the posts to publish have ${issues.length} problems`;
    super([`${head}:`, ...issueLines(issues)].join('\n'), {
      hint: 'fix these and run it again; no container was made',
    });
    this.issues = issues;
  }
}

/** The run stopped early: the token, a permission, the quota, or Instagram not answering. */
export class PublishStoppedError extends InputError {
  readonly reason: 'token' | 'permission' | 'quota' | 'unavailable' | 'unknown-outcome';

  constructor(
    reason: PublishStoppedError['reason'],
    message: string,
    options: { hint: string; cause?: unknown },
  ) {
    super(message, options);
    this.reason = reason;
  }
}

/** Some posts were not published this run; each is named with why and what would fix it. */
export class PostsNotPublishedError extends InputError {
  readonly issues: readonly PublishProblem[];

  constructor(issues: readonly PublishProblem[], total: number) {
    const head =
      total === 1
        ? 'the post was not published'
        : `${issues.length} of ${total} posts were not published`;
    super([`${head}:`, ...issueLines(issues)].join('\n'), {
      hint: 'what was published is in the ledger; a rerun publishes the rest and never a post twice',
    });
    this.issues = issues;
  }
}

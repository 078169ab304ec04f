import type { Issue } from '../errors.js';

/** Which stage found a problem: YAML syntax, the zod schema, or references between files. */
export type DataIssueKind = 'syntax' | 'schema' | 'reference';

/** An Issue as the loader finds it: with its stage, and its line and column when known. */
export interface DataIssue extends Issue {
  kind: DataIssueKind;
  /** 1-based line in the file. */
  line?: number;
  /** 1-based column in the file. */
  column?: number;
}

/**
 * The Issue to show. A problem without a field path (a YAML syntax error) is only findable by
 * its position, so that goes after the file as editors and terminals expect:
 * `data/x.yaml:3:14: message`. A field path says where on its own and stays `file: where: …`,
 * except in a syntax issue: a stray `#` or `*` is a character on a line, so it gets both,
 * `data/x.yaml:3:14: qa[0].answer[2]: message`.
 */
export function toIssue(issue: DataIssue): Issue {
  const { kind, file, where, message, hint, line, column } = issue;
  const hasWhere = where !== undefined && where !== '';
  const located =
    file !== undefined && (!hasWhere || kind === 'syntax') && line !== undefined
      ? `${file}:${String(line)}:${String(column ?? 1)}`
      : file;
  return {
    ...(located === undefined ? {} : { file: located }),
    ...(hasWhere ? { where } : {}),
    message,
    ...(hint === undefined ? {} : { hint }),
  };
}

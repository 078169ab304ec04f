import type { DataIssue, Dataset } from '../data/load.js';
import { inspectData } from '../data/load.js';
import type { CheckResult, Finding } from './finding.js';

/**
 * A check that looks at valid data: glyphs, fit, contrast, Instagram limits and spelling plug
 * in here, each returning its findings (and printing nothing).
 */
export interface Check {
  name: string;
  run(dataset: Dataset): CheckResult | Promise<CheckResult>;
}

/** The checks `excerpt check` runs after schema and references. */
export const dataChecks: readonly Check[] = [];

export interface CheckReport extends CheckResult {
  /** Every data file read. */
  files: string[];
  /** The data, when schema and references passed (and so the later checks ran). */
  dataset: Dataset | undefined;
}

/**
 * Checks a data folder without writing anything: schema and references over every file, then,
 * when those pass, each of `checks`. Problems are collected as findings, never thrown; only a
 * data folder that does not exist throws (a DataError).
 */
export async function runChecks(
  dir: string,
  checks: readonly Check[] = dataChecks,
): Promise<CheckReport> {
  const inspection = await inspectData(dir);
  const errors = inspection.issues.map(toFinding);
  const warnings: Finding[] = [];

  // The later checks walk posts to interviews to Q&As: they need references that resolve.
  if (inspection.dataset !== undefined) {
    for (const check of checks) {
      const result = await check.run(inspection.dataset);
      errors.push(...result.errors);
      warnings.push(...result.warnings);
    }
  }
  return { errors, warnings, files: inspection.files, dataset: inspection.dataset };
}

/** A loader issue as a finding: a YAML syntax error is a schema finding, with its position. */
export function toFinding(issue: DataIssue): Finding {
  const finding: Finding = {
    code: issue.kind === 'reference' ? 'reference' : 'schema',
    message: issue.message,
  };
  if (issue.file !== undefined) finding.file = issue.file;
  if (issue.where !== undefined && issue.where !== '') finding.where = issue.where;
  if (issue.hint !== undefined) finding.hint = issue.hint;
  if (issue.line !== undefined) finding.line = issue.line;
  if (issue.column !== undefined) finding.column = issue.column;
  return finding;
}

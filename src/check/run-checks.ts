import type { DataIssue, Dataset } from '../data/load.js';
import { inspectData } from '../data/load.js';
import type { Check, CheckContext } from './check.js';
import { contrastCheck } from './contrast-check.js';
import { fairnessCheck } from './fairness-check.js';
import type { CampaignFairness, CheckResult, Finding } from './finding.js';
import { fitCheck } from './fit-check.js';
import { glyphCheck } from './glyph-check.js';
import { limitCheck } from './limit-check.js';
import { postFolderCheck } from './post-folder-check.js';
import { publishTimeCheck } from './publish-time-check.js';
import { spellingCheck } from './spelling-check.js';

export type { Check } from './check.js';

/** The checks `excerpt check` runs after schema and references, in the order they report. */
export const dataChecks: readonly Check[] = [
  publishTimeCheck,
  postFolderCheck,
  glyphCheck,
  contrastCheck,
  fitCheck,
  limitCheck,
  fairnessCheck,
  spellingCheck,
];

export interface CheckReport extends CheckResult {
  /** Every data file read. */
  files: string[];
  /** The data, when schema and references passed (and so the checks of posts ran). */
  dataset: Dataset | undefined;
  /** Slides per party, per campaign; undefined when the posts were not laid out (data errors). */
  fairness: CampaignFairness[] | undefined;
}

/**
 * Checks a data folder without writing anything: schema and references over every file; the
 * checks that look at files one by one over every file that parsed; and, when schema and
 * references pass, the checks of the posts. Problems are collected as findings, never thrown;
 * only a data folder that does not exist throws (a DataError).
 */
export async function runChecks(
  dir: string,
  options: CheckContext & { checks?: readonly Check[] },
): Promise<CheckReport> {
  const { checks = dataChecks, ...context } = options;
  const inspection = await inspectData(dir);
  const errors = inspection.issues.map(toFinding);
  const warnings: Finding[] = [];
  const fairness: CampaignFairness[] = [];

  for (const check of checks) {
    let result: CheckResult | undefined;
    if (check.needs === 'files') result = await check.run(inspection.parsed);
    else if (inspection.dataset !== undefined) {
      result = await check.run(inspection.dataset, context);
    }
    if (result === undefined) continue;
    errors.push(...result.errors);
    warnings.push(...result.warnings);
    fairness.push(...(result.fairness ?? []));
  }

  // Each file's findings together, in the order files were read, and top to bottom within one.
  const order = new Map(inspection.files.map((file, index) => [file, index]));
  const arrange = (findings: Finding[]): Finding[] =>
    findings
      .map((finding) => locate(finding, inspection.locate))
      .map((finding, index) => ({ finding, index }))
      .sort(
        (a, b) =>
          rankOf(a.finding, order) - rankOf(b.finding, order) ||
          (a.finding.line ?? Infinity) - (b.finding.line ?? Infinity) ||
          a.index - b.index,
      )
      .map(({ finding }) => finding);

  return {
    errors: arrange(errors),
    warnings: arrange(warnings),
    fairness: inspection.dataset === undefined ? undefined : fairness,
    files: inspection.files,
    dataset: inspection.dataset,
  };
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

/** Adds the line and column of a finding's field, when it has none yet and they can be found. */
function locate(
  finding: Finding,
  locateField: (file: string, where: string) => { line: number; column: number } | undefined,
): Finding {
  if (finding.line !== undefined || finding.file === undefined || finding.where === undefined) {
    return finding;
  }
  const position = locateField(finding.file, finding.where);
  return position === undefined ? finding : { ...finding, ...position };
}

/** Findings without a file come first (the data folder), then files in the order read. */
function rankOf(finding: Finding, order: ReadonlyMap<string, number>): number {
  if (finding.file === undefined) return -1;
  return order.get(finding.file) ?? order.size;
}

import type { DataInspection, Dataset } from '../data/load.js';
import { inspectData } from '../data/load.js';
import type { Issue } from '../issue.js';
import type { CampaignFairness, Check, CheckContext, CheckResult } from './check.js';
import { contrastCheck } from './contrast-check.js';
import { fairnessCheck } from './fairness-check.js';
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

export interface CheckReport {
  /** The errors found, each file's together in the order files were read, top to bottom. */
  errors: Issue[];
  /** The warnings found, in that order. */
  warnings: Issue[];
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
 * references pass, the checks of the posts. Problems are collected as issues, never thrown;
 * only a data folder that does not exist throws (a DataError).
 */
export async function runChecks(
  dir: string,
  options: CheckContext & { checks?: readonly Check[] },
): Promise<CheckReport> {
  const { checks = dataChecks, ...context } = options;
  const inspection = await inspectData(dir);
  const issues = [...inspection.issues];
  const fairness: CampaignFairness[] = [];

  for (const check of checks) {
    let result: CheckResult | undefined;
    if (check.needs === 'files') result = await check.run(inspection.parsed);
    else if (inspection.dataset !== undefined) {
      result = await check.run(inspection.dataset, context);
    }
    if (result === undefined) continue;
    issues.push(...result.issues);
    fairness.push(...(result.fairness ?? []));
  }

  // Each file's issues together, in the order files were read, and top to bottom within one.
  const order = new Map(inspection.files.map((file, index) => [file, index]));
  const arranged = issues
    .map((issue) => locate(issue, inspection.locate))
    .map((issue, index) => ({ issue, index }))
    .sort(
      (a, b) =>
        rankOf(a.issue, order) - rankOf(b.issue, order) ||
        (a.issue.line ?? Infinity) - (b.issue.line ?? Infinity) ||
        a.index - b.index,
    )
    .map(({ issue }) => issue);

  return {
    errors: arranged.filter((issue) => issue.severity === 'error'),
    warnings: arranged.filter((issue) => issue.severity === 'warning'),
    fairness: inspection.dataset === undefined ? undefined : fairness,
    files: inspection.files,
    dataset: inspection.dataset,
  };
}

/** Adds the line and column of an issue's field, when it has none yet and they can be found. */
function locate(issue: Issue, locateField: DataInspection['locate']): Issue {
  if (issue.line !== undefined || issue.file === undefined || issue.path.length === 0) {
    return issue;
  }
  const position = locateField(issue.file, issue.path);
  return position === undefined ? issue : { ...issue, ...position };
}

/** Issues without a file come first (the data folder), then files in the order read. */
function rankOf(issue: Issue, order: ReadonlyMap<string, number>): number {
  if (issue.file === undefined) return -1;
  return order.get(issue.file) ?? order.size;
}

import { Command } from 'commander';
import { z } from 'zod';
import type { CampaignFairness } from '../../check/check.js';
import type { CheckReport } from '../../check/run-checks.js';
import { InputError } from '../../errors.js';
import { formatPath } from '../../issue.js';
import type { Issue, IssueCode } from '../../issue.js';
import { globalOptionsSchema, parseOptions } from '../options.js';
import { createStyle, shouldUseColor } from '../style.js';
import type { Style } from '../style.js';
import { loadTemplates } from '../templates.js';
import { escapeDeep, stringifyJson } from '../terminal-text.js';

const checkOptionsSchema = globalOptionsSchema.extend({
  json: z.boolean().default(false),
});

/**
 * An issue as `excerpt check` shows it, in its JSON and on the terminal. PRODUCT.md fixes
 * `{code, message, file?, where?, word?}`; `qa`, `hint`, `line` and `column` are additions that
 * say which Q&A, what would fix it and where it is written, when known.
 */
export interface Finding {
  /** PRODUCT.md's codes, and `fairness`; it has no `syntax`: YAML that does not read is `schema`. */
  code: Exclude<IssueCode, 'syntax'>;
  message: string;
  file?: string;
  /** The field, written out: `qa[2].answer[0]`. */
  where?: string;
  word?: string;
  qa?: string;
  hint?: string;
  line?: number;
  column?: number;
}

/** `excerpt check` found errors; they are printed already, this carries them to the exit code. */
export class ChecksFailedError extends InputError {
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[]) {
    super(`check found ${count(issues.length, 'error')}`, {
      hint: `fix ${issues.length === 1 ? 'it' : 'them'} and run excerpt check again`,
    });
    this.issues = issues;
  }
}

/** An issue as a finding: the field path written out, a syntax error reported as `schema`. */
export function findingOf(issue: Issue): Finding {
  const { file, word, qa, hint, line, column } = issue;
  const where = formatPath(issue.path);
  return {
    code: issue.code === 'syntax' ? 'schema' : issue.code,
    message: issue.message,
    ...(file === undefined ? {} : { file }),
    ...(where === '' ? {} : { where }),
    ...(word === undefined ? {} : { word }),
    ...(qa === undefined ? {} : { qa }),
    ...(hint === undefined ? {} : { hint }),
    ...(line === undefined ? {} : { line }),
    ...(column === undefined ? {} : { column }),
  };
}

/** `excerpt check [--json]`: every problem in the data, without writing anything. */
export function checkCommand(): Command {
  return new Command('check')
    .description(
      'check the data without writing anything: schema, references, glyphs, fit, contrast, Instagram limits, fairness and spelling',
    )
    .option('--json', 'print {errors, warnings, fairness} as JSON (default: false)')
    .action(async (_options: unknown, command: Command) => {
      const options = parseOptions(checkOptionsSchema, command);
      // Imported here: the checks pull in the layout stack, which other commands do without.
      const [{ runChecks }, templates] = await Promise.all([
        import('../../check/run-checks.js'),
        loadTemplates(),
      ]);
      const report = await runChecks(options.data, { templates });
      if (options.json) {
        const { errors, warnings, fairness } = report;
        process.stdout.write(
          `${stringifyJson({ errors: errors.map(findingOf), warnings: warnings.map(findingOf), fairness })}\n`,
        );
      } else {
        process.stdout.write(formatReport(report, createStyle(shouldUseColor(process.stdout))));
      }
      if (report.errors.length > 0) throw new ChecksFailedError(report.errors);
    });
}

/**
 * Findings grouped by file, errors before warnings, then one summary line. Findings quote the
 * data: every text is shown with its control characters escaped.
 */
export function formatReport(
  report: Pick<CheckReport, 'errors' | 'warnings' | 'fairness' | 'files'>,
  style: Style,
): string {
  const { errors, warnings, fairness } = escapeDeep({
    errors: report.errors.map(findingOf),
    warnings: report.warnings.map(findingOf),
    fairness: report.fairness,
  });
  const entries = [
    ...errors.map((finding) => ({ finding, isError: true })),
    ...warnings.map((finding) => ({ finding, isError: false })),
  ];
  const groups = new Map<string, typeof entries>();
  for (const entry of entries) {
    const key = entry.finding.file ?? '';
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }

  const lines: string[] = [];
  for (const [file, group] of groups) {
    lines.push(style.bold(file === '' ? '(the data folder)' : file));
    const positions = group.map(({ finding }) => positionOf(finding));
    const width = Math.max(...positions.map((position) => position.length));
    group.forEach(({ finding, isError }, index) => {
      const severity = isError ? style.red('error  ') : style.yellow('warning');
      const place = finding.where === undefined ? '' : `${finding.where}: `;
      lines.push(
        `  ${style.dim((positions[index] ?? '').padEnd(width))}  ${severity}  ${place}${finding.message}  ${style.dim(finding.code)}`,
      );
      if (finding.hint !== undefined) {
        lines.push(`  ${' '.repeat(width)}  ${style.dim(`hint: ${finding.hint}`)}`);
      }
    });
    lines.push('');
  }

  lines.push(...formatFairness(fairness ?? [], style));

  const scope = `in ${count(report.files.length, 'file')}`;
  if (errors.length === 0 && warnings.length === 0) {
    lines.push(style.green(`✔ no problems ${scope}`));
  } else {
    const summary = `${count(errors.length, 'error')}, ${count(warnings.length, 'warning')} ${scope}`;
    lines.push(errors.length > 0 ? style.red(`✖ ${summary}`) : style.yellow(`! ${summary}`));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Each campaign's posts with their slide counts, so an imbalance between parties is seen
 * before anything is posted: information, not a finding.
 */
export function formatFairness(fairness: readonly CampaignFairness[], style: Style): string[] {
  const campaigns = escapeDeep(fairness);
  if (campaigns.length === 0) return [];
  const lines = [style.bold('Slides per party')];
  for (const campaign of campaigns) {
    const counts = campaign.posts.flatMap((post) => (post.slides === null ? [] : [post.slides]));
    const least = Math.min(...counts);
    const most = Math.max(...counts);
    const range =
      counts.length === 0
        ? ''
        : least !== most
          ? `, ${least}–${most} slides`
          : `, ${count(least, 'slide')}${counts.length > 1 ? ' each' : ''}`;
    lines.push(
      `  ${campaign.campaign}  ${style.dim(`${campaign.formats.join(' and ')}, theme ${campaign.themes.join(' and ')}${range}`)}`,
    );
    const partyWidth = Math.max(...campaign.posts.map((post) => post.party.length));
    const qaWidth = Math.max(...campaign.posts.map((post) => post.qa.join(', ').length));
    for (const post of campaign.posts) {
      // A bar a slide: an imbalance shows at a glance. `?`: the post could not be laid out.
      const slides =
        post.slides === null
          ? ' ?'
          : `${String(post.slides).padStart(2)}  ${'▮'.repeat(post.slides)}`;
      lines.push(
        `    ${post.date}  ${post.party.padEnd(partyWidth)}  ${post.qa.join(', ').padEnd(qaWidth)}  ${slides}`,
      );
    }
  }
  lines.push('');
  return lines;
}

function positionOf(finding: Finding): string {
  return finding.line === undefined ? '' : `${finding.line}:${finding.column ?? 1}`;
}

function count(n: number, word: string): string {
  return `${n} ${n === 1 ? word : `${word}s`}`;
}

import { Command } from 'commander';
import { z } from 'zod';
import type { Finding } from '../../check/finding.js';
import { runChecks } from '../../check/run-checks.js';
import type { CheckReport } from '../../check/run-checks.js';
import { InputError } from '../../errors.js';
import { globalOptionsSchema, parseOptions } from '../options.js';
import { createStyle, shouldUseColor } from '../style.js';
import type { Style } from '../style.js';

const checkOptionsSchema = globalOptionsSchema.extend({
  json: z.boolean().default(false),
});

/** `excerpt check` found errors; they are printed already, this carries them to the exit code. */
export class ChecksFailedError extends InputError {
  readonly findings: readonly Finding[];

  constructor(findings: readonly Finding[]) {
    super(`check found ${count(findings.length, 'error')}`, {
      hint: `fix ${findings.length === 1 ? 'it' : 'them'} and run excerpt check again`,
    });
    this.findings = findings;
  }
}

/** `excerpt check [--json]`: every problem in the data, without writing anything. */
export function checkCommand(): Command {
  return new Command('check')
    .description('check the data without writing anything: schema and references')
    .option('--json', 'print {errors, warnings} as JSON')
    .action(async (_options: unknown, command: Command) => {
      const options = parseOptions(checkOptionsSchema, command);
      const report = await runChecks(options.data);
      if (options.json) {
        const { errors, warnings } = report;
        process.stdout.write(`${JSON.stringify({ errors, warnings }, null, 2)}\n`);
      } else {
        process.stdout.write(formatReport(report, createStyle(shouldUseColor(process.stdout))));
      }
      if (report.errors.length > 0) throw new ChecksFailedError(report.errors);
    });
}

/** Findings grouped by file, errors before warnings, then one summary line. */
export function formatReport(report: CheckReport, style: Style): string {
  const entries = [
    ...report.errors.map((finding) => ({ finding, isError: true })),
    ...report.warnings.map((finding) => ({ finding, isError: false })),
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

  const { errors, warnings } = report;
  const scope = `in ${count(report.files.length, 'file')}`;
  if (errors.length === 0 && warnings.length === 0) {
    lines.push(style.green(`✔ no problems ${scope}`));
  } else {
    const summary = `${count(errors.length, 'error')}, ${count(warnings.length, 'warning')} ${scope}`;
    lines.push(errors.length > 0 ? style.red(`✖ ${summary}`) : style.yellow(`! ${summary}`));
  }
  return `${lines.join('\n')}\n`;
}

function positionOf(finding: Finding): string {
  return finding.line === undefined ? '' : `${finding.line}:${finding.column ?? 1}`;
}

function count(n: number, word: string): string {
  return `${n} ${n === 1 ? word : `${word}s`}`;
}

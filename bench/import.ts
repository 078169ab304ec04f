import { isDeepStrictEqual, parseArgs } from 'node:util';
import { importPage } from '../src/data/import-page.js';
import { generatePage } from '../test/helpers/generate-page.js';
import { formatTable } from './table.js';

/**
 * The importer on big generated pages (test/helpers/generate-page.ts): importPage() in-process,
 * text in, interviews out, for pages of 100, 1,000 and 5,000 interviews in one campaign. Reading
 * the file and writing the YAML (`excerpt import` does both) are not timed: they are linear and
 * not the importer's.
 *
 *   node --import tsx bench/import.ts                    100, 1000 and 5000 interviews
 *   node --import tsx bench/import.ts --sizes 100,2000   other sizes
 *   node --import tsx bench/import.ts --runs 5           medians of 5 runs (default 3)
 *   node --import tsx bench/import.ts --campaigns 2      the interviews dealt to two campaigns
 *   node --import tsx bench/import.ts --json             …and a last line {"<size>": ms, …}
 *
 * Each result is checked against what the generator says the page holds: a fast wrong import is
 * worth nothing. "ms" is wall time, "cpu ms" the process's processor time: on a shared machine
 * the second says more about the importer.
 */

const { values: flags } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,5000' },
    runs: { type: 'string', default: '3' },
    campaigns: { type: 'string', default: '1' },
    json: { type: 'boolean', default: false },
  },
});
const sizes = flags.sizes.split(',').map(Number);
const runs = Number(flags.runs);
const campaigns = Number(flags.campaigns);
if (sizes.some((size) => !Number.isInteger(size) || size < 1))
  throw new Error(`--sizes takes whole numbers ≥ 1 separated by commas, not ${flags.sizes}`);
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`--runs takes a whole number ≥ 1, not ${flags.runs}`);
if (campaigns !== 1 && campaigns !== 2)
  throw new Error(`--campaigns takes 1 or 2, not ${flags.campaigns}`);

const log = (text: string): void => void process.stderr.write(`${text}\n`);
const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

// A first import compiles the regular expressions and warms the JIT; it is not what we measure.
importPage(generatePage({ interviews: 20, campaigns }).text);

const rows: string[][] = [];
const summary: Record<string, number> = {};
for (const size of sizes) {
  const page = generatePage({ interviews: size, campaigns });
  const lines = page.text.split('\n').length;
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let run = 1; run <= runs; run += 1) {
    log(`${size} interviews (${lines} lines), run ${run}/${runs}…`);
    const started = performance.now();
    const cpu = process.cpuUsage();
    const result = importPage(page.text, { source: `generated-${size}.txt` });
    const used = process.cpuUsage(cpu);
    times.push(performance.now() - started);
    cpuTimes.push((used.user + used.system) / 1000);
    if (!isDeepStrictEqual(result, page.expected)) {
      throw new Error(`the import of ${size} interviews differs from what the page holds`);
    }
  }
  const ms = median(times);
  summary[size] = Math.round(ms);
  rows.push([
    `${size} interviews, ${campaigns} campaign${campaigns === 1 ? '' : 's'}`,
    String(lines),
    ms.toFixed(0),
    median(cpuTimes).toFixed(0),
    ((ms / size) * 1000).toFixed(0),
  ]);
}

process.stdout.write(
  `\nimportPage on generated pages${runs > 1 ? `, medians of ${runs} runs` : ''}:\n\n${formatTable(['page', 'lines', 'ms', 'cpu ms', 'µs/interview'], rows)}\n`,
);
if (flags.json) process.stdout.write(`${JSON.stringify(summary)}\n`);

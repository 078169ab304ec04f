// Preloaded into the benchmarked `excerpt` process (node --import): at exit, writes the
// process's peak resident set size, in kilobytes, to the file named by EXCERPT_BENCH_RSS_FILE.
// Plain JavaScript so that the measured process runs no TypeScript loader.
import { writeFileSync } from 'node:fs';
import process from 'node:process';

const file = process.env.EXCERPT_BENCH_RSS_FILE;
if (file !== undefined && file !== '') {
  process.on('exit', () => {
    writeFileSync(file, String(process.resourceUsage().maxRSS));
  });
}

// Preloaded into the benchmarked `excerpt` process (node --import): at exit, writes the
// process's peak resident set size, in kilobytes, and its CPU time (user and system, all threads),
// in microseconds, to the file named by EXCERPT_BENCH_RSS_FILE.
// Plain JavaScript so that the measured process runs no TypeScript loader.
import { writeFileSync } from 'node:fs';
import process from 'node:process';

const file = process.env.EXCERPT_BENCH_RSS_FILE;
if (file !== undefined && file !== '') {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, `${usage.maxRSS} ${usage.userCPUTime + usage.systemCPUTime}`);
  });
}

// Loaded with `node --import` into every benchmarked process: writes the peak resident set size
// (KiB) to the file named by BENCH_RSS_FILE when the process exits.

import { appendFileSync } from 'node:fs';

const target = process.env.BENCH_RSS_FILE;
if (target) process.on('exit', () => appendFileSync(target, `${process.resourceUsage().maxRSS}\n`));

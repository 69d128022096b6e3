// The scaling table of `npm run bench`: every hostile shape of hostile-shapes.mjs at n and at 10n,
// median wall time and peak memory of each, and the ratio. A linear cost gives about 10×; the
// target is at most 15× (start-up and noise make small sizes look slower, never faster). A run
// over BENCH_SCALING_TIMEOUT seconds (default 60) is killed and fails its row.
//
// Runs alone (`node bench/scaling.mjs`) or at the end of bench/run.mjs.
// Environment: BENCH_SCALING_RUNS (default 3), BENCH_SCALING_TIMEOUT, BENCH_SCALING_ONLY (run only
// the shapes whose name contains it).

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHAPES } from './hostile-shapes.mjs';
import { measure, median } from './measure.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin/elb-lint.cjs');
const TARGET = 15;

/** Returns the table's lines and whether every row met the target. */
export function scalingTable({ runs = Number(process.env.BENCH_SCALING_RUNS ?? 3), timeoutSeconds = Number(process.env.BENCH_SCALING_TIMEOUT ?? 60) } = {}) {
  const scratch = mkdtempSync(join(tmpdir(), 'elb-lint-scaling-'));
  const rows = [];
  try {
    const only = process.env.BENCH_SCALING_ONLY;
    for (const [index, shape] of SHAPES.entries()) {
      if (only && !shape.name.includes(only)) continue;
      const sizes = [shape.n, shape.n * 10].map((n, which) => {
        const dir = join(scratch, `${index}-${which}`);
        mkdirSync(dir, { recursive: true });
        const { args, okCodes } = shape.write(dir, n);
        const samples = [];
        for (let run = 0; run < runs; run++) {
          const sample = measure([cli, ...args], scratch, dir, { okCodes, timeoutSeconds });
          samples.push(sample);
          if (sample.timedOut) break;
        }
        rmSync(dir, { recursive: true, force: true });
        const timedOut = samples.some((sample) => sample.timedOut);
        return { n, timedOut, seconds: median(samples.map((sample) => sample.seconds)), rss: Math.max(...samples.map((sample) => sample.rss)) };
      });
      const [small, large] = sizes;
      const ratio = large.seconds / small.seconds;
      rows.push({ name: shape.name, small, large, ratio, pass: !small.timedOut && !large.timedOut && ratio <= TARGET });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const time = (size) => (size.timedOut ? `> ${timeoutSeconds} (killed)` : size.seconds.toFixed(2));
  const memory = (size) => (Number.isNaN(size.rss) ? '' : size.rss.toFixed(0));
  const lines = [
    `Scaling: each hostile input at n and 10n; ${runs} runs each, medians; target ≤ ${TARGET}× the time for 10× the input.`,
    '',
    '| input | n | s at n | MiB at n | s at 10n | MiB at 10n | × time |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows.map((row) => `| ${row.name} | ${row.small.n.toLocaleString('en-US')} | ${time(row.small)} | ${memory(row.small)} | ${time(row.large)} | ${memory(row.large)} | ${row.small.timedOut || row.large.timedOut ? '' : row.ratio.toFixed(1)} |`),
    '',
    ...rows.map((row) => `- ${row.pass ? 'PASS' : 'FAIL'} ${row.name}: 10× the input, ≤ ${TARGET}× the time`),
  ];
  return { lines, pass: rows.every((row) => row.pass) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { lines, pass } = scalingTable();
  process.stdout.write(`${lines.join('\n')}\n`);
  process.exitCode = pass ? 0 : 1;
}

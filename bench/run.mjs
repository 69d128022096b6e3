// `npm run bench`: how fast is elb-lint next to the physical floor of a Node process?
//
// For each corpus size it runs, interleaved and several times each:
//   node -e 0          the cost of starting Node at all (1-file size only)
//   read+parse         floors/read-parse.mjs: read and JSON.parse every file
//   ajv floor          floors/read-parse-ajv.mjs: the same plus the project's precompiled validators
//   elb-lint           the real CLI with every rule, JSON report to a file
// (the 10,000-file size twice: 10 % and 30 % of the files wrong), then lintText in-process per body,
// and prints median wall time, peak RSS and the ratio to each floor. It also checks that
// elb-lint reported every file and found every injected mistake, so speed never comes from
// skipping work. Nothing here is a test: timings are noisy and only the medians mean anything.
//
// Then the scaling table of hostile inputs (bench/scaling.mjs).
//
// Environment: BENCH_RUNS (default 7), BENCH_SIZES (default 1,100,1000,10000), BENCH_SCALING=0 to
// leave out the scaling table.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from './corpus.mjs';
import { describeFigures, verdictsOf as lspVerdicts } from './lsp.mjs';
import { measure, median } from './measure.mjs';
import { scalingTable } from './scaling.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_RUNS ?? 7);
const sizes = (process.env.BENCH_SIZES ?? '1,100,1000,10000').split(',').map(Number);
const cli = join(root, 'bin/elb-lint.cjs');

function checkReport(reportFile, size, mistakes) {
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  const problems = [];
  if (report.files.length !== size) problems.push(`reported ${report.files.length} of ${size} files`);
  const byPath = new Map(report.files.map((file) => [file.path.replace(/^.*?(loadbalancers|pools)\//, '$1/'), file]));
  let found = 0;
  for (const [path, ruleId] of Object.entries(mistakes)) {
    const file = byPath.get(path);
    if (file?.findings.some((finding) => finding.ruleId === ruleId)) found++;
    else problems.push(`missed ${ruleId} in ${path}`);
  }
  const clean = report.files.filter((file) => !mistakes[file.path.replace(/^.*?(loadbalancers|pools)\//, '$1/')]);
  const noisy = clean.filter((file) => file.findings.length > 0);
  if (noisy.length > 0) problems.push(`${noisy.length} clean files had findings, e.g. ${noisy[0].path}: ${noisy[0].findings[0].ruleId}`);
  return { found, expected: Object.keys(mistakes).length, problems };
}

const scratch = mkdtempSync(join(tmpdir(), 'elb-lint-bench-'));
const table = [];
const verdicts = [];
let lintTextLine = '';
let lspLine = '';
try {
  if (!existsSync(join(root, 'dist/cli.cjs'))) throw new Error('dist/cli.cjs is missing: run `npm run build` first');
  const peaks = {};
  // Real estates are dirtier than 10 %: the largest size runs a second time with 30 % of its files wrong.
  const corpora = sizes.map((size) => ({ size, dirty: 0.1, label: String(size) }));
  if (sizes.includes(10000)) corpora.push({ size: 10000, dirty: 0.3, label: '10000 (30 % wrong)' });
  for (const { size, dirty, label } of corpora) {
    const corpus = join(scratch, `corpus-${label.replace(/\W+/g, '-')}`);
    const mistakes = writeCorpus(corpus, size, 42, dirty);
    const reportFile = join(scratch, `report-${size}.json`);
    const cachedReportFile = join(scratch, `report-${size}-cached.json`);
    const cacheFile = join(scratch, `cache-${size}.json`);
    // One file is the pre-commit path: the file is named, not found through a directory.
    const target = size === 1 ? join(corpus, 'loadbalancers/batch-0/lb-00000.json') : corpus;
    const commands = [
      ...(size === 1 ? [{ name: 'node -e 0', args: ['-e', '0'] }] : []),
      { name: 'read+parse', args: [join(root, 'bench/floors/read-parse.mjs'), target] },
      { name: 'ajv floor', args: [join(root, 'bench/floors/read-parse-ajv.mjs'), target] },
      { name: 'elb-lint', args: [cli, '--format', `json=${reportFile}`, target] },
      // The second run over unchanged files: the warm-up run below fills the cache.
      { name: 'elb-lint --cache', args: [cli, '--cache', '--cache-location', cacheFile, '--format', `json=${cachedReportFile}`, target] },
    ];
    const samples = new Map(commands.map((command) => [command.name, { seconds: [], rss: [] }]));
    for (const command of commands.slice(-2)) measure(command.args, scratch); // warm the OS file cache and elb-lint's --cache
    for (let run = 0; run < runs; run++) {
      for (const command of commands) {
        const sample = measure(command.args, scratch);
        samples.get(command.name).seconds.push(sample.seconds);
        samples.get(command.name).rss.push(sample.rss);
      }
    }
    const check = checkReport(reportFile, size, mistakes);
    const cachedCheck = checkReport(cachedReportFile, size, mistakes);
    if (readFileSync(reportFile, 'utf8') !== readFileSync(cachedReportFile, 'utf8')) cachedCheck.problems.push('the cached report differs from the uncached one');
    const medians = Object.fromEntries([...samples].map(([name, sample]) => [name, { seconds: median(sample.seconds), rss: Math.max(...sample.rss) }]));
    for (const command of commands) {
      const { seconds, rss } = medians[command.name];
      table.push({
        files: label,
        command: command.name,
        seconds,
        rss,
        vsNode: medians['node -e 0'] ? seconds / medians['node -e 0'].seconds : undefined,
        vsParse: seconds / medians['read+parse'].seconds,
        vsAjv: seconds / medians['ajv floor'].seconds,
      });
    }
    if (dirty === 0.1) peaks[size] = medians['elb-lint'].rss;
    const files = `${label} file${size === 1 ? '' : 's'}`;
    verdicts.push({ target: `${files}: every file reported, every injected mistake found (${check.found}/${check.expected})`, pass: check.problems.length === 0, detail: check.problems.slice(0, 3).join('; ') });
    verdicts.push({ target: `${files}, --cache: the same report from the cache`, pass: cachedCheck.problems.length === 0, detail: cachedCheck.problems.slice(0, 3).join('; ') });
    if (size === 1) {
      const ratio = medians['elb-lint'].seconds / medians['node -e 0'].seconds;
      verdicts.push({ target: '1 file: elb-lint ≤ 1.5× node -e 0', pass: ratio <= 1.5, detail: `${ratio.toFixed(2)}×` });
    }
    if (size >= 10000) {
      const ratio = medians['elb-lint'].seconds / medians['ajv floor'].seconds;
      verdicts.push({ target: `${files}: elb-lint ≤ 1.5× the Ajv floor`, pass: ratio <= 1.5, detail: `${ratio.toFixed(2)}×` });
      const cached = medians['elb-lint --cache'].seconds / medians['read+parse'].seconds;
      verdicts.push({ target: `${files} unchanged, --cache: ≤ 1.5× read+parse`, pass: cached <= 1.5, detail: `${cached.toFixed(2)}×` });
    }
    rmSync(corpus, { recursive: true, force: true });
  }
  if (peaks[100] && peaks[10000]) {
    const ratio = peaks[10000] / peaks[100];
    verdicts.push({ target: 'peak memory at 10,000 files ≤ 1.5× the peak at 100', pass: ratio <= 1.5, detail: `${ratio.toFixed(2)}×` });
  }
  // In-process, what an editor or a program calling the library feels per body.
  const inProcess = [0, 1, 2].map(() => JSON.parse(spawnSync(process.execPath, [join(root, 'bench/lint-text.mjs')], { encoding: 'utf8' }).stdout));
  const micros = median(inProcess.map((run) => run.medianMicros));
  lintTextLine = `lintText in-process, typical body (median ${Math.round(inProcess[0].medianBytes)} bytes): median ${micros.toFixed(1)} µs per body ` +
    `(3 processes: ${inProcess.map((run) => run.medianMicros.toFixed(1)).join(', ')} µs; 90th percentile ${median(inProcess.map((run) => run.p90Micros)).toFixed(0)} µs)`;
  verdicts.push({ target: 'lintText on a typical body: median ≤ 1 ms', pass: micros <= 1000, detail: `${micros.toFixed(1)} µs` });
  // The language server, keystroke by keystroke (bench/lsp.mjs).
  const server = JSON.parse(spawnSync(process.execPath, [join(root, 'bench/lsp.mjs'), '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).stdout);
  lspLine = describeFigures(server);
  verdicts.push(...lspVerdicts(server));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const format = (value, digits = 2) => (value === undefined ? '' : value.toFixed(digits));
const lines = [
  `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${runs} runs each, interleaved; medians.`,
  '',
  '| files | command | median s | peak MiB | × node -e 0 | × read+parse | × ajv floor |',
  '|---:|---|---:|---:|---:|---:|---:|',
  ...table.map((row) => `| ${row.files} | ${row.command} | ${format(row.seconds, 3)} | ${format(row.rss, 0)} | ${format(row.vsNode)} | ${format(row.vsParse)} | ${format(row.vsAjv)} |`),
  '',
  lintTextLine,
  '',
  lspLine,
  '',
  ...verdicts.map((verdict) => `- ${verdict.pass ? 'PASS' : 'FAIL'} ${verdict.target}${verdict.detail ? `: ${verdict.detail}` : ''}`),
];
// The scaling table of hostile inputs (bench/scaling.mjs); BENCH_SCALING=0 leaves it out.
const scaling = process.env.BENCH_SCALING === '0' ? { lines: [], pass: true } : scalingTable();
if (scaling.lines.length > 0) lines.push('', ...scaling.lines);
process.stdout.write(`${lines.join('\n')}\n`);
if (process.env.BENCH_WRITE) writeFileSync(process.env.BENCH_WRITE, `${lines.join('\n')}\n`);
process.exitCode = verdicts.every((verdict) => verdict.pass) && scaling.pass ? 0 : 1;

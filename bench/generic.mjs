// `npm run bench:generic -- TOOLS_DIR`: elb-lint next to the generic tools users compare it with,
// on this machine and the same corpora: ajv-cli 5 (schema only) and Spectral 6 (the `schema`
// function with the same schemas). Neither is a dependency of elb-lint: install them once, where
// you like, and name that directory:
//
//   npm install --prefix /tmp/generic-tools @stoplight/spectral-cli@6 ajv-cli@5 ajv-formats@2
//   npm run bench:generic -- /tmp/generic-tools
//
// Both get the request schemas that `elb-lint --print-schema` prints, joined into one (a body
// with "pool" is a master-slave pool, any other a load balancer), so each tool starts once per run,
// like elb-lint. Environment: BENCH_RUNS (default 3), BENCH_SIZES (default 1,100,1000),
// BENCH_AJV_SIZES (ajv-cli only, default 10000): Spectral takes minutes at 10,000 files.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from './corpus.mjs';
import { measure, median } from './measure.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tools = process.argv[2] && resolve(process.argv[2]);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const sizes = (process.env.BENCH_SIZES ?? '1,100,1000').split(',').filter(Boolean).map(Number);
const ajvOnlySizes = (process.env.BENCH_AJV_SIZES ?? '10000').split(',').filter(Boolean).map(Number);
const cli = join(root, 'bin/elb-lint.cjs');

const spectralBin = tools && join(tools, 'node_modules/@stoplight/spectral-cli/dist/index.js');
const ajvBin = tools && join(tools, 'node_modules/ajv-cli/dist/index.js');
if (!tools || !existsSync(spectralBin) || !existsSync(ajvBin)) {
  process.stderr.write('Usage: npm run bench:generic -- TOOLS_DIR, where TOOLS_DIR has @stoplight/spectral-cli@6, ajv-cli@5 and ajv-formats@2 installed (see the top of bench/generic.mjs).\n');
  process.exit(2);
}

/** Both request schemas as one: the kind decides which applies, as elb-lint's kind detection does. */
function requestSchema() {
  const print = (kind) => {
    const result = spawnSync(process.execPath, [cli, '--print-schema', kind], { encoding: 'utf8' });
    const { $schema, title, ...schema } = JSON.parse(result.stdout);
    return schema;
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    definitions: { loadbalancer: print('create-loadbalancer'), pool: print('create-master-slave-pool') },
    if: { type: 'object', required: ['pool'] },
    then: { $ref: '#/definitions/pool' },
    else: { $ref: '#/definitions/loadbalancer' },
  };
}

const scratch = mkdtempSync(join(tmpdir(), 'elb-lint-generic-'));
const rows = [];
try {
  const schemaFile = join(scratch, 'request.schema.json');
  const schema = requestSchema();
  writeFileSync(schemaFile, JSON.stringify(schema));
  // Spectral's own schema function, on the whole document, every error.
  const rulesetFile = join(scratch, '.spectral.json');
  writeFileSync(rulesetFile, JSON.stringify({ rules: { 'elb-request': { given: '$', severity: 'error', then: { function: 'schema', functionOptions: { schema, dialect: 'draft7', allErrors: true } } } } }));

  for (const size of [...sizes, ...ajvOnlySizes]) {
    const corpus = join(scratch, `corpus-${size}`);
    writeCorpus(corpus, size);
    const files = size === 1 ? join(corpus, 'loadbalancers/batch-0/lb-00000.json') : `${corpus}/**/*.json`;
    const target = size === 1 ? files : corpus;
    const commands = [
      { name: 'elb-lint', args: [cli, '--format', `json=${join(scratch, 'elb-lint.json')}`, target] },
      { name: 'ajv-cli 5', args: [ajvBin, 'validate', '-s', schemaFile, '-d', files, '-c', 'ajv-formats', '--all-errors', '--strict=false', '--errors=json'] },
      ...(sizes.includes(size) ? [{ name: 'Spectral 6', args: [spectralBin, 'lint', files, '--ruleset', rulesetFile, '--format', 'json', '--output', join(scratch, 'spectral.json'), '--quiet'] }] : []),
    ];
    const samples = new Map(commands.map((command) => [command.name, []]));
    // Warm the OS file cache (the corpus was just written) with the two quick tools.
    for (const command of commands.slice(0, 2)) measure(command.args, scratch, tools);
    for (let run = 0; run < runs; run++) {
      for (const command of commands) samples.get(command.name).push(measure(command.args, scratch, tools).seconds);
    }
    const elbLint = median(samples.get('elb-lint'));
    for (const command of commands) {
      const seconds = median(samples.get(command.name));
      rows.push(`| ${size} | ${command.name} | ${seconds.toFixed(3)} | ${(seconds / elbLint).toFixed(1)} |`);
    }
    rmSync(corpus, { recursive: true, force: true });
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const lines = [
  `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${runs} runs each, interleaved; medians.`,
  '',
  '| files | command | median s | × elb-lint |',
  '|---:|---|---:|---:|',
  ...rows,
];
process.stdout.write(`${lines.join('\n')}\n`);

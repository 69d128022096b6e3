// What the editor feels: lintText in-process on typical 2 KB request bodies (the benchmark
// corpus, 10 % of them wrong, load balancers given the tags and pools the description a real
// template carries), after a warm-up, timed in batches. Prints one JSON line: the median and 90th
// percentile microseconds per body, and the bodies' median size. Run by run.mjs.

import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { corpusBodies } from './corpus.mjs';
import { median } from './measure.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { lintText } = await import(pathToFileURL(join(root, 'dist/index.js')).href);

const bodies = corpusBodies(200).map((body) => ({ ...body, text: typical(body.text) }));

function typical(text) {
  const body = JSON.parse(text);
  if (body.loadbalancer) {
    body.loadbalancer.tags = ['team', 'cost-center', 'environment', 'service', 'owner', 'tier', 'region', 'backup', 'on-call', 'compliance', 'data-class', 'created-by']
      .map((key, index) => ({ key, value: `${key}-value-${index}-${body.loadbalancer.name ?? 'lb'}` }));
  } else {
    body.pool.description = `Master-slave pool for ${body.pool.name ?? 'a service'}: the master takes all traffic, the slave takes over when the master's health check fails. Owned by the platform team; see the runbook before changing members.`.slice(0, 255);
  }
  return `${JSON.stringify(body, null, 2)}\n`;
}
const BATCH = 50;
const BATCHES = Number(process.env.BENCH_LINT_TEXT_BATCHES ?? 400);
let findings = 0;
for (let round = 0; round < 20; round++) for (const body of bodies) findings += lintText(body.text, { filePath: body.name }).findings.length;
const perBody = [];
for (let batch = 0; batch < BATCHES; batch++) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < BATCH; i++) {
    const body = bodies[(batch * BATCH + i) % bodies.length];
    findings += lintText(body.text, { filePath: body.name }).findings.length;
  }
  perBody.push(Number(process.hrtime.bigint() - start) / 1e3 / BATCH);
}
perBody.sort((a, b) => a - b);
const sizes = bodies.map((body) => Buffer.byteLength(body.text)).sort((a, b) => a - b);
process.stdout.write(`${JSON.stringify({ medianMicros: median(perBody), p90Micros: perBody[Math.floor(perBody.length * 0.9)], medianBytes: median(sizes), findings })}\n`);

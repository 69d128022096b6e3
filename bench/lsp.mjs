// The language server as an editor feels it (editor.md, "Speed"): a 2 KB request body is opened,
// then typed into one keystroke at a time. For each keystroke it records
//   lint time      how long the server's lint of that version took (its own log line, logTiming)
//   latency        from sending didChange to receiving that version's diagnostics (debounce included)
// and reports medians and 90th percentiles against the targets: lint well under 5 ms, latency at
// most the debounce plus 50 ms. Each keystroke waits for its diagnostics before the next, so every
// version is linted. Not a test: timings are noisy, only the medians mean anything.
//
// `node bench/lsp.mjs` prints a report; `--json` prints the figures for bench/run.mjs.
// Environment: BENCH_LSP_KEYSTROKES (default 120; the first 20 warm up and are not counted).

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { median } from './measure.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const keystrokes = Number(process.env.BENCH_LSP_KEYSTROKES ?? 120);
const WARM_UP = 20;
const DEBOUNCE_MS = 150;

/** A create-loadbalancer body of about 2 KB with a few findings, the description last so typing moves nothing else. */
function body() {
  const tags = Array.from({ length: 30 }, (_, index) => `      { "key": "team-${index}", "value": "payments-${index}" }`).join(',\n');
  return `{
  "loadbalancer": {
    "name": "shop-web-lb",
    "vip_subnet_cidr_id": "c4a3b2e1-0f9e-4d8c-b7a6-958473625140",
    "availability_zone_list": ["ap-southeast-1a", "ap-southeast-1b"],
    "provider": "vlb",
    "guaranteed": true,
    "ip_target_enable": true,
    "deletion_protection_enable": false,
    "l4_flavor_id": "6b5b6b1c-8a5d-4f4e-9f0a-1c2d3e4f5a6b",
    "tags": [
${tags}
    ],
    "admin_state_up": "true",
    "description": "The shop's public web load balancer "
  }
}
`;
}

function percentile(values, fraction) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

async function run() {
  if (!existsSync(join(root, 'dist/lsp.js'))) throw new Error('dist/lsp.js is missing: run `npm run build` first');
  const scratch = mkdtempSync(join(tmpdir(), 'elb-lint-bench-lsp-'));
  const server = spawn(process.execPath, [join(root, 'bin/elb-lint-language-server.js'), '--stdio'], { cwd: scratch, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const lintMs = new Map();
  const published = new Map();
  let wake = () => {};
  connection.onNotification('window/logMessage', ({ message }) => {
    const match = /version (\d+) in ([\d.]+) ms/.exec(message);
    if (match) lintMs.set(Number(match[1]), Number(match[2]));
  });
  connection.onNotification('textDocument/publishDiagnostics', ({ version }) => {
    if (version !== undefined && !published.has(version)) published.set(version, performance.now());
    wake();
  });
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const until = (version) => new Promise((done) => {
    const check = () => (published.has(version) ? done() : (wake = check));
    check();
  });

  try {
    const rootUri = pathToFileURL(scratch).href;
    await connection.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'bench' }], capabilities: {}, initializationOptions: { logTiming: true } });
    await connection.sendNotification('initialized', {});
    const uri = pathToFileURL(join(scratch, 'lb.json')).href;
    let text = body();
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
    await until(1);

    const latencies = [];
    const lines = text.split('\n');
    const line = lines.findIndex((candidate) => candidate.includes('"description"'));
    let column = (lines[line] ?? '').lastIndexOf('"');
    for (let version = 2; version < 2 + keystrokes; version++) {
      const character = 'abcdefghijklmnopqrstuvwxyz '[version % 27];
      const sent = performance.now();
      await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character: column }, end: { line, character: column } }, text: character }],
      });
      column++;
      await until(version);
      if (version >= 2 + WARM_UP) latencies.push((published.get(version) ?? sent) - sent);
    }
    const lints = [...lintMs].filter(([version]) => version >= 2 + WARM_UP).map(([, ms]) => ms);
    text = undefined;
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    return {
      bodyBytes: Buffer.byteLength(body()),
      keystrokes: latencies.length,
      lintMedianMs: median(lints),
      lintP90Ms: percentile(lints, 0.9),
      latencyMedianMs: median(latencies),
      latencyP90Ms: percentile(latencies, 0.9),
      debounceMs: DEBOUNCE_MS,
    };
  } finally {
    connection.dispose();
    server.kill();
    rmSync(scratch, { recursive: true, force: true });
  }
}

export function verdictsOf(figures) {
  return [
    { target: 'language server: lint per keystroke on a 2 KB body, median well under 5 ms (≤ 2.5 ms)', pass: figures.lintMedianMs <= 2.5, detail: `${figures.lintMedianMs.toFixed(3)} ms` },
    { target: `language server: didChange → diagnostics, median ≤ debounce + 50 ms (${figures.debounceMs + 50} ms)`, pass: figures.latencyMedianMs <= figures.debounceMs + 50, detail: `${figures.latencyMedianMs.toFixed(1)} ms` },
  ];
}

export function describeFigures(figures) {
  return `language server, ${figures.bodyBytes}-byte body, ${figures.keystrokes} keystrokes: lint median ${figures.lintMedianMs.toFixed(3)} ms ` +
    `(90th percentile ${figures.lintP90Ms.toFixed(3)} ms); didChange → diagnostics median ${figures.latencyMedianMs.toFixed(1)} ms ` +
    `(90th percentile ${figures.latencyP90Ms.toFixed(1)} ms; debounce ${figures.debounceMs} ms)`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const figures = await run();
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(figures)}\n`);
  else {
    const verdicts = verdictsOf(figures);
    process.stdout.write(`${describeFigures(figures)}\n${verdicts.map((verdict) => `- ${verdict.pass ? 'PASS' : 'FAIL'} ${verdict.target}: ${verdict.detail}`).join('\n')}\n`);
    process.exitCode = verdicts.every((verdict) => verdict.pass) ? 0 : 1;
  }
}

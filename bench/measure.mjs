// Timing one process, shared by the benchmark (run.mjs) and the comparison with generic tools
// (generic.mjs).

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const rssHook = join(dirname(fileURLToPath(import.meta.url)), 'rss.mjs');

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Runs a node script once (`args` after `node`); returns wall seconds and peak RSS in MiB. Exit
 * codes 0 and 1 (findings) are normal (or `okCodes`); anything else is an error. With
 * `timeoutSeconds`, a run that takes longer is killed and returned as `timedOut`.
 */
export function measure(args, scratch, cwd = undefined, { okCodes = [0, 1], timeoutSeconds = undefined } = {}) {
  const rssFile = join(scratch, 'rss.txt');
  rmSync(rssFile, { force: true });
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', rssHook, ...args], {
    cwd,
    env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    ...(timeoutSeconds !== undefined && { timeout: timeoutSeconds * 1000, killSignal: 'SIGKILL' }),
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (timeoutSeconds !== undefined && result.signal === 'SIGKILL') return { seconds, rss: NaN, timedOut: true };
  if (!okCodes.includes(result.status)) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  const rss = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024 : NaN;
  return { seconds, rss };
}

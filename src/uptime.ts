// Milliseconds since the process started, for --debug timings. process.uptime(), not
// performance.now(): the global `performance` loads node:perf_hooks on first use (about 1 ms).

export function uptimeMs(): number {
  return Math.round(process.uptime() * 1000);
}

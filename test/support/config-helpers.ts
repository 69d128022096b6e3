// Temporary projects for the rules.yaml tests: a directory with a rules.yaml, request bodies and
// whatever else a test needs, linted through the CLI in-process.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import { lintToJson, runCli, type JsonFinding } from './helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** A valid create-load-balancer body (no finding with the recommended preset). */
export function lbBody(changes: Record<string, unknown> = {}): Record<string, unknown> {
  const body = JSON.parse(readFileSync(join(ROOT, 'examples/templates/web-private-lb.json'), 'utf8')) as { loadbalancer: Record<string, unknown> };
  Object.assign(body.loadbalancer, changes);
  for (const [key, value] of Object.entries(changes)) if (value === undefined) delete body.loadbalancer[key];
  return body;
}

/** A valid create-master-slave-pool body. */
export function poolBody(changes: Record<string, unknown> = {}): Record<string, unknown> {
  const body = JSON.parse(readFileSync(join(ROOT, 'examples/templates/web-tcp-pool.json'), 'utf8')) as { pool: Record<string, unknown> };
  Object.assign(body.pool, changes);
  return body;
}

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

const created: string[] = [];
afterAll(() => {
  for (const directory of created) rmSync(directory, { recursive: true, force: true });
});

/** Writes the files (paths relative to a new temporary directory) and returns the directory. */
export function project(files: Record<string, string>): string {
  const directory = mkdtempSync(join(tmpdir(), 'elb-lint-config-'));
  created.push(directory);
  for (const [path, content] of Object.entries(files)) {
    const file = join(directory, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return directory;
}

export async function findingsOf(args: string[], cwd: string): Promise<{ code: number; stderr: string; files: Record<string, JsonFinding[]> }> {
  const { code, report, stderr } = await lintToJson(args, { cwd });
  return { code, stderr, files: Object.fromEntries(report.files.map((file) => [file.path, file.findings])) };
}

/** The rule IDs and severities of a file's findings, as `ruleId severity pointer`. */
export function summary(findings: readonly JsonFinding[] | undefined): string[] {
  return (findings ?? []).map((finding) => `${finding.ruleId} ${finding.severity} ${finding.pointer}`);
}

/** Runs the CLI expecting a configuration error; returns stderr's problem lines. */
export async function configErrors(args: string[], cwd: string): Promise<string[]> {
  const result = await runCli(args, { cwd });
  if (result.code !== 2) throw new Error(`expected exit code 2, got ${result.code}: ${result.stderr}${result.stdout.slice(0, 500)}`);
  if (result.stdout !== '') throw new Error(`expected no report on stdout, got ${result.stdout.slice(0, 200)}`);
  return result.stderr.split('\n').filter((line) => line !== '' && !line.startsWith('elb-lint: the configuration has'));
}

// Runs the CLI in-process, the way a user would from a shell, and captures what it prints.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { main } from '../../src/cli/main.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(
  args: string[],
  options: { cwd: string; stdin?: string | Uint8Array; env?: Record<string, string | undefined>; isTTY?: boolean },
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    cwd: options.cwd,
    env: options.env ?? {},
    stdout: { write: (text) => void (stdout += text), isTTY: options.isTTY ?? false },
    stderr: { write: (text) => void (stderr += text), isTTY: options.isTTY ?? false },
    readStdin: () => (typeof options.stdin === 'string' ? new TextEncoder().encode(options.stdin) : (options.stdin ?? new Uint8Array())),
  });
  return { code, stdout, stderr };
}

export interface JsonReport {
  version: number;
  tool: { name: string; version: string };
  files: { path: string; kind: string | null; findings: JsonFinding[]; output?: string }[];
  summary: { files: number; errors: number; warnings: number; infos: number };
}

export interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  pointer: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  suggestion?: string;
  fix?: { range: [number, number]; text: string };
  suggestions?: { desc: string; fix: { range: [number, number]; text: string } }[];
}

export async function lintToJson(args: string[], options: { cwd: string; stdin?: string }): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const result = await runCli(['--format', 'json', ...args], options);
  if (result.stdout === '') throw new Error(`no JSON report (exit ${result.code}): ${result.stderr}`);
  return { code: result.code, report: JSON.parse(result.stdout) as JsonReport, stderr: result.stderr };
}

export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** A fresh temporary directory for each test of the file, removed after it, and a way to write files into it. */
export function useWorkspace(prefix: string): { readonly dir: string; write(path: string, text: string): void } {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return dir;
    },
    write(path, text) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
  };
}

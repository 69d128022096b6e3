// Faults around the run (issue 8, docs/reliability.md): report destinations that cannot be
// written, stdout that is full or closed early, and the promise that inputs are never written.
// Process-level cases spawn the built CLI (bin/elb-lint.cjs → dist/), which `npm test` builds first.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, closeSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FORMATS } from '../../src/reporters/index.js';
import { runCli, type JsonReport } from '../support/helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'bin/elb-lint.cjs');
const WORK = mkdtempSync(join(tmpdir(), 'elb-lint-faults-'));
afterAll(() => {
  chmodSync(WORK, 0o755);
  rmSync(WORK, { recursive: true, force: true });
});

const POOL = readFileSync(join(ROOT, 'test/cases/schema/required/valid/all-required-fields.json'), 'utf8');
const TYPO = POOL.replace('"name": "web-tcp-ms",', '"name": "web-tcp-ms",\n    "colour": "blue",');

let counter = 0;
function directoryWith(files: Record<string, string>): string {
  const directory = join(WORK, `d${++counter}`);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(directory, name, '..'), { recursive: true });
    writeFileSync(join(directory, name), content);
  }
  mkdirSync(directory, { recursive: true });
  return directory;
}

function spawnCli(args: string[], options: { cwd: string; stdout?: number | 'pipe' }) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd, encoding: 'utf8', stdio: ['ignore', options.stdout ?? 'pipe', 'pipe'], timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
}

const NO_STACK = /\n\s+at |internal error|Error:/;

describe('report files that cannot be written: exit 2, a clear message, no half-written file', () => {
  it('a full device (/dev/full): exit 2, and /dev/full is still the device', async () => {
    if (!existsSync('/dev/full')) return;
    const directory = directoryWith({ 'typo.json': TYPO });
    const result = await runCli(['--format', 'compact', '--format', 'json=/dev/full', 'typo.json'], { cwd: directory });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('elb-lint: Cannot write the json report to "/dev/full": no space left on the device.\n');
    // The stdout report is still complete.
    expect(result.stdout).toMatch(/^typo\.json:4:5: error: .*\[schema\/unknown-field\]\n$/);
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
    expect(readdirSync('/dev').filter((name) => name.startsWith('full.'))).toEqual([]);
  });

  it('a device is written in place, never replaced by a rename (/dev/null stays /dev/null)', async () => {
    const directory = directoryWith({ 'ok.json': POOL });
    const result = await runCli(['--format', 'json=/dev/null', '--format', 'sarif=/dev/null', 'ok.json'], { cwd: directory });
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(readdirSync('/dev').filter((name) => name.startsWith('null.'))).toEqual([]);
  });

  it('a read-only destination: exit 2, and nothing is left in it', async () => {
    const destination = readOnlyDirectory();
    if (!destination) {
      console.warn('faults.test.ts: no read-only directory available (running as root, no /sys); read-only destination test skipped');
      return;
    }
    const before = readdirSync(destination);
    const directory = directoryWith({ 'typo.json': TYPO });
    const target = join(destination, 'elb-lint-report.json');
    const result = await runCli(['--format', `json=${target}`, 'typo.json'], { cwd: directory });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^elb-lint: Cannot write the json report to "${target}": (permission denied|the file system is read-only)\\.\\n$`));
    expect(readdirSync(destination)).toEqual(before);
  });

  it('a destination that is a directory, or under a file: exit 2 with the reason', async () => {
    const directory = directoryWith({ 'typo.json': TYPO, 'out/keep.txt': 'x', 'plain.txt': 'x' });
    const intoDirectory = await runCli(['--format', 'json=out', 'typo.json'], { cwd: directory });
    expect(intoDirectory.code).toBe(2);
    expect(intoDirectory.stderr).toBe('elb-lint: Cannot write the json report to "out": it is a directory.\n');
    const underFile = await runCli(['--format', 'sarif=plain.txt/report.sarif', 'typo.json'], { cwd: directory });
    expect(underFile.code).toBe(2);
    expect(underFile.stderr).toMatch(/^elb-lint: Cannot write the sarif report to "plain\.txt\/report\.sarif": (a part of the path is not a directory|.*EEXIST.*)\.\n$/);
    expect(readdirSync(directory).sort()).toEqual(['out', 'plain.txt', 'typo.json']);
    expect(readdirSync(join(directory, 'out'))).toEqual(['keep.txt']);
  });

  it('an existing report is replaced whole; a symlinked report keeps its link', async () => {
    const directory = directoryWith({ 'typo.json': TYPO, 'reports/real.json': 'old report' });
    symlinkSync('reports/real.json', join(directory, 'link.json'));
    const result = await runCli(['--format', 'json=link.json', 'typo.json'], { cwd: directory });
    expect(result.code).toBe(1);
    expect(lstatSync(join(directory, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(directory, 'link.json'))).toBe('reports/real.json');
    const report = JSON.parse(readFileSync(join(directory, 'reports/real.json'), 'utf8')) as JsonReport;
    expect(report.summary.errors).toBe(1);
    expect(readdirSync(join(directory, 'reports'))).toEqual(['real.json']);
  });
});

describe('standard output that fails', () => {
  it('stdout on a full device: exit 2 and one clear line on stderr, no stack trace', () => {
    if (!existsSync('/dev/full')) return;
    const directory = directoryWith({ 'typo.json': TYPO });
    const full = openSync('/dev/full', 'w');
    try {
      const result = spawnCli(['--format', 'json', 'typo.json'], { cwd: directory, stdout: full });
      expect(result.status).toBe(2);
      expect(result.stderr).toBe('elb-lint: cannot write the report to standard output: no space left on the device.\n');
    } finally {
      closeSync(full);
    }
  });

  it.each(['compact', 'json', 'human'])('piped into `head -c 64` (%s): ends quietly, nothing on stderr', (format) => {
    // Far more output than a pipe buffer holds, so the CLI is still writing when head exits.
    const keys = Array.from({ length: 20_000 }, (_, index) => `    "unknown_${index}": ${index}`).join(',\n');
    const directory = directoryWith({ 'many.json': `{\n  "pool": {\n${keys}\n  }\n}\n` });
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" --format ${format} many.json 2>stderr.txt | head -c 64`], { cwd: directory, encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(0);
    expect(result.stdout).toHaveLength(64);
    const stderr = readFileSync(join(directory, 'stderr.txt'), 'utf8');
    expect(stderr).toBe('');
    expect(stderr).not.toMatch(NO_STACK);
  });
});

describe('the environment', () => {
  it('a working directory deleted before the run: exit 2 with a clear message', () => {
    const result = spawnSync('sh', ['-c', `mkdir gone && cd gone && rmdir ../gone && exec "${process.execPath}" "${CLI}" .`], { cwd: directoryWith({}), encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('elb-lint: cannot use the working directory: no such file or directory.\n');
  });
});

describe('inputs are never written', () => {
  it('a full run with every format written to files leaves the input tree byte- and mtime-identical', async () => {
    const inputs = join(WORK, 'inputs');
    cpSync(join(ROOT, 'test/cases'), inputs, { recursive: true });
    writeFileSync(join(inputs, 'stack.http'), `POST https://elb.example.com/v3/p/elb/master-slave-pools\nContent-Type: application/json\n\n${TYPO}`);
    const outputs = join(WORK, 'outputs');
    const before = snapshot(inputs);
    const formats = FORMATS.flatMap((format) => ['--format', `${format}=${join(outputs, `report.${format}`)}`]);
    const result = await runCli([...formats, '.'], { cwd: inputs });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(readdirSync(outputs).sort()).toEqual(FORMATS.map((format) => `report.${format}`).sort());
    expect(snapshot(inputs)).toEqual(before);
    // The spawned CLI too (its bundle, not the sources).
    const spawned = spawnCli([...formats, '.'], { cwd: inputs });
    expect(spawned.status).toBe(1);
    expect(snapshot(inputs)).toEqual(before);
  });
});

/** Every entry under `directory`: type, size, mode, mtime and a hash of the contents. */
function snapshot(directory: string): Record<string, string> {
  const entries: Record<string, string> = {};
  const walk = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      const path = join(current, name);
      const stats = lstatSync(path);
      const hash = stats.isFile() ? createHash('sha256').update(readFileSync(path)).digest('hex') : '';
      entries[relative(directory, path)] = `${stats.isDirectory() ? 'dir' : 'file'} ${stats.size} ${stats.mode.toString(8)} ${stats.mtimeMs} ${hash}`;
      if (stats.isDirectory()) walk(path);
    }
  };
  walk(directory);
  return entries;
}

/**
 * A directory nothing can be created in. As an ordinary user a chmod 555 directory is one; root
 * ignores permissions, so then /sys (sysfs refuses new files even to root) is tried. Probed first.
 */
function readOnlyDirectory(): string | undefined {
  const directory = join(WORK, 'read-only');
  mkdirSync(directory, { recursive: true });
  chmodSync(directory, 0o555);
  for (const candidate of [directory, '/sys']) {
    const probe = join(candidate, `.elb-lint-probe-${process.pid}`);
    try {
      writeFileSync(probe, '');
      rmSync(probe, { force: true });
    } catch {
      return candidate;
    }
  }
  return undefined;
}

// --fix and --fix-dry-run as a user runs them (api.md): safe fixes written atomically to the files
// that change and to no other, the report and exit code of what is left, standard input only with
// --fix-dry-run, and the composition with --cache and --baseline that the README states.

import { readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, useWorkspace, type CliResult, type JsonReport } from '../support/helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const POOL = readFileSync(join(ROOT, 'examples/templates/web-tcp-pool.json'), 'utf8');
/** schema/enum with a safe fix: "tcp" is "TCP". */
const TYPO_POOL = POOL.replace('"protocol": "TCP"', '"protocol": "tcp"');
const FIXED_TYPO_POOL = POOL;
/** The same, and pool/healthmonitor-timeout (a warning without a fix). */
const SLOW_TYPO_POOL = TYPO_POOL.replace('"timeout": 3', '"timeout": 7');
/** The same, and a schema/enum error that is only a suggestion ("ROUND_ROBIM" is a near miss). */
const TWO_TYPOS_POOL = TYPO_POOL.replace('"ROUND_ROBIN"', '"ROUND_ROBIM"');

const work = useWorkspace('elb-lint-fix-');

function read(path: string): string {
  return readFileSync(join(work.dir, path), 'utf8');
}

function report(result: CliResult): JsonReport {
  if (result.stdout === '') throw new Error(`no JSON report (exit ${result.code}): ${result.stderr}`);
  return JSON.parse(result.stdout) as JsonReport;
}

function ruleIds(result: CliResult, path: string): string[] {
  return report(result).files.find((file) => file.path === path)?.findings.map((finding) => finding.ruleId) ?? [];
}

describe('--fix', () => {
  it('writes the safe fixes, rewrites only files that change, and reports what is left', async () => {
    work.write('templates/typo.json', TYPO_POOL);
    work.write('templates/slow.json', SLOW_TYPO_POOL);
    work.write('templates/clean.json', POOL);
    const before = statSync(join(work.dir, 'templates/clean.json'));
    const result = await runCli(['--fix', '-f', 'json', 'templates'], { cwd: work.dir });
    expect(result.stderr).toBe('');
    expect(read('templates/typo.json')).toBe(FIXED_TYPO_POOL);
    expect(read('templates/slow.json')).toBe(FIXED_TYPO_POOL.replace('"timeout": 3', '"timeout": 7'));
    // Not rewritten: the same inode and modification time.
    const after = statSync(join(work.dir, 'templates/clean.json'));
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    expect(ruleIds(result, 'templates/typo.json')).toEqual([]);
    expect(ruleIds(result, 'templates/slow.json')).toEqual(['pool/healthmonitor-timeout']);
    // A --fix report has no `output`: the files hold the text.
    expect(report(result).files.every((file) => file.output === undefined)).toBe(true);
    expect(result.code).toBe(0);
    // What is left decides the exit code: one warning is over --max-warnings 0.
    work.write('templates/slow.json', SLOW_TYPO_POOL);
    expect((await runCli(['--fix', '--max-warnings', '0', 'templates'], { cwd: work.dir })).code).toBe(1);
  });

  it('exits with 1 when errors are left, and a second --fix changes nothing', async () => {
    work.write('pool.json', TWO_TYPOS_POOL);
    const first = await runCli(['--fix', '-f', 'json', 'pool.json'], { cwd: work.dir });
    expect(first.code).toBe(1);
    expect(ruleIds(first, 'pool.json')).toEqual(['schema/enum']);
    expect(report(first).files[0]?.findings[0]?.pointer).toBe('/pool/lb_algorithm');
    const fixed = read('pool.json');
    expect(fixed).toBe(TWO_TYPOS_POOL.replace('"tcp"', '"TCP"'));
    const before = statSync(join(work.dir, 'pool.json'));
    const second = await runCli(['--fix', '-f', 'json', 'pool.json'], { cwd: work.dir });
    expect(second.stdout).toBe(first.stdout);
    expect(statSync(join(work.dir, 'pool.json')).mtimeMs).toBe(before.mtimeMs);
    expect(read('pool.json')).toBe(fixed);
  });

  it('never touches a file that does not parse, nor one that is not a request body', async () => {
    const broken = TYPO_POOL.replace('"ROUND_ROBIN",', '"ROUND_ROBIN",,');
    work.write('broken.json', broken);
    const http = [
      'POST https://elb.example.com/v3/p/elb/master-slave-pools', 'Content-Type: application/json', '', TYPO_POOL,
      '###', 'POST https://elb.example.com/v3/p/elb/master-slave-pools', 'Content-Type: application/json', '', broken, '',
    ].join('\n');
    work.write('requests.http', http);
    // Named, so reported (input/unknown-kind), but not a request body: no schema, no fixes.
    const notes = '{"protocol": "tcp"}\n';
    work.write('notes.json', notes);
    const result = await runCli(['--fix', '-f', 'json', 'broken.json', 'requests.http', 'notes.json'], { cwd: work.dir });
    expect([read('broken.json'), read('requests.http'), read('notes.json')]).toEqual([broken, http, notes]);
    expect(ruleIds(result, 'broken.json')).toEqual(['parse/invalid-json']);
    expect(ruleIds(result, 'requests.http')).toEqual(['schema/enum', 'parse/invalid-json']);
    expect(ruleIds(result, 'notes.json')).toEqual(['input/unknown-kind']);
    expect(result.code).toBe(1);
  });

  it('fixes .http bodies in place and keeps a UTF-8 byte order mark', async () => {
    const http = `### the pool\r\nPOST https://elb.example.com/v3/p/elb/master-slave-pools\r\nContent-Type: application/json\r\n\r\n${TYPO_POOL.replaceAll('\n', '\r\n')}`;
    work.write('pool.http', http);
    work.write('bom.json', `\ufeff${TYPO_POOL}`);
    const result = await runCli(['--fix', 'pool.http', 'bom.json'], { cwd: work.dir });
    expect(result.code).toBe(0);
    expect(read('pool.http')).toBe(http.replace('"tcp"', '"TCP"'));
    expect(read('bom.json')).toBe(`\ufeff${FIXED_TYPO_POOL}`);
  });

  it('is a usage error with standard input', async () => {
    const result = await runCli(['--fix', '-'], { cwd: work.dir, stdin: TYPO_POOL });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/--fix cannot write to standard input; use --fix-dry-run/);
    expect((await runCli(['--fix', '--fix-dry-run', 'x.json'], { cwd: work.dir })).code).toBe(2);
  });

  it('does not write through a symbolic link, and says so', async () => {
    work.write('real/pool.json', TYPO_POOL);
    symlinkSync(join(work.dir, 'real/pool.json'), join(work.dir, 'link.json'));
    const result = await runCli(['--fix', '-f', 'json', 'link.json'], { cwd: work.dir });
    expect(read('real/pool.json')).toBe(TYPO_POOL);
    expect(result.stderr).toContain('"link.json" is a symbolic link, and --fix does not write through links; not fixed.');
    expect(ruleIds(result, 'link.json')).toEqual(['schema/enum']);
    expect(result.code).toBe(1);
  });
});

describe('--fix-dry-run', () => {
  it('writes nothing and gives each changed file its fixed text as output', async () => {
    work.write('typo.json', SLOW_TYPO_POOL);
    work.write('clean.json', POOL);
    const result = await runCli(['--fix-dry-run', '-f', 'json', 'typo.json', 'clean.json'], { cwd: work.dir });
    expect(read('typo.json')).toBe(SLOW_TYPO_POOL);
    const files = report(result).files;
    expect(files.map((file) => [file.path, file.output])).toEqual([
      ['clean.json', undefined],
      ['typo.json', SLOW_TYPO_POOL.replace('"tcp"', '"TCP"')],
    ]);
    expect(ruleIds(result, 'typo.json')).toEqual(['pool/healthmonitor-timeout']);
    // The output is what --fix then writes.
    await runCli(['--fix', 'typo.json'], { cwd: work.dir });
    expect(read('typo.json')).toBe(files[1]?.output);
  });

  it('works with standard input', async () => {
    const result = await runCli(['--fix-dry-run', '-f', 'json', '-'], { cwd: work.dir, stdin: TYPO_POOL });
    expect(report(result).files[0]?.output).toBe(FIXED_TYPO_POOL);
    expect(result.code).toBe(0);
  });
});

describe('--fix with --cache and --baseline', () => {
  /** How many files --debug says the cache answered. */
  function fromCache(result: CliResult): number {
    const match = /\((\d+) from the cache\)/.exec(result.stderr);
    if (!match) throw new Error(`no cache count in:\n${result.stderr}`);
    return Number(match[1]);
  }

  it('remembers a fixed file under its new content, so the next run is not served the old findings', async () => {
    work.write('pool.json', SLOW_TYPO_POOL);
    const plain = await runCli(['--cache', '--debug', '-f', 'json', 'pool.json'], { cwd: work.dir });
    expect(ruleIds(plain, 'pool.json')).toEqual(['schema/enum', 'pool/healthmonitor-timeout']);
    // The cached findings are not trusted with a write: the file is linted again before fixing.
    const fixing = await runCli(['--cache', '--debug', '--fix', '-f', 'json', 'pool.json'], { cwd: work.dir });
    expect(fromCache(fixing)).toBe(1);
    expect(ruleIds(fixing, 'pool.json')).toEqual(['pool/healthmonitor-timeout']);
    const next = await runCli(['--cache', '--debug', '-f', 'json', 'pool.json'], { cwd: work.dir });
    expect(fromCache(next)).toBe(1);
    expect(next.stdout).toBe(fixing.stdout);
    const uncached = await runCli(['-f', 'json', 'pool.json'], { cwd: work.dir });
    expect(next.stdout).toBe(uncached.stdout);
  });

  it('fixes baselined findings too, filters what is left through the baseline, and lists entries that no longer occur', async () => {
    work.write('pool.json', SLOW_TYPO_POOL);
    expect((await runCli(['--baseline', 'baseline.json', '--update-baseline', 'pool.json'], { cwd: work.dir })).code).toBe(0);
    const result = await runCli(['--baseline', 'baseline.json', '--fix', '-f', 'json', 'pool.json'], { cwd: work.dir });
    expect(read('pool.json')).toBe(SLOW_TYPO_POOL.replace('"tcp"', '"TCP"'));
    // The warning that is left is baselined; the fixed finding's entry is stale now.
    expect(ruleIds(result, 'pool.json')).toEqual([]);
    expect(result.stderr).toMatch(/schema\/enum/);
    expect(result.code).toBe(0);
  });
});

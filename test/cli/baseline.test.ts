// --baseline / --update-baseline (config.md), the way a team adopts elb-lint on an old estate:
// record today's findings, commit the file, and from then on see only new ones.

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatBaseline, parseBaseline } from '../../src/baseline.js';
import { lintToJson, runCli } from '../support/helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BASELINE = '.elb-lint-baseline.json';
const SHOP_LB = readFileSync(join(ROOT, 'examples/mistakes/prepaid-elastic-lb.json'), 'utf8');
const POOL = readFileSync(join(ROOT, 'examples/templates/web-tcp-pool.json'), 'utf8');

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'elb-lint-baseline-'));
  write('templates/legacy/shop-lb.json', SHOP_LB);
  write('templates/legacy/slow-pool.json', POOL.replace('"timeout": 3', '"timeout": 7'));
  write('templates/web-pool.json', POOL);
});
afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

function write(path: string, text: string): void {
  mkdirSync(dirname(join(work, path)), { recursive: true });
  writeFileSync(join(work, path), text);
}

function read(path: string): string {
  return readFileSync(join(work, path), 'utf8');
}

async function adopt(cwd = work, baseline = BASELINE, paths = ['templates']) {
  return runCli(['--baseline', baseline, '--update-baseline', ...paths], { cwd });
}

describe('--update-baseline', () => {
  it('records every current finding by file, rule and pointer, sorted, one per line', async () => {
    const before = await lintToJson(['templates'], { cwd: work });
    expect(before.code).toBe(1);
    const findings = before.report.files.flatMap((file) => file.findings.map((finding) => ({ path: file.path, ruleId: finding.ruleId, pointer: finding.pointer })));

    const result = await adopt();
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('✔ No problems in 3 files.\n');
    expect(result.stderr).toBe(`elb-lint: wrote ${BASELINE}: ${findings.length} known findings (${findings.length} new entries, 0 removed).\n`);

    const text = read(BASELINE);
    const entries = parseBaseline(text);
    const sorted = [...findings].sort((a, b) => (`${a.path} ${a.ruleId} ${a.pointer}` < `${b.path} ${b.ruleId} ${b.pointer}` ? -1 : 1));
    expect(entries).toEqual(sorted.map((finding) => ({ ...finding, count: 1 })));
    expect(text).toBe(formatBaseline(entries));
    expect(text.split('\n').filter((line) => line.startsWith('    {'))).toHaveLength(entries.length);
    expect(text).not.toMatch(/"line"|"column"|"message"/);
    expect(readdirSync(work).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('requires --baseline (exit 2)', async () => {
    const result = await runCli(['--update-baseline', 'templates'], { cwd: work });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--update-baseline needs --baseline FILE');
  });
});

describe('--baseline', () => {
  it('reports nothing that is in the baseline, even after edits elsewhere in the file', async () => {
    await adopt();
    // Blank lines on top, and the unrelated name/description fields swapped.
    const body = JSON.parse(SHOP_LB) as { loadbalancer: Record<string, unknown> };
    const { name, description, ...rest } = body.loadbalancer;
    write('templates/legacy/shop-lb.json', `\n\n\n${JSON.stringify({ loadbalancer: { description, name, ...rest } }, null, 4)}\n`);
    const result = await runCli(['--baseline', BASELINE, 'templates'], { cwd: work });
    expect(result).toEqual({ code: 0, stdout: '✔ No problems in 3 files.\n', stderr: '' });
  });

  it('reports a new finding: another pointer or another rule is not covered', async () => {
    await adopt();
    write('templates/web-pool.json', POOL.replace('"delay": 5', '"delay": 60'));
    const { code, report } = await lintToJson(['--baseline', BASELINE, 'templates'], { cwd: work });
    expect(code).toBe(1);
    expect(report.files.flatMap((file) => file.findings.map((finding) => `${file.path} ${finding.ruleId} ${finding.pointer}`))).toEqual([
      'templates/web-pool.json pool/healthmonitor-range /pool/healthmonitor/delay',
    ]);
    expect(report.summary).toMatchObject({ files: 3, errors: 1, warnings: 0 });
  });

  it('lists stale entries (fixed findings, deleted files) on stderr, and --update-baseline removes them', async () => {
    await adopt();
    write('templates/legacy/slow-pool.json', POOL);
    rmSync(join(work, 'templates/legacy/shop-lb.json'));
    const shopEntries = parseBaseline(read(BASELINE)).filter((entry) => entry.path.endsWith('shop-lb.json'));
    const result = await runCli(['--baseline', BASELINE, 'templates'], { cwd: work });
    expect(result.code).toBe(0);
    const stale = result.stderr.split('\n');
    expect(stale[0]).toBe(`elb-lint: ${shopEntries.length + 1} baseline entries in ${BASELINE} no longer occur; run with --update-baseline to remove them:`);
    expect(stale).toContain('  templates/legacy/slow-pool.json  pool/healthmonitor-timeout  /pool/healthmonitor/timeout');
    for (const entry of shopEntries) expect(stale).toContain(`  ${entry.path}  ${entry.ruleId}  ${entry.pointer}`);

    const updated = await adopt();
    expect(updated.stderr).toBe(`elb-lint: wrote ${BASELINE}: 0 known findings (0 new entries, ${shopEntries.length + 1} removed).\n`);
    expect(read(BASELINE)).toBe('{\n  "version": 1,\n  "tool": "elb-lint",\n  "findings": []\n}\n');
  });

  it('judges only the files of the run: a partial run keeps the other entries and calls none of them stale', async () => {
    await adopt();
    const before = read(BASELINE);
    const check = await runCli(['--baseline', BASELINE, 'templates/web-pool.json'], { cwd: work });
    expect(check).toEqual({ code: 0, stdout: '✔ No problems in 1 file.\n', stderr: '' });
    const update = await adopt(work, BASELINE, ['templates/web-pool.json']);
    expect(update.stderr).toContain('(0 new entries, 0 removed)');
    expect(read(BASELINE)).toBe(before);
  });

  it('counts a finding that occurs more than once (two requests of one .http file)', async () => {
    const request = `POST https://{ELB_Endpoint}/v3/{project_id}/elb/master-slave-pools\n\n${POOL.replace('"timeout": 3', '"timeout": 7')}`;
    write('requests/pools.http', `${request}\n###\n${request}`);
    await adopt(work, BASELINE, ['requests']);
    expect(parseBaseline(read(BASELINE))).toEqual([{ path: 'requests/pools.http', ruleId: 'pool/healthmonitor-timeout', pointer: '/pool/healthmonitor/timeout', count: 2 }]);
    expect(read(BASELINE)).toContain('"count":2');

    write('requests/pools.http', `${request}\n###\n${request}\n###\n${request}`);
    const third = await lintToJson(['--baseline', BASELINE, 'requests'], { cwd: work });
    expect(third.report.summary.warnings).toBe(1);

    write('requests/pools.http', request);
    const one = await runCli(['--baseline', BASELINE, 'requests'], { cwd: work });
    expect(one.stderr).toBe(`elb-lint: 1 baseline entry in ${BASELINE} no longer occurs; run with --update-baseline to remove it:\n  requests/pools.http  pool/healthmonitor-timeout  /pool/healthmonitor/timeout\n`);
  });

  it('keys paths to the baseline file, so runs from another directory match the same entries', async () => {
    await adopt();
    const result = await runCli(['--baseline', `../${BASELINE}`, '.'], { cwd: join(work, 'templates') });
    expect(result).toEqual({ code: 0, stdout: '✔ No problems in 3 files.\n', stderr: '' });
  });

  it('does not count baselined warnings for --max-warnings', async () => {
    await adopt();
    expect((await runCli(['--baseline', BASELINE, '--max-warnings', '0', 'templates'], { cwd: work })).code).toBe(0);
  });

  it('fails the run (exit 2) on a missing or malformed baseline, and still reports', async () => {
    const missing = await runCli(['--baseline', 'nope.json', 'templates'], { cwd: work });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot use the baseline "nope.json": no such file or directory. Create it with --update-baseline.');
    expect(missing.stdout).toContain('lb/prepaid-period');

    write('bad.json', '{"version": 2, "findings": []}');
    const malformed = await runCli(['--baseline', 'bad.json', '--update-baseline', 'templates'], { cwd: work });
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('Cannot use the baseline "bad.json": it is not an elb-lint baseline');
    expect(read('bad.json')).toBe('{"version": 2, "findings": []}');
  });

  it('stays out of directory runs, and is skipped by pre-commit style runs', async () => {
    await adopt(work, BASELINE, ['.']);
    const { report } = await lintToJson(['--baseline', BASELINE, '.'], { cwd: work });
    expect(report.files.map((file) => file.path)).not.toContain(BASELINE);
    const hook = await runCli(['--format', 'compact', '--skip-unknown-kind', '--baseline', BASELINE, BASELINE, 'templates/web-pool.json'], { cwd: work });
    expect(hook).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

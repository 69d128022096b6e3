// --shard I/N: a CI matrix of N jobs, each linting the files whose path hash falls in its shard.
// Over a generated estate of ~200 files (both kinds, .http files, broken and unrelated files),
// the shards together must be exactly the unsharded run, and each shard's report a complete report
// of its own files.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintToJson, readJson, runCli, type JsonReport } from '../support/helpers.js';
import { sarifValidator, type SarifLog } from '../support/sarif.js';

const ROOT = join(import.meta.dirname, '..', '..');
const example = (path: string) => readFileSync(join(ROOT, 'examples', path), 'utf8');
const SHOP_LB = example('mistakes/prepaid-elastic-lb.json');
const TLS_POOL = example('mistakes/tls-pool-any-port.json');
const POOL = example('templates/web-tcp-pool.json');
const PRIVATE_LB = example('seed-lb-private-ipv4.json');
const YEARLY_LB = example('templates/shop-public-lb-yearly.json');

/** Body i of the estate: mostly valid bodies of both kinds, some with findings, a few broken files. */
function estateFile(i: number): [string, string] {
  const team = `estate/team-${i % 7}`;
  if (i % 20 === 7) return [`${team}/broken/truncated-${i}.json`, POOL.slice(0, 120 + i)];
  if (i % 20 === 13) return [`${team}/misc/notes-${i}.json`, `{"comment": "not a request body (${i})"}\n`];
  if (i % 10 === 8) return [`${team}/requests/create-${i}.http`, `POST https://{ELB_Endpoint}/v3/{project_id}/elb/master-slave-pools\n\n${POOL.replace('"timeout": 3', `"timeout": ${3 + (i % 5)}`)}\n`];
  switch (i % 6) {
    case 0: return [`${team}/pools/web-${i}.json`, POOL.replace('"web-tcp-ms"', `"web-${i}-ms"`)];
    case 1: return [`${team}/pools/slow-${i}.json`, POOL.replace('"timeout": 3', '"timeout": 7')];
    case 2: return [`${team}/lbs/private-${i}.json`, PRIVATE_LB.replace('simple lb', `lb ${i}`)];
    case 3: return [`${team}/lbs/yearly-${i}.json`, YEARLY_LB.replace('"shop-public-lb"', `"shop-${i}-lb"`)];
    case 4: return [`${team}/mistakes/shop-${i}.json`, SHOP_LB];
    default: return [`${team}/mistakes/tls-${i}.json`, TLS_POOL];
  }
}

const COUNT = 200;
let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'elb-lint-shard-'));
  for (let i = 0; i < COUNT; i++) write(...estateFile(i));
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

function write(path: string, text: string): void {
  mkdirSync(dirname(join(work, path)), { recursive: true });
  writeFileSync(join(work, path), text);
}

async function shardReports(count: number, args: string[] = ['estate'], cwd = work): Promise<{ code: number; report: JsonReport; stderr: string }[]> {
  const runs = [];
  for (let index = 1; index <= count; index++) runs.push(await lintToJson(['--shard', `${index}/${count}`, ...args], { cwd }));
  return runs;
}

function summaryOf(files: JsonReport['files']): JsonReport['summary'] {
  const all = files.flatMap((file) => file.findings);
  const count = (severity: string) => all.filter((finding) => finding.severity === severity).length;
  return { files: files.length, errors: count('error'), warnings: count('warning'), infos: count('info') };
}

function foundCount(stderr: string): number {
  const found = /found (\d+) files? to lint/.exec(stderr);
  if (!found) throw new Error(`no --debug count in:\n${stderr}`);
  return Number(found[1]);
}

describe('--shard I/N', () => {
  it('is a realistic estate: ~200 files of both kinds, with findings, broken and skipped files', async () => {
    const { code, report } = await lintToJson(['estate'], { cwd: work });
    expect(code).toBe(1);
    const kinds = new Set(report.files.map((file) => file.kind));
    expect(kinds).toContain('create-loadbalancer');
    expect(kinds).toContain('create-master-slave-pool');
    expect(report.files.some((file) => file.path.endsWith('.http'))).toBe(true);
    expect(report.files.some((file) => file.findings.some((finding) => finding.ruleId === 'parse/invalid-json'))).toBe(true);
    expect(report.files.some((file) => file.path.includes('/misc/'))).toBe(false);
    expect(report.files.length).toBeGreaterThan(170);
    expect(report.summary.errors).toBeGreaterThan(0);
    expect(report.summary.warnings).toBeGreaterThan(0);
    expect(report.summary.infos).toBeGreaterThan(0);
  });

  it.each([1, 2, 3, 4])('N=%i: the shards are disjoint, together the unsharded report, each a complete report of its files', async (count) => {
    const full = await lintToJson(['estate'], { cwd: work });
    const shards = await shardReports(count);
    const paths = shards.flatMap(({ report }) => report.files.map((file) => file.path));
    expect(new Set(paths).size).toBe(paths.length);
    const union = shards.flatMap(({ report }) => report.files).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    expect(union).toEqual(full.report.files);
    for (const [index, { code, report }] of shards.entries()) {
      const name = `shard ${index + 1}/${count}`;
      if (count > 1) expect(report.files.length, name).toBeGreaterThan(0);
      if (count > 1) expect(report.files.length, name).toBeLessThan(full.report.files.length);
      expect(report.summary, name).toEqual(summaryOf(report.files));
      expect(code, name).toBe(report.summary.errors > 0 ? 1 : 0);
      expect(report.version).toBe(full.report.version);
      expect(report.tool).toEqual(full.report.tool);
    }
    const total = (key: keyof JsonReport['summary']) => shards.reduce((sum, { report }) => sum + report.summary[key], 0);
    for (const key of ['files', 'errors', 'warnings', 'infos'] as const) expect(total(key), key).toBe(full.report.summary[key]);
  });

  it('N=1 prints the unsharded report byte for byte', async () => {
    const full = await runCli(['-f', 'json', 'estate'], { cwd: work });
    const one = await runCli(['-f', 'json', '--shard', '1/1', 'estate'], { cwd: work });
    expect(one).toEqual(full);
  });

  it('every file found is in exactly one shard, skipped files included (--debug counts)', async () => {
    const full = await runCli(['--debug', '-f', 'json', 'estate'], { cwd: work });
    expect(foundCount(full.stderr)).toBe(COUNT);
    const shards = [];
    for (let index = 1; index <= 4; index++) shards.push(await runCli(['--debug', '-f', 'json', '--shard', `${index}/4`, 'estate'], { cwd: work }));
    shards.forEach((shard, index) => expect(shard.stderr).toMatch(new RegExp(`found \\d+ files? to lint in shard ${index + 1}/4`)));
    expect(shards.reduce((sum, shard) => sum + foundCount(shard.stderr), 0)).toBe(COUNT);
    const skipped = (stderr: string) => stderr.split('\n').filter((line) => /^elb-lint: skipped .*misc/.test(line));
    expect(shards.flatMap((shard) => skipped(shard.stderr)).sort()).toEqual(skipped(full.stderr).sort());
  });

  it('a file keeps its shard however it is named: directory, glob or path', async () => {
    const byDirectory = await shardReports(4);
    const byGlob = await shardReports(4, ['estate/**/*.json', 'estate/**/*.http']);
    expect(byGlob.map(({ report }) => report.files)).toEqual(byDirectory.map(({ report }) => report.files));
    // A few files named one by one land in the shard the directory run put them in.
    for (const [index, { report }] of byDirectory.entries()) {
      const named = report.files.slice(0, 3).map((file) => file.path);
      for (let other = 1; other <= 4; other++) {
        const { report: run } = await lintToJson(['--shard', `${other}/4`, ...named], { cwd: work });
        expect(run.files.map((file) => file.path), `shard ${other}/4`).toEqual(other === index + 1 ? named : []);
      }
    }
  });

  it('hashes the path relative to the configuration: the same shards from another working directory', async () => {
    write('rules.yaml', 'extends: recommended\nrules:\n  lb/single-az: warning\n');
    try {
      const fromRoot = await shardReports(3);
      const fromEstate = await shardReports(3, ['.'], join(work, 'estate'));
      expect(fromEstate.map(({ report }) => report.files.map((file) => `estate/${file.path}`)))
        .toEqual(fromRoot.map(({ report }) => report.files.map((file) => file.path)));
    } finally {
      rmSync(join(work, 'rules.yaml'));
    }
  });

  it('a file keeps its shard when files are added and removed (stability)', async () => {
    const shardOf = async () => {
      const assignment = new Map<string, number>();
      (await shardReports(4)).forEach(({ report }, index) => {
        for (const file of report.files) assignment.set(file.path, index + 1);
      });
      return assignment;
    };
    const before = await shardOf();
    const added: string[] = [];
    for (let i = COUNT; i < COUNT + 60; i++) {
      const [path, text] = estateFile(i);
      const renamed = i % 2 === 0 ? path.replace('estate/', 'estate/new-area/') : path;
      write(renamed, text);
      added.push(renamed);
    }
    const [removed] = [...before.keys()].filter((path) => path.endsWith('.json'));
    const removedText = readFileSync(join(work, removed!), 'utf8');
    rmSync(join(work, removed!));
    try {
      const after = await shardOf();
      let kept = 0;
      for (const [path, shard] of before) {
        if (path === removed) expect(after.has(path)).toBe(false);
        else {
          expect(after.get(path), path).toBe(shard);
          kept++;
        }
      }
      expect(kept).toBe(before.size - 1);
      expect(added.filter((path) => after.has(path)).length).toBeGreaterThan(50);
    } finally {
      for (const path of added) rmSync(join(work, path));
      write(removed!, removedText);
    }
  });

  it.each(['0/2', '3/2', 'a/b', '1/0', '0/0', '-1/2', '1.5/2', '2', '1/2/3', '', ' 1/2'])('--shard "%s" is a usage error (exit 2, message on stderr)', async (value) => {
    // A value starting with "-" can only be passed as --shard=VALUE; otherwise it reads as an option.
    const forms = value.startsWith('-') ? [[`--shard=${value}`]] : [['--shard', value], [`--shard=${value}`]];
    for (const form of forms) {
      const result = await runCli([...form, 'estate'], { cwd: work });
      expect(result.code, form.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(`elb-lint: --shard needs I/N with 1 ≤ I ≤ N, e.g. --shard 2/4, not "${value}".\nRun "elb-lint --help" for usage.\n`);
    }
  });

  it('--shard without a value is a usage error', async () => {
    const result = await runCli(['estate', '--shard'], { cwd: work });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('shard');
  });

  it('SARIF: each shard writes a log that validates like the full run, and together they are its results', async () => {
    const full = await runCli(['-f', 'sarif=full.sarif', 'estate'], { cwd: work });
    expect(full.code).toBe(1);
    const validate = sarifValidator();
    const fullLog = readJson<SarifLog>(join(work, 'full.sarif'));
    expect(validate(fullLog), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const results: SarifLog['runs'][number]['results'] = [];
    for (let index = 1; index <= 4; index++) {
      const file = `shard-${index}.sarif`;
      const run = await runCli(['--shard', `${index}/4`, '-f', `sarif=${file}`, 'estate'], { cwd: work });
      expect(run.stderr).toBe('');
      const log = readJson<SarifLog>(join(work, file));
      expect(validate(log), `${file}: ${JSON.stringify(validate.errors, null, 2)}`).toBe(true);
      expect(log.runs).toHaveLength(1);
      expect(log.runs[0]!.tool).toEqual(fullLog.runs[0]!.tool);
      expect(log.runs[0]!.results.length, file).toBeGreaterThan(0);
      results.push(...log.runs[0]!.results);
    }
    const key = (result: unknown) => JSON.stringify(result);
    expect(results.map(key).sort()).toEqual(fullLog.runs[0]!.results.map(key).sort());
    rmSync(join(work, 'full.sarif'));
    for (let index = 1; index <= 4; index++) rmSync(join(work, `shard-${index}.sarif`));
  });
});

// The CI gate, driven the way a pipeline does: `--format sarif=FILE` as GitHub code scanning takes
// it (validated against the official SARIF 2.1.0 schema, vendored in test/fixtures), workflow
// commands for GitHub Actions (`--format github`) with GitHub's escaping, and the GitLab code
// quality report (`--format gitlab`).

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LintReport } from '../../src/model.js';
import github from '../../src/reporters/github.js';
import { RULES } from '../../src/rules/index.js';
import { VERSION } from '../../src/version.js';
import { readJson, runCli } from '../support/helpers.js';
import { sarifValidator, type SarifLog } from '../support/sarif.js';

const ROOT = join(import.meta.dirname, '..', '..');

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'elb-lint-ci-'));
});
afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

/** Runs from a copy of the repository's examples/, as a workflow runs from the checkout root. */
async function lintExamples(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  cpSync(join(ROOT, 'examples'), join(work, 'examples'), { recursive: true });
  return runCli([...args, 'examples'], { cwd: work });
}

describe('--format sarif=FILE for GitHub code scanning', () => {
  it('writes a log over examples/ that the official SARIF 2.1.0 schema accepts', async () => {
    const { code, stdout } = await lintExamples(['-f', 'compact', '-f', 'sarif=out/elb-lint.sarif']);
    expect(code).toBe(1);
    expect(stdout).not.toBe('');
    const log = readJson<SarifLog>(join(work, 'out/elb-lint.sarif'));
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0]!.results.length).toBeGreaterThan(0);
  });

  it('writes a valid log when there is nothing to report', async () => {
    cpSync(join(ROOT, 'examples/templates'), join(work, 'templates'), { recursive: true });
    const { code } = await runCli(['-f', 'sarif=clean.sarif', 'templates'], { cwd: work });
    expect(code).toBe(0);
    const log = readJson<SarifLog>(join(work, 'clean.sarif'));
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(log.runs[0]!.results).toEqual([]);
    expect(log.runs[0]!.tool.driver.rules.length).toBe(RULES.length);
  });

  it('describes every rule with help text and a helpUri, and points each result at its rule', async () => {
    await lintExamples(['-f', 'sarif=elb-lint.sarif']);
    const run = readJson<SarifLog>(join(work, 'elb-lint.sarif')).runs[0]!;
    expect(run.tool.driver).toMatchObject({ name: 'elb-lint', version: VERSION });
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual(RULES.map((rule) => rule.id).sort());
    for (const rule of run.tool.driver.rules) {
      expect(rule.shortDescription.text, rule.id).not.toBe('');
      expect(rule.fullDescription.text, rule.id).not.toBe('');
      expect(rule.help.text, rule.id).not.toBe('');
      expect(rule.helpUri, rule.id).toMatch(new RegExp(`^https://.*/docs/rules/${rule.id}\\.md$`));
      expect(['error', 'warning', 'note'], rule.id).toContain(rule.defaultConfiguration.level);
    }
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex!]!.id).toBe(result.ruleId);
    }
  });

  it('names files by repository-relative URIs against %SRCROOT%', async () => {
    await lintExamples(['-f', 'sarif=elb-lint.sarif']);
    const run = readJson<SarifLog>(join(work, 'elb-lint.sarif')).runs[0]!;
    const uris = new Set(run.results.map((result) => result.locations[0]!.physicalLocation.artifactLocation));
    for (const location of uris) {
      expect(location.uriBaseId).toBe('%SRCROOT%');
      expect(location.uri).toMatch(/^examples\/[a-z0-9/-]+\.json$/);
    }
    const first = run.results.find((result) => result.locations[0]!.physicalLocation.artifactLocation.uri === 'examples/mistakes/prepaid-elastic-lb.json');
    expect(first?.locations[0]?.physicalLocation.region).toMatchObject({ startLine: 21, startColumn: 7 });
    expect(first?.locations[0]?.logicalLocations?.[0]?.fullyQualifiedName).toBe('/loadbalancer/prepaid_options/period_num');
  });

  it('percent-encodes file names that are not plain URI characters', async () => {
    writeFileSync(join(work, 'web lb #1.json'), readFileSync(join(ROOT, 'examples/mistakes/prepaid-elastic-lb.json')));
    await runCli(['-f', 'sarif=out.sarif', 'web lb #1.json'], { cwd: work });
    const log = readJson<SarifLog>(join(work, 'out.sarif'));
    expect(sarifValidator()(log)).toBe(true);
    expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('web%20lb%20%231.json');
  });

  it('gives a result with a safe fix its SARIF fixes, which applied give what --fix writes', async () => {
    const pool = readFileSync(join(ROOT, 'examples/templates/web-tcp-pool.json'), 'utf8');
    const typo = pool.replace('"protocol": "TCP"', '"protocol": "tcp"').replace('"timeout": 3', '"timeout": 7');
    writeFileSync(join(work, 'pool.json'), typo);
    await runCli(['-f', 'sarif=out.sarif', 'pool.json'], { cwd: work });
    const log = readJson<SarifLog>(join(work, 'out.sarif'));
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const results = log.runs[0]!.results;
    // Only safe fixes: the timeout finding has suggestions, which SARIF does not carry.
    expect(results.map((result) => [result.ruleId, result.fixes !== undefined])).toEqual([['schema/enum', true], ['pool/healthmonitor-timeout', false]]);
    const [change] = results[0]!.fixes![0]!.artifactChanges;
    expect(change!.artifactLocation).toEqual({ uri: 'pool.json', uriBaseId: '%SRCROOT%' });
    const [replacement] = change!.replacements;
    const { charOffset, charLength } = replacement!.deletedRegion;
    expect(typo.slice(0, charOffset) + replacement!.insertedContent.text + typo.slice(charOffset + charLength)).toBe(pool.replace('"timeout": 3', '"timeout": 7'));
  });

  it('keeps partialFingerprints when unrelated lines move', async () => {
    const original = readFileSync(join(ROOT, 'examples/mistakes/tls-pool-any-port.json'), 'utf8');
    writeFileSync(join(work, 'pool.json'), original);
    await runCli(['-f', 'sarif=before.sarif', 'pool.json'], { cwd: work });

    // Blank lines on top, and unrelated fields reordered (name and description swapped).
    const body = JSON.parse(original) as { pool: Record<string, unknown> };
    const { name, description, ...rest } = body.pool;
    const moved = `\n\n\n${JSON.stringify({ pool: { description, name, ...rest } }, null, 4)}\n`;
    writeFileSync(join(work, 'pool.json'), moved);
    await runCli(['-f', 'sarif=after.sarif', 'pool.json'], { cwd: work });

    const fingerprints = (file: string) => {
      const results = readJson<SarifLog>(join(work, file)).runs[0]!.results;
      return new Map(results.map((result) => [`${result.ruleId} ${result.locations[0]!.logicalLocations?.[0]?.fullyQualifiedName}`, { line: result.locations[0]!.physicalLocation.region.startLine, fingerprint: result.partialFingerprints['elbLintFinding/v1'] }]));
    };
    const before = fingerprints('before.sarif');
    const after = fingerprints('after.sarif');
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [key, { line, fingerprint }] of before) {
      expect(fingerprint, key).toMatch(/^[0-9a-f]{32}$/);
      expect(after.get(key)?.fingerprint, key).toBe(fingerprint);
      expect(after.get(key)?.line, key).not.toBe(line);
    }
    // …and they tell findings apart.
    expect(new Set([...before.values()].map((value) => value.fingerprint)).size).toBe(before.size);
  });
});

describe('--format github (workflow commands)', () => {
  it('annotates each finding with file, line, column, end and rule', async () => {
    const { stdout, code } = await lintExamples(['-f', 'github']);
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z]+\/[a-z0-9-]+::\S/);
    expect(lines).toContain(
      '::error file=examples/mistakes/prepaid-elastic-lb.json,line=21,col=7,endLine=21,endColumn=23,title=lb/prepaid-period::' +
        'prepaid_options.period_num is 12, but with period_type "month" it must be between 1 and 9. For 12 months use period_type "year" with period_num 1.',
    );
  });

  it('escapes % in messages, and also : and , in properties, as @actions/core does; CR and LF from the input are shown as \\r and \\n', () => {
    const report: LintReport = {
      files: [{
        path: 'dir,with:odd/100%\r\nname.json',
        kind: 'create-loadbalancer',
        findings: [{ ruleId: 'schema/enum', severity: 'warning', message: 'a: b, 50%\r\nnext line', pointer: '/x', line: 3, column: 4, endLine: 3, endColumn: 9 }],
      }],
      summary: { files: 1, errors: 0, warnings: 1, infos: 0 },
    };
    expect(github(report, { rules: RULES, toolVersion: VERSION, color: false })).toBe(
      // Control characters are escaped before the workflow-command escaping (src/text/printable.ts):
      // a line break from a body is data, not a second line of the annotation.
      '::warning file=dir%2Cwith%3Aodd/100%25\\r\\nname.json,line=3,col=4,endLine=3,endColumn=9,title=schema/enum::a: b, 50%25\\r\\nnext line\n',
    );
  });

  it.skipIf(process.platform === 'win32')('escapes real file names and messages from a run', async () => {
    // A field name with `%`, `:` and `,` is echoed by schema/unknown-field; the file name has them too.
    const name = 'odd,name:100%.json';
    writeFileSync(join(work, name), '{"loadbalancer": {"vpc_id": "3b0bd3c9-3d12-4e4e-a9cc-32d3bd1f6f39", "a:b,c%": 1}}\n');
    const { stdout } = await runCli(['-f', 'github', name], { cwd: work });
    const line = stdout.split('\n').find((entry) => entry.includes('title=schema/unknown-field'));
    expect(line).toBeDefined();
    expect(line).toMatch(/^::error file=odd%2Cname%3A100%25\.json,line=1,col=\d+,/);
    const message = line!.slice(line!.indexOf('::', 2) + 2);
    expect(message).toContain('"a:b,c%25"');
    expect(message).not.toMatch(/%(?![0-9A-F]{2})/);
  });
});

describe('--format gitlab (code quality report)', () => {
  it('lists every finding with a unique fingerprint, severity and location', async () => {
    const { code } = await lintExamples(['-f', 'compact', '-f', 'gitlab=gl-code-quality-report.json']);
    expect(code).toBe(1);
    const issues = readJson<{ type: string; description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }[]>(join(work, 'gl-code-quality-report.json'));
    const { stdout } = await runCli(['-f', 'compact', 'examples'], { cwd: work });
    expect(issues).toHaveLength(stdout.trimEnd().split('\n').length);
    expect(new Set(issues.map((issue) => issue.fingerprint)).size).toBe(issues.length);
    for (const issue of issues) {
      expect(issue.type).toBe('issue');
      expect(['major', 'minor', 'info']).toContain(issue.severity);
      expect(issue.description).not.toBe('');
      expect(issue.location.path).toMatch(/^examples\//);
      expect(issue.location.lines.begin).toBeGreaterThan(0);
    }
    expect(issues).toContainEqual(expect.objectContaining({
      check_name: 'lb/prepaid-period',
      severity: 'major',
      location: { path: 'examples/mistakes/prepaid-elastic-lb.json', lines: { begin: 21, end: 21 } },
    }));
  });

  it('writes an empty array when there is nothing to report', async () => {
    cpSync(join(ROOT, 'examples/templates'), join(work, 'templates'), { recursive: true });
    const { code } = await runCli(["-f", "gitlab=report.json", "templates"], { cwd: work });
    expect(code).toBe(0);
    expect(readJson(join(work, 'report.json'))).toEqual([]);
  });
});

// The library seam (api.md): lintText gives exactly the JSON report's entry for the same text,
// path and config, for every rule case and shipped example; loadConfig finds what the CLI finds.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFixes, ConfigError, lintFiles, lintText, loadConfig, rules, schemas, type Finding, type Kind } from '../../src/index.js';
import { RULES } from '../../src/rules/index.js';
import { caseArgs } from '../support/case-options.js';
import { lintToJson, useWorkspace } from '../support/helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');

function bodies(directory: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(directory).sort()) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) found.push(...bodies(path));
    else if (/\.(json|http)$/.test(name) && !/\.(expected|flavors|fixed)\.json$|\.fixed\.http$/.test(name)) found.push(path);
  }
  return found;
}

function option(args: string[], ...names: string[]): string | undefined {
  const index = args.findIndex((arg) => names.includes(arg));
  return index >= 0 ? args[index + 1] : undefined;
}

describe('lintText', () => {
  const files = [...bodies(join(ROOT, 'test/cases')), ...bodies(join(ROOT, 'examples'))];

  it.each(files.map((file) => [relative(ROOT, file), file]))('equals the JSON report for %s', async (_, file) => {
    const cwd = join(file, '..');
    const name = relative(cwd, file);
    const args = caseArgs(cwd, name);
    const { report } = await lintToJson([...args, name], { cwd });
    const config = await loadConfig({ cwd, configFile: option(args, '-c', '--config'), flavorsFile: option(args, '--flavors') });
    const kind = option(args, '--kind') as Kind | undefined;
    expect(lintText(readFileSync(file, 'utf8'), { filePath: name, config, ...(kind && { kind }) })).toEqual(report.files[0]);
  });

  it('uses the built-in preset without a config, names the text <text>, and never throws', () => {
    const result = lintText('{"pool": ');
    expect(result.path).toBe('<text>');
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['parse/invalid-json']);
    expect(lintText('\u0000\u0001').findings.map((finding) => finding.ruleId)).toEqual(['parse/invalid-json']);
    expect(lintText('').findings.map((finding) => finding.ruleId)).toEqual(['parse/invalid-json']);
  });

  it('frames .http and .rest texts as request files', () => {
    const http = 'POST https://elb.example.com/v3/p/elb/master-slave-pools\nContent-Type: application/json\n\n{"pool": {}}\n';
    for (const filePath of ['requests/pool.http', 'requests/pool.rest']) {
      const result = lintText(http, { filePath });
      expect(result.kind).toBe('create-master-slave-pool');
      expect(result.findings.every((finding) => finding.line === 4)).toBe(true);
    }
  });
});

describe('loadConfig', () => {
  const workspace = useWorkspace('elb-lint-library-');

  it('rejects a bad config with the file, line and column of the problem', async () => {
    workspace.write('.git/HEAD', 'ref: refs/heads/main\n');
    workspace.write('elb-lint.yaml', 'rules:\n  pool/no-such-rule: error\n');
    const error = await loadConfig({ cwd: workspace.dir, configFile: 'elb-lint.yaml' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ file: join(workspace.dir, 'elb-lint.yaml'), line: 2, column: 3 });
    expect((error as ConfigError).message).toContain('pool/no-such-rule');
  });

  it('gives lintFiles what the CLI lints, failures included', async () => {
    workspace.write('a.json', '{"pool": {}}');
    const run = await lintFiles(['a.json', 'missing.json'], { cwd: workspace.dir });
    const { report } = await lintToJson(['a.json'], { cwd: workspace.dir });
    expect(run.report).toEqual(report.files.length === 1 ? { files: report.files, summary: report.summary } : undefined);
    expect(run.failures).toHaveLength(1);
    expect(run.failures[0]).toContain('missing.json');
  });
});

describe('rules and schemas', () => {
  it('lists every rule with its metadata', () => {
    expect(rules.map((rule) => rule.id)).toEqual(RULES.map((rule) => rule.id));
    for (const rule of rules) {
      expect(rule.docs).toMatch(/^https:\/\/.+\.md$/);
      expect(typeof rule.fixable).toBe('boolean');
      expect(typeof rule.hasSuggestions).toBe('boolean');
    }
  });

  it('gives the schema of both requests', () => {
    expect(Object.keys(schemas).sort()).toEqual(['create-loadbalancer', 'create-master-slave-pool']);
    expect(schemas['create-master-slave-pool']).toHaveProperty('properties.pool');
  });
});

describe('applyFixes', () => {
  const finding = (start: number, end: number, text: string): Finding => ({
    ruleId: 'schema/enum', severity: 'error', message: 'm', pointer: '', line: 1, column: 1, endLine: 1, endColumn: 1, fix: { range: [start, end], text },
  });

  it('applies edits in offset order and leaves overlapping ones for the next pass', () => {
    const a = finding(11, 14, '"C"');
    const b = finding(1, 4, '"A"');
    const overlapping = finding(12, 13, 'x');
    const noFix: Finding = { ...finding(0, 0, ''), fix: undefined };
    const { output, fixed, remaining } = applyFixes('{"a":1,"b":"c"}', [a, b, overlapping, noFix]);
    expect(output).toBe('{"A":1,"b":"C"}');
    expect(fixed).toEqual([a, b]);
    expect(remaining).toEqual([overlapping, noFix]);
  });

  it('returns the same text when nothing applies, and ignores edits outside the text', () => {
    const text = '{"pool": {}}';
    expect(applyFixes(text, [finding(5, 100, 'x')])).toEqual({ output: text, fixed: [], remaining: [finding(5, 100, 'x')] });
  });
});

describe('a text with a byte order mark', () => {
  it('keeps the CLI positions and gives edits as offsets into the string given, mark included', () => {
    const body = '{"pool": {"protocol": "tcp"}}';
    const plain = lintText(body, { filePath: 'a.json' });
    const marked = lintText(`\ufeff${body}`, { filePath: 'a.json' });
    const enumOf = (result: ReturnType<typeof lintText>) => result.findings.find((finding) => finding.ruleId === 'schema/enum');
    expect(enumOf(marked)?.column).toBe(enumOf(plain)?.column);
    expect(enumOf(plain)?.fix).toBeDefined();
    expect(applyFixes(`\ufeff${body}`, marked.findings).output).toBe(`\ufeff${applyFixes(body, plain.findings).output}`);
  });
});

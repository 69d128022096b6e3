// The JSON report is yielded file by file (a 10,000-file report is never one string), yet its text
// must stay exactly what JSON.stringify(document, null, 2) gives: tools diff it and parse it.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarize, type FileResult, type LintReport } from '../../src/model.js';
import json from '../../src/reporters/json.js';
import { RULES } from '../../src/rules/index.js';
import { VERSION } from '../../src/version.js';
import { inPieces } from '../../src/write-file.js';
import { runCli, useWorkspace } from '../support/helpers.js';

const CONTEXT = { rules: RULES, toolVersion: VERSION, color: false };

function textOf(report: LintReport): string {
  return [...inPieces(json(report, CONTEXT))].join('');
}

/** The document as output.md defines it, written in one piece. */
function expectedText(report: LintReport): string {
  return `${JSON.stringify({ version: 1, tool: { name: 'elb-lint', version: VERSION }, files: report.files, summary: report.summary }, null, 2)}\n`;
}

const FILES: FileResult[] = [
  { path: 'a.json', kind: 'create-loadbalancer', findings: [] },
  {
    path: 'dir/b "quoted"\n.json',
    kind: null,
    findings: [
      { ruleId: 'schema/unknown-field', severity: 'error', message: 'line one\nline two – "quoted" 名字', pointer: '/pool/nmae', line: 3, column: 5, endLine: 3, endColumn: 17, suggestion: 'name' },
      { ruleId: 'pool/any-port', severity: 'warning', message: 'm', pointer: '', line: 1, column: 1, endLine: 1, endColumn: 1 },
    ],
  },
  // Files without findings take a shorter way to the same text.
  { path: 'clean "q" \\ \u2028\u0007 名字.json', kind: null, findings: [] },
  { path: 'pools/p.json', kind: 'create-master-slave-pool', findings: [] },
  { path: 'fixed.json', kind: 'create-loadbalancer', findings: [], output: '{ "loadbalancer": {} }\n' },
  // Fixes, suggestions and the fixed text of a dry run, each with its own nesting.
  {
    path: 'pools/fixable.json',
    kind: 'create-master-slave-pool',
    findings: [
      { ruleId: 'schema/enum', severity: 'error', message: 'protocol "tcp"', pointer: '/pool/protocol', line: 2, column: 15, endLine: 2, endColumn: 20, fix: { range: [27, 32], text: '"TCP"' } },
      {
        ruleId: 'schema/unknown-field', severity: 'warning', message: 'm', pointer: '/pool/nmae', line: 3, column: 5, endLine: 3, endColumn: 11, suggestion: 'name',
        suggestions: [{ desc: 'Rename "nmae" to "name"', fix: { range: [40, 46], text: '"name"' } }, { desc: 'Remove "nmae"\n', fix: { range: [38, 60], text: '' } }],
      },
    ],
    output: '{\n  "pool": { "protocol": "TCP" }\n}\n',
  },
];

describe('the JSON report, written in pieces', () => {
  it('is byte for byte JSON.stringify of the document, for no file, one file and several', () => {
    for (const files of [[], FILES.slice(0, 1), FILES]) {
      const report = { files, summary: summarize(files) };
      expect(textOf(report)).toBe(expectedText(report));
    }
  });

  it('writes any file entry as JSON.stringify would (fast-check)', () => {
    const textArb = fc.string({ unit: 'binary', maxLength: 12 });
    const edit = fc.record({ range: fc.tuple(fc.nat(), fc.nat()), text: textArb });
    const finding = fc.record(
      {
        ruleId: textArb, severity: fc.constantFrom('error', 'warning', 'info'), message: textArb, pointer: textArb,
        line: fc.nat(), column: fc.nat(), endLine: fc.nat(), endColumn: fc.nat(),
        suggestion: textArb, fix: edit, suggestions: fc.array(fc.record({ desc: textArb, fix: edit }), { maxLength: 3 }),
      },
      { requiredKeys: ['ruleId', 'severity', 'message', 'pointer', 'line', 'column', 'endLine', 'endColumn'] },
    );
    const file = fc.record(
      { path: textArb, kind: fc.constantFrom('create-loadbalancer', 'create-master-slave-pool', null), findings: fc.array(finding, { maxLength: 3 }), output: textArb },
      { requiredKeys: ['path', 'kind', 'findings'] },
    );
    fc.assert(
      fc.property(fc.array(file, { maxLength: 3 }), (files) => {
        const report = { files: files as FileResult[], summary: summarize(files as FileResult[]) };
        expect(textOf(report)).toBe(expectedText(report));
      }),
      { numRuns: 300 },
    );
  });

  it('is gathered into pieces of about 64 KiB, and the same text whatever the piece size', () => {
    const files = Array.from({ length: 3000 }, (_, index): FileResult => ({ ...FILES[1]!, path: `f${index}.json` }));
    const report = { files, summary: summarize(files) };
    const pieces = [...inPieces(json(report, CONTEXT))];
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces.slice(0, -1)) expect(piece.length).toBeGreaterThanOrEqual(64 * 1024);
    expect(pieces.join('')).toBe(expectedText(report));
    expect([...inPieces(json(report, CONTEXT), 1)].join('')).toBe(pieces.join(''));
  });

  const workspace = useWorkspace('elb-lint-json-');

  it('is the same on stdout and in a file, from the CLI', async () => {
    for (let index = 0; index < 300; index++) workspace.write(`t/${index}.json`, index % 3 === 0 ? '{"pool": {"nmae": 1}}' : '{"pool": {}}');
    const toStdout = await runCli(['--format', 'json', 't'], { cwd: workspace.dir });
    const toFile = await runCli(['--format', 'json=out/report.json', 't'], { cwd: workspace.dir });
    expect(toFile.code).toBe(toStdout.code);
    expect(readFileSync(join(workspace.dir, 'out/report.json'), 'utf8')).toBe(toStdout.stdout);
    const report = JSON.parse(toStdout.stdout) as LintReport;
    expect(report.files).toHaveLength(300);
    expect(toStdout.stdout).toBe(expectedText(report));
  });
});

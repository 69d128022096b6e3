// Quick fixes and fix-all through the stdio client, against the CLI (editor.md, "Code actions"):
// for every rule case and example, `source.fixAll.elb-lint` gives exactly the text that
// `elb-lint --fix-dry-run` gives, and each finding's safe fix and suggestions are offered as
// quick fixes whose edits are the finding's own.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyFixes, type Finding } from '../../src/index.js';
import { lintToJson, type JsonFinding } from '../support/helpers.js';
import { ROOT, TestClient } from './client.js';

function bodies(directory: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(directory).sort()) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) found.push(...bodies(path));
    else if (/\.(json|http)$/.test(name) && !/\.(expected|flavors|fixed)\.(json|http)$/.test(name) && !name.endsWith('flavors.json') && !readdirSync(directory).includes(name.replace(/\.(json|http)$/, '.args'))) found.push(path);
  }
  return found;
}

function apply(document: TextDocument, action: CodeAction | undefined): string {
  const change = action?.edit?.documentChanges?.[0] as { textDocument: { uri: string; version: number }; edits: TextEdit[] } | undefined;
  expect(change?.textDocument).toEqual({ uri: document.uri, version: document.version });
  return TextDocument.applyEdits(document, change?.edits ?? []);
}

interface Case {
  file: string;
  text: string;
  uri: string;
  findings: JsonFinding[];
  /** What `elb-lint --fix-dry-run` makes of it. */
  fixed: string;
}

describe('code actions against --fix', () => {
  const files = [...bodies(join(ROOT, 'test/cases')), ...bodies(join(ROOT, 'examples'))];
  const cases: Case[] = [];
  let client: TestClient;

  beforeAll(async () => {
    const byDirectory = new Map<string, string[]>();
    for (const file of files) byDirectory.set(dirname(file), [...(byDirectory.get(dirname(file)) ?? []), file]);
    client = await TestClient.start({ root: ROOT });
    for (const [directory, inDirectory] of byDirectory) {
      const names = inDirectory.map((file) => relative(directory, file));
      const [{ report }, { report: fixedReport }] = await Promise.all([lintToJson(names, { cwd: directory }), lintToJson(['--fix-dry-run', ...names], { cwd: directory })]);
      for (const [index, result] of report.files.entries()) {
        if (result.kind === null) continue;
        const file = join(directory, result.path);
        const text = readFileSync(file, 'utf8');
        const uri = client.open(file, text, file.endsWith('.http') ? 'http' : 'json');
        cases.push({ file, text, uri, findings: result.findings, fixed: fixedReport.files[index]?.output ?? text });
      }
    }
  }, 60_000);
  afterAll(() => client?.kill());

  it('covers cases with safe fixes and with suggestions', () => {
    expect(cases.filter((entry) => entry.fixed !== entry.text).length).toBeGreaterThanOrEqual(10);
    expect(cases.some((entry) => entry.findings.some((finding) => (finding.suggestions ?? []).length > 0))).toBe(true);
  });

  it('source.fixAll.elb-lint gives the text --fix gives, and nothing when there is nothing to fix', async () => {
    for (const entry of cases) {
      await client.diagnosticsFor(entry.uri);
      const document = TextDocument.create(entry.uri, 'json', 1, entry.text);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: entry.uri },
        range: { start: { line: 0, character: 0 }, end: document.positionAt(entry.text.length) },
        context: { diagnostics: [], only: ['source.fixAll.elb-lint'] },
      });
      const name = relative(ROOT, entry.file);
      if (entry.fixed === entry.text) expect(actions, name).toEqual([]);
      else {
        expect(actions.map((action) => action.kind), name).toEqual(['source.fixAll.elb-lint']);
        expect(apply(document, actions[0]), name).toBe(entry.fixed);
      }
    }
  });

  it("offers each finding's safe fix (preferred) and suggestions as quick fixes with the finding's own edits", async () => {
    for (const entry of cases) {
      const published = await client.diagnosticsFor(entry.uri);
      const document = TextDocument.create(entry.uri, 'json', 1, entry.text);
      for (const [index, finding] of entry.findings.entries()) {
        const diagnostic = published.diagnostics[index];
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
          textDocument: { uri: entry.uri },
          range: diagnostic?.range,
          context: { diagnostics: [diagnostic], only: ['quickfix'] },
        });
        // Actions of this finding (others may overlap its range).
        const own = actions.filter((action) => action.diagnostics?.some((d) => d.code === finding.ruleId && d.message === finding.message));
        const expected = [
          ...(finding.fix ? [{ preferred: true, text: applyFixes(entry.text, [finding as Finding]).output }] : []),
          ...(finding.suggestions ?? []).map((suggestion) => ({ preferred: false, text: entry.text.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + entry.text.slice(suggestion.fix.range[1]) })),
        ];
        expect(own.map((action) => ({ preferred: action.isPreferred === true, text: apply(document, action) })), `${relative(ROOT, entry.file)} ${finding.ruleId}`).toEqual(expected);
      }
    }
  });
});

describe('a quick fix in a live document', () => {
  let client: TestClient | undefined;
  afterAll(() => client?.kill());

  it('is computed for the current version, and applying it clears the diagnostic', async () => {
    client = await TestClient.start({ root: ROOT });
    const file = join(ROOT, 'test/lsp/unsaved-pool.json');
    const text = '{\n  "pool": {\n    "lb_algorithm": "round_robin",\n    "protocol": "TCP",\n    "listener_id": "0b11747a-b139-492f-9692-2df0b1c87193",\n    "type": "ip",\n    "members": [\n      { "protocol_port": 89, "address": "10.0.0.16", "role": "master" },\n      { "protocol_port": 89, "address": "10.0.0.17", "role": "slave" }\n    ],\n    "healthmonitor": { "max_retries": 3, "type": "TCP", "timeout": 3, "delay": 5 }\n  }\n}\n';
    const uri = client.open(file, '{}');
    await client.diagnosticsFor(uri);
    // Typed in, then a quick fix asked for at once, before the debounced lint: it is for version 2.
    const version = client.change(uri, text);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 2, character: 22 }, end: { line: 2, character: 22 } },
      context: { diagnostics: [] },
    });
    const preferred = actions.find((action) => action.isPreferred);
    expect(preferred?.title).toBe('Replace "round_robin" with "ROUND_ROBIN" (schema/enum)');
    const fixed = apply(TextDocument.create(uri, 'json', version, text), preferred);
    expect(fixed).toBe(text.replace('"round_robin"', '"ROUND_ROBIN"'));
    const from = client.diagnostics.length;
    client.change(uri, fixed);
    expect((await client.diagnosticsFor(uri, from)).diagnostics).toEqual([]);
  });
});

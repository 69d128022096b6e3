// The language server through a real stdio client (editor.md, "Documents" and "Diagnostics"):
// the same findings as `elb-lint --format json` for every rule case and example, ranges, severity,
// code and docs link; versions, debouncing, clearing on close; which documents are linted.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { rules } from '../../src/index.js';
import { lintToJson, useWorkspace } from '../support/helpers.js';
import { ROOT, TestClient } from './client.js';
import { expectedDiagnostic } from './expected.js';

const DOCS = new Map(rules.map((rule) => [rule.id, rule.docs]));

function bodies(directory: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(directory).sort()) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) found.push(...bodies(path));
    // A case with an .args file needs command-line options (--kind, --flavors) a document has no way to say.
    else if (/\.(json|http)$/.test(name) && !/\.(expected|flavors)\.json$/.test(name) && !readdirSync(directory).includes(name.replace(/\.(json|http)$/, '.args'))) found.push(path);
  }
  return found;
}

describe('every rule case and example, as the CLI reports it', () => {
  const files = [...bodies(join(ROOT, 'test/cases')), ...bodies(join(ROOT, 'examples'))].filter((file) => !file.endsWith('flavors.json'));
  let client: TestClient;
  const expected = new Map<string, Diagnostic[]>();
  const uris = new Map<string, string>();

  beforeAll(async () => {
    // The CLI from each file's directory, so both find the same nearest config.
    const byDirectory = new Map<string, string[]>();
    for (const file of files) byDirectory.set(dirname(file), [...(byDirectory.get(dirname(file)) ?? []), file]);
    for (const [directory, inDirectory] of byDirectory) {
      const { report } = await lintToJson(inDirectory.map((file) => relative(directory, file)), { cwd: directory });
      for (const result of report.files) {
        // Bodies only: what is not one gets input/unknown-kind when named, and nothing in the editor (tested below).
        if (result.kind === null) continue;
        const file = join(directory, result.path);
        expected.set(file, result.findings.map((finding) => expectedDiagnostic(finding, readFileSync(file, 'utf8'))));
      }
    }
    client = await TestClient.start({ root: ROOT });
    for (const file of expected.keys()) uris.set(file, client.open(file, readFileSync(file, 'utf8'), file.endsWith('.http') ? 'http' : 'json'));
  }, 60_000);
  afterAll(() => client?.kill());

  it('covers the rule cases and examples', () => {
    expect(expected.size).toBeGreaterThan(files.length / 2);
    expect([...expected.keys()].some((file) => file.endsWith('.http'))).toBe(true);
  });

  it('publishes, for each, the CLI findings as diagnostics in the same order', async () => {
    for (const [file, diagnostics] of expected) {
      const published = await client.diagnosticsFor(uris.get(file) as string);
      expect({ file: relative(ROOT, file), diagnostics: published.diagnostics }).toEqual({ file: relative(ROOT, file), diagnostics });
    }
  });
});

describe('documents', () => {
  const workspace = useWorkspace('elb-lint-lsp-');
  let client: TestClient | undefined;
  afterEach(() => client?.kill());
  const start = async () => (client = await TestClient.start({ root: workspace.dir }));
  const BAD = '{\n  "loadbalancer": {\n    "name": "x",\n    "vip_subnet_cidr_id": "c4a3b2e1-0f9e-4d8c-b7a6-958473625140",\n    "availability_zone_list": ["az1"],\n    "description": 5\n  }\n}\n';

  it('lints an unsaved buffer of a file that is not on disk, with version and source', async () => {
    const c = await start();
    const uri = c.open(join(workspace.dir, 'new.json'), BAD);
    const published = await c.diagnosticsFor(uri);
    expect(published.version).toBe(1);
    expect(published.diagnostics.length).toBeGreaterThan(0);
    expect(published.diagnostics.every((d) => d.source === 'elb-lint' && typeof d.code === 'string' && d.codeDescription?.href === DOCS.get(d.code))).toBe(true);
  });

  it('lints an untitled: document with the workspace folder config', async () => {
    workspace.write('rules.yaml', 'extends: recommended\nrules:\n  lb/single-az: off\n');
    const c = await start();
    const uri = c.open('untitled:Untitled-1', BAD);
    const published = await c.diagnosticsFor(uri);
    expect(published.diagnostics.map((d) => d.code)).not.toContain('lb/single-az');
    expect(published.diagnostics.length).toBeGreaterThan(0);
    const untitledHttp = c.open('untitled:Untitled-2', `POST https://elb.example.com/v3/p/elb/loadbalancers\nContent-Type: application/json\n\n${BAD}`, 'http');
    const http = await c.diagnosticsFor(untitledHttp);
    expect(http.diagnostics.map((d) => d.code)).toEqual(published.diagnostics.map((d) => d.code));
    expect(http.diagnostics[0]?.range.start.line).toBe((published.diagnostics[0]?.range.start.line ?? 0) + 3);
  });

  it('lints .http and .rest files, the same as the CLI', async () => {
    const text = `### create\nPOST https://elb.example.com/v3/p/elb/loadbalancers\nContent-Type: application/json\n\n${BAD}`;
    workspace.write('requests/lb.http', text);
    workspace.write('requests/lb.rest', text);
    const c = await start();
    const { report } = await lintToJson(['requests/lb.http', 'requests/lb.rest'], { cwd: workspace.dir });
    for (const [index, name] of ['requests/lb.http', 'requests/lb.rest'].entries()) {
      const uri = c.open(join(workspace.dir, name), text, 'http');
      const published = await c.diagnosticsFor(uri);
      expect(published.diagnostics).toEqual(report.files[index]?.findings.map((finding) => expectedDiagnostic(finding, text)));
      expect(published.diagnostics.length).toBeGreaterThan(0);
    }
  });

  it('gives a package.json, a tsconfig.json and a GET-only .http file no diagnostics', async () => {
    const c = await start();
    for (const [name, text, language] of [
      ['package.json', '{ "name": "x", "version": "1.0.0" }', 'json'],
      ['tsconfig.json', '{ "compilerOptions": { "strict": true } }', 'json'],
      ['get.http', 'GET https://elb.example.com/v3/p/elb/loadbalancers\n', 'http'],
      ['notes.txt', '{"loadbalancer": {}}', 'plaintext'],
    ] as const) {
      const uri = c.open(join(workspace.dir, name), text, language);
      expect((await c.diagnosticsFor(uri)).diagnostics).toEqual([]);
    }
  });

  it('lints a file that the config includes or maps to a kind, whatever its language', async () => {
    workspace.write('rules.yaml', 'include: ["bodies/**/*.body"]\nkinds:\n  "pools/*.txt": create-master-slave-pool\n');
    const c = await start();
    const body = c.open(join(workspace.dir, 'bodies/lb.body'), BAD, 'plaintext');
    expect((await c.diagnosticsFor(body)).diagnostics.length).toBeGreaterThan(0);
    const pool = c.open(join(workspace.dir, 'pools/p.txt'), '{}', 'plaintext');
    expect((await c.diagnosticsFor(pool)).diagnostics.map((d) => d.code)).toContain('schema/required');
  });

  it('leaves a document the config ignores alone', async () => {
    workspace.write('rules.yaml', 'ignore: ["legacy/**"]\n');
    const c = await start();
    const uri = c.open(join(workspace.dir, 'legacy/lb.json'), BAD);
    expect((await c.diagnosticsFor(uri)).diagnostics).toEqual([]);
  });

  it('debounces changes: one publish, for the last version only', async () => {
    const c = await start();
    const uri = c.open(join(workspace.dir, 'lb.json'), BAD);
    await c.diagnosticsFor(uri);
    const from = c.diagnostics.length;
    // Three keystrokes sent together: the debounce lints only the last.
    c.change(uri, [{ range: { start: { line: 2, character: 13 }, end: { line: 2, character: 13 } }, text: 'y' }]);
    c.change(uri, [{ range: { start: { line: 2, character: 14 }, end: { line: 2, character: 14 } }, text: 'z' }]);
    const last = c.change(uri, [{ range: { start: { line: 2, character: 15 }, end: { line: 2, character: 15 } }, text: '!' }]);
    const published = await c.diagnosticsFor(uri, from);
    expect(published.version).toBe(last);
    expect(c.diagnostics.slice(from).filter((params) => params.uri === uri).map((params) => params.version)).toEqual([last]);
    // The edit shows: a name with "!" is still a string, so the same rules fire, with the same ranges except on that line.
    expect(published.diagnostics.length).toBeGreaterThan(0);
  });

  it('re-lints on didSave and clears the diagnostics on didClose', async () => {
    const c = await start();
    const uri = c.open(join(workspace.dir, 'lb.json'), BAD);
    const first = await c.diagnosticsFor(uri);
    let from = c.diagnostics.length;
    c.save(uri);
    expect((await c.diagnosticsFor(uri, from)).diagnostics).toEqual(first.diagnostics);
    from = c.diagnostics.length;
    c.close(uri);
    const cleared = await c.waitForDiagnostics(uri, () => true, from);
    expect(cleared.diagnostics).toEqual([]);
  });

  it('with run: onSave, lints on open and save only', async () => {
    client = await TestClient.start({ root: workspace.dir, initializationOptions: { run: 'onSave' } });
    const uri = client.open(join(workspace.dir, 'lb.json'), BAD);
    await client.diagnosticsFor(uri);
    const from = client.diagnostics.length;
    const version = client.change(uri, '{"pool": {}}');
    // No lint follows the change; the save brings the diagnostics of the changed text.
    await new Promise((done) => setTimeout(done, 500));
    expect(client.diagnostics.length).toBe(from);
    client.save(uri);
    const published = await client.diagnosticsFor(uri, from);
    expect(published.version).toBe(version);
    expect(published.diagnostics.map((d) => d.code)).toContain('schema/required');
  });

  it('covers the first line with a file-level finding', async () => {
    const c = await start();
    const text = `{"loadbalancer": ${'['.repeat(100_000)}`;
    const uri = c.open(join(workspace.dir, 'deep.json'), text);
    const published = await c.diagnosticsFor(uri);
    expect(published.diagnostics.length).toBeGreaterThan(0);
    const big = c.open(join(workspace.dir, 'big.json'), `{"loadbalancer": {"name": "${'a'.repeat(10 * 1024 * 1024)}"}}\nsecond line`);
    const tooLarge = await c.diagnosticsFor(big);
    expect(tooLarge.diagnostics).toHaveLength(1);
    expect(tooLarge.diagnostics[0]).toMatchObject({ code: 'parse/invalid-json', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 10 * 1024 * 1024 + 30 } } });
  });
});

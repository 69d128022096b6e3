// The config in the editor (editor.md, "Config"): the nearest config file applies, a change to it
// or to its flavor catalog (didChangeWatchedFiles, or saved in the editor) re-lints every open
// document, and a broken one is a diagnostic on the config file plus a log line while documents
// fall back to the built-in preset, with no pop-up.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileChangeType } from 'vscode-languageserver-protocol';
import { lintText } from '../../src/index.js';
import { runCli, useWorkspace } from '../support/helpers.js';
import { fileUri, ROOT, TestClient } from './client.js';
import { expectedDiagnostic } from './expected.js';

const BODY = '{\n  "loadbalancer": {\n    "name": "x",\n    "vip_subnet_cidr_id": "c4a3b2e1-0f9e-4d8c-b7a6-958473625140",\n    "availability_zone_list": ["az1"],\n    "description": 5\n  }\n}\n';

describe('config', () => {
  const workspace = useWorkspace('elb-lint-lsp-config-');
  let client: TestClient | undefined;
  afterEach(() => client?.kill());
  const codes = (params: { diagnostics: { code?: unknown }[] }) => params.diagnostics.map((d) => d.code);

  it('uses the nearest config file, and re-lints open documents when it changes on disk', async () => {
    workspace.write('rules.yaml', 'rules:\n  lb/single-az: off\n');
    workspace.write('sub/rules.yaml', 'rules:\n  schema/type: off\n');
    client = await TestClient.start({ root: workspace.dir });
    const top = client.open(join(workspace.dir, 'lb.json'), BODY);
    const nested = client.open(join(workspace.dir, 'sub/deeper/lb.json'), BODY);
    expect(codes(await client.diagnosticsFor(top))).toEqual(['schema/type']);
    expect(codes(await client.diagnosticsFor(nested))).toEqual(['lb/single-az']);

    const from = client.diagnostics.length;
    workspace.write('rules.yaml', 'rules:\n  lb/single-az: error\n');
    workspace.write('sub/rules.yaml', 'rules:\n  schema/type: warning\n');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(workspace.dir, 'rules.yaml')), type: FileChangeType.Changed }] });
    const relinted = await client.waitForDiagnostics(top, (params) => params.diagnostics.length === 2, from);
    expect(relinted.diagnostics.map((d) => [d.code, d.severity])).toEqual([['lb/single-az', 1], ['schema/type', 1]]);
    // Every open document, not only those below the file that changed.
    const other = await client.waitForDiagnostics(nested, (params) => params.diagnostics.length === 2, from);
    expect(other.diagnostics.map((d) => [d.code, d.severity])).toEqual([['lb/single-az', 3], ['schema/type', 2]]);
    expect(client.shownMessages).toEqual([]);
  });

  it('asks the client to watch config files and the flavor catalog', async () => {
    workspace.write('rules.yaml', 'flavors: catalog/flavors.json\n');
    workspace.write('catalog/flavors.json', readFileSync(join(ROOT, 'examples/flavors.json'), 'utf8'));
    client = await TestClient.start({ root: workspace.dir });
    await client.diagnosticsFor(client.open(join(workspace.dir, 'lb.json'), BODY));
    const watched = () => JSON.stringify(client?.registrations);
    await client.waitFor(() => (watched().includes('flavors.json') ? true : undefined), 'a watcher for the catalog');
    expect(watched()).toContain('**/{.elb-lint.yaml,elb-lint.yaml,rules.yaml}');
  });

  it('re-lints when the flavor catalog changes', async () => {
    const caseDir = join(ROOT, 'test/cases/lb/flavor-catalog/invalid');
    const body = readFileSync(join(caseDir, 'unknown-l4-flavor-id.json'), 'utf8');
    const catalog = JSON.parse(readFileSync(join(caseDir, 'catalog.flavors.json'), 'utf8')) as { flavors: Record<string, unknown>[] };
    workspace.write('rules.yaml', 'flavors: catalog.flavors.json\n');
    workspace.write('catalog.flavors.json', JSON.stringify(catalog));
    client = await TestClient.start({ root: workspace.dir });
    const uri = client.open(join(workspace.dir, 'lb.json'), body);
    expect(codes(await client.diagnosticsFor(uri))).toContain('lb/flavor-catalog');

    // The catalog gains the flavor the body names.
    const id = (JSON.parse(body) as { loadbalancer: { l4_flavor_id: string } }).loadbalancer.l4_flavor_id;
    const l4 = catalog.flavors.find((flavor) => flavor.type === 'L4') as Record<string, unknown>;
    workspace.write('catalog.flavors.json', JSON.stringify({ flavors: [...catalog.flavors, { ...l4, id }] }));
    const from = client.diagnostics.length;
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(workspace.dir, 'catalog.flavors.json')), type: FileChangeType.Changed }] });
    const relinted = await client.waitForDiagnostics(uri, () => true, from);
    expect(codes(relinted)).not.toContain('lb/flavor-catalog');
  });

  it('reloads when the config file is saved in the editor', async () => {
    workspace.write('rules.yaml', 'rules:\n  lb/single-az: off\n');
    client = await TestClient.start({ root: workspace.dir });
    const uri = client.open(join(workspace.dir, 'lb.json'), BODY);
    expect(codes(await client.diagnosticsFor(uri))).toEqual(['schema/type']);
    const config = client.open(join(workspace.dir, 'rules.yaml'), 'rules:\n  lb/single-az: off\n', 'yaml');
    const from = client.diagnostics.length;
    workspace.write('rules.yaml', 'rules:\n  schema/type: off\n');
    client.save(config);
    expect(codes(await client.waitForDiagnostics(uri, () => true, from))).toEqual(['lb/single-az']);
  });

  it('shows a broken config on the config file, logs it, and lints with the built-in preset meanwhile', async () => {
    const broken = 'rules:\n  lb/single-az: off\n  lb/no-such-rule: error\n';
    workspace.write('rules.yaml', broken);
    client = await TestClient.start({ root: workspace.dir });
    const uri = client.open(join(workspace.dir, 'lb.json'), BODY);
    const published = await client.diagnosticsFor(uri);
    // The built-in preset: lb/single-az is on again.
    expect(published.diagnostics).toEqual(lintText(BODY).findings.map((finding) => expectedDiagnostic(finding, BODY)));
    expect(codes(published)).toContain('lb/single-az');

    const configUri = fileUri(join(workspace.dir, 'rules.yaml'));
    const onConfig = await client.waitForDiagnostics(configUri);
    expect(onConfig.diagnostics).toHaveLength(1);
    expect(onConfig.diagnostics[0]).toMatchObject({ severity: 1, source: 'elb-lint', range: { start: { line: 2, character: 2 }, end: { line: 2, character: 24 } } });
    expect(onConfig.diagnostics[0]?.message).toContain('lb/no-such-rule');
    const logged = await client.waitFor(() => client?.logs.find((log) => log.type === 1 && log.message.includes('lb/no-such-rule')), 'a log line');
    expect(logged.message).toContain('built-in recommended preset');
    expect(client.shownMessages).toEqual([]);

    // Fixed and saved in the editor: the config diagnostic goes, the config applies.
    const configDocument = client.open(join(workspace.dir, 'rules.yaml'), broken, 'yaml');
    const from = client.diagnostics.length;
    workspace.write('rules.yaml', 'rules:\n  lb/single-az: off\n');
    client.change(configDocument, 'rules:\n  lb/single-az: off\n');
    client.save(configDocument);
    expect((await client.waitForDiagnostics(configUri, (params) => params.diagnostics.length === 0, from)).diagnostics).toEqual([]);
    expect(codes(await client.waitForDiagnostics(uri, () => true, from))).toEqual(['schema/type']);
  });

  it('treats a hostile config as the CLI does: the same error at the same place, never a crash', async () => {
    // A "billion laughs" YAML (9^9 strings if expanded) and a reserved key, under keys elb-lint knows.
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    for (const hostile of [`kinds:\n  ${levels.join('\n  ')}\n`, 'rules:\n  __proto__: off\n']) {
      workspace.write('rules.yaml', hostile);
      workspace.write('lb.json', BODY);
      const cli = await runCli(['lb.json'], { cwd: workspace.dir });
      expect(cli.code).toBe(2);
      const [, line, column, message] = /^rules\.yaml:(\d+):(\d+): (.*)$/m.exec(cli.stderr) ?? [];
      client?.kill();
      client = await TestClient.start({ root: workspace.dir });
      const uri = client.open(join(workspace.dir, 'lb.json'), BODY);
      expect(codes(await client.diagnosticsFor(uri))).toContain('lb/single-az');
      const onConfig = await client.waitForDiagnostics(fileUri(join(workspace.dir, 'rules.yaml')));
      expect(onConfig.diagnostics).toHaveLength(1);
      expect(onConfig.diagnostics[0]).toMatchObject({ message, range: { start: { line: Number(line) - 1, character: Number(column) - 1 } } });
      expect(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } })).toBeNull();
    }
  });

  it('takes the configFile setting, relative to the workspace folder', async () => {
    workspace.write('ci/elb-lint.yaml', 'rules:\n  schema/type: off\n');
    workspace.write('rules.yaml', 'rules:\n  lb/single-az: off\n');
    client = await TestClient.start({ root: workspace.dir, initializationOptions: { configFile: 'ci/elb-lint.yaml' } });
    const uri = client.open(join(workspace.dir, 'lb.json'), BODY);
    expect(codes(await client.diagnosticsFor(uri))).toEqual(['lb/single-az']);
    const from = client.diagnostics.length;
    client.notify('workspace/didChangeConfiguration', { settings: { 'elb-lint': { configFile: null } } });
    expect(codes(await client.waitForDiagnostics(uri, () => true, from))).toEqual(['schema/type']);
  });
});

// The server never goes down (editor.md, "Robustness"): a malformed message, an unknown method,
// huge, binary and deeply nested documents each get an error response or a diagnostic, and the
// next request is served. It writes nothing but the protocol on stdout and exits only on
// shutdown + exit (code 0) or when its client goes away.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCodes } from 'vscode-languageserver-protocol';
import { lintToJson, useWorkspace } from '../support/helpers.js';
import { SERVER, TestClient } from './client.js';
import { expectedDiagnostic } from './expected.js';

const BODY = '{\n  "loadbalancer": {\n    "name": "x",\n    "vip_subnet_cidr_id": "c4a3b2e1-0f9e-4d8c-b7a6-958473625140",\n    "availability_zone_list": ["az1"],\n    "description": 5\n  }\n}\n';

describe('robustness', () => {
  const workspace = useWorkspace('elb-lint-lsp-robust-');
  let client: TestClient | undefined;
  afterEach(() => {
    // Whatever happened, the server's stdout carried only well-formed protocol messages.
    expect(client?.protocolErrors ?? []).toEqual([]);
    client?.kill();
  });

  /** A request that needs the server alive and working: the hover over a known finding. */
  async function stillServes(c: TestClient): Promise<void> {
    const uri = c.open(join(workspace.dir, `probe-${c.diagnostics.length}.json`), BODY);
    const published = await c.diagnosticsFor(uri);
    const hover = await c.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: published.diagnostics[0]?.range.start });
    expect(hover?.contents.value).toContain('elb-lint');
  }

  it('answers an unknown method with MethodNotFound and keeps serving', async () => {
    client = await TestClient.start({ root: workspace.dir });
    await expect(client.request('elb-lint/noSuchMethod', {})).rejects.toMatchObject({ code: ErrorCodes.MethodNotFound });
    client.notify('elb-lint/noSuchNotification', { x: 1 });
    await stillServes(client);
  });

  it('survives malformed messages: bad JSON, a bad header, a message that is not JSON-RPC', async () => {
    client = await TestClient.start({ root: workspace.dir });
    const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    client.writeRaw(frame('{this is not json'));
    client.writeRaw('X-Unknown-Header: 1\r\n\r\n');
    client.writeRaw('Content-Length: many\r\n\r\n');
    client.writeRaw(frame('{"jsonrpc":"2.0","id":77,"method":42}'));
    client.writeRaw(frame('[1,2,3]'));
    client.writeRaw(frame('{"jsonrpc":"2.0","id":78,"method":"textDocument/hover","params":{"textDocument":42}}'));
    client.writeRaw(frame('{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":5}}}'));
    client.writeRaw(frame('{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///not/open.json","version":2},"contentChanges":[{"text":"x"}]}}'));
    await stillServes(client);
    expect(client.process.exitCode).toBeNull();
  });

  it('answers requests about unknown documents and with bad params without failing', async () => {
    client = await TestClient.start({ root: workspace.dir });
    const unknown = { textDocument: { uri: 'file:///nowhere/x.json' } };
    expect(await client.request('textDocument/codeAction', { ...unknown, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } })).toEqual([]);
    expect(await client.request('textDocument/hover', { ...unknown, position: { line: 0, character: 0 } })).toBeNull();
    const settled = await Promise.allSettled([client.request('textDocument/hover', {}), client.request('textDocument/codeAction', { textDocument: {} })]);
    expect(settled.every((outcome) => outcome.status === 'fulfilled' || typeof (outcome.reason as { code?: unknown }).code === 'number')).toBe(true);
    await stillServes(client);
  });

  it('lints a 3 MB document as the CLI does', async () => {
    const tags = Array.from({ length: 40_000 }, (_, index) => `      { "key": "team-${index}", "value": "${'v'.repeat(40)}" }`);
    const text = BODY.replace('"description": 5', `"description": 5,\n    "tags": [\n${tags.join(',\n')}\n    ]`);
    expect(text.length).toBeGreaterThan(3 * 1024 * 1024);
    workspace.write('big.json', text);
    const { report } = await lintToJson(['big.json'], { cwd: workspace.dir });
    client = await TestClient.start({ root: workspace.dir });
    const uri = client.open(join(workspace.dir, 'big.json'), text);
    const published = await client.diagnosticsFor(uri);
    expect(published.diagnostics).toEqual(report.files[0]?.findings.map((finding) => expectedDiagnostic(finding, text)));
    expect(published.diagnostics.length).toBeGreaterThan(0);
    await stillServes(client);
  });

  it('gives binary, 10 MB and too deeply nested documents a diagnostic or nothing, and keeps serving', async () => {
    client = await TestClient.start({ root: workspace.dir });
    const cases: [string, string, string | undefined][] = [
      ['binary.json', '\u0000\u0001\u0002\u00ff\ufffd'.repeat(1000), undefined],
      ['binary-body.json', `{"loadbalancer": {"name": "a\u0000b"}}`, 'parse/invalid-json'],
      ['huge.json', `{"loadbalancer": {"description": "${'x'.repeat(10 * 1024 * 1024)}"}}`, 'parse/invalid-json'],
      ['deep.json', `{"loadbalancer": ${'{"a":'.repeat(200_000)}1${'}'.repeat(200_000)}}`, 'parse/invalid-json'],
      ['deep-arrays.json', `{"pool": ${'['.repeat(500_000)}`, 'parse/invalid-json'],
      ['lone-surrogates.json', '{"loadbalancer": {"name": "\ud800\udfff\ud800"}}', undefined],
    ];
    for (const [name, text, ruleId] of cases) {
      const uri = client.open(join(workspace.dir, name), text);
      const published = await client.diagnosticsFor(uri);
      if (ruleId === undefined) expect(published.diagnostics.every((d) => d.source === 'elb-lint'), name).toBe(true);
      else expect(published.diagnostics.map((d) => d.code), name).toContain(ruleId);
    }
    await stillServes(client);
  });

  it('ends with code 0 on shutdown + exit', async () => {
    client = await TestClient.start({ root: workspace.dir });
    await stillServes(client);
    expect(await client.shutdownAndExit()).toBe(0);
  });

  it('ends with code 1 on exit without shutdown, and when its client goes away', async () => {
    client = await TestClient.start({ root: workspace.dir });
    client.notify('exit', null);
    expect(await client.exited()).toBe(1);
    const other = await TestClient.start({ root: workspace.dir });
    other.process.stdin.end();
    expect(await other.exited()).not.toBeNull();
  });

  it('prints its version and help, and refuses to start without --stdio', () => {
    const version = spawnSync(process.execPath, [SERVER, '--version'], { encoding: 'utf8' });
    expect(version.status).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const help = spawnSync(process.execPath, [SERVER, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--stdio');
    const bare = spawnSync(process.execPath, [SERVER], { encoding: 'utf8', input: '' });
    expect(bare.status).toBe(2);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toContain('--stdio');
  });
});

// Hover on a diagnostic's range (editor.md): rule ID, description and docs link, through the
// stdio client; nothing elsewhere.

import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { rules } from '../../src/index.js';
import { useWorkspace } from '../support/helpers.js';
import { TestClient } from './client.js';

const BODY = '{\n  "loadbalancer": {\n    "name": "x",\n    "vip_subnet_cidr_id": "c4a3b2e1-0f9e-4d8c-b7a6-958473625140",\n    "availability_zone_list": ["az1"],\n    "description": 5\n  }\n}\n';

describe('hover', () => {
  const workspace = useWorkspace('elb-lint-lsp-hover-');
  let client: TestClient | undefined;
  afterEach(() => client?.kill());

  it('shows the rule ID, its description and docs link over each diagnostic, and nothing elsewhere', async () => {
    client = await TestClient.start({ root: workspace.dir });
    const uri = client.open(join(workspace.dir, 'lb.json'), BODY);
    const published = await client.diagnosticsFor(uri);
    expect(published.diagnostics.length).toBeGreaterThan(1);
    for (const diagnostic of published.diagnostics) {
      const rule = rules.find((candidate) => candidate.id === diagnostic.code);
      for (const position of [diagnostic.range.start, diagnostic.range.end]) {
        const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
        const value = (hover?.contents as MarkupContent).value;
        expect((hover?.contents as MarkupContent).kind).toBe('markdown');
        expect(value).toContain(`\`${diagnostic.code}\``);
        expect(value).toContain(rule?.description);
        expect(value).toContain(`(${rule?.docs})`);
      }
    }
    expect(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 4 } })).toBeNull();
  });

  it('answers for the current text even before the debounced lint ran', async () => {
    client = await TestClient.start({ root: workspace.dir });
    const uri = client.open(join(workspace.dir, 'lb.json'), '{"pool": {}}');
    await client.diagnosticsFor(uri);
    client.change(uri, BODY);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 6 } });
    expect((hover?.contents as MarkupContent).value).toContain('`schema/type`');
  });
});

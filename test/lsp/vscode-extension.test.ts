// The VS Code extension packs to a .vsix (`npm run package:vscode`, offline) that holds the
// extension, its settings and the language server; the server inside is the one the other tests
// drive, and it runs from the unpacked extension with nothing else installed.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, TestClient } from './client.js';

/** The entries of a zip file, by name (central directory, stored or deflated). */
function unzip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip file: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let index = 0; index < count; index++) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error(`bad central directory entry ${index}`);
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const local = zip.readUInt32LE(offset + 42);
    const name = zip.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

describe('the VS Code extension package', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'elb-lint-vsix-'));
  const vsix = join(scratch, 'elb-lint.vsix');
  let entries: Map<string, Buffer>;
  let packaging: ReturnType<typeof spawnSync>;

  beforeAll(() => {
    packaging = spawnSync(process.execPath, [join(ROOT, 'scripts/package-vscode.mjs'), '--out', vsix], { cwd: ROOT, encoding: 'utf8' });
    if (packaging.status !== 0) throw new Error(`packaging failed (exit ${packaging.status}):\n${packaging.stdout}\n${packaging.stderr}`);
    entries = unzip(readFileSync(vsix));
  }, 120_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('holds the manifest, the bundled extension and the language server, and nothing else of the source tree', () => {
    expect([...entries.keys()].filter((name) => name.startsWith('extension/')).sort()).toEqual([
      'extension/dist/extension.js',
      'extension/package.json',
      'extension/readme.md',
      'extension/server/elb-lint-language-server.mjs',
    ]);
    expect(entries.get('extension.vsixmanifest')?.toString()).toContain('Id="elb-lint"');
  });

  it('declares the activation, the settings and the output channel editor.md asks for', () => {
    const manifest = JSON.parse(entries.get('extension/package.json')?.toString() ?? '{}');
    expect(manifest.version).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    expect(manifest.activationEvents).toEqual(expect.arrayContaining(['onLanguage:json', 'onLanguage:http']));
    expect(manifest.contributes.languages[0].extensions).toEqual(['.http', '.rest']);
    const properties = manifest.contributes.configuration.properties;
    expect(Object.keys(properties).sort()).toEqual(['elb-lint.configFile', 'elb-lint.enable', 'elb-lint.run']);
    expect(properties['elb-lint.run'].enum).toEqual(['onType', 'onSave']);
    const code = entries.get('extension/dist/extension.js')?.toString() ?? '';
    // vscode is the host's module; vscode-languageclient is bundled in.
    expect(code).toContain('require("vscode")');
    expect(code).not.toMatch(/require\("vscode-languageclient/);
    expect(code).toContain('server/elb-lint-language-server.mjs');
    expect(code).toContain('createOutputChannel');
  });

  it('ships the server the tests drive, and it runs from the unpacked extension alone', async () => {
    const server = entries.get('extension/server/elb-lint-language-server.mjs') as Buffer;
    expect(server.equals(readFileSync(join(ROOT, 'dist/lsp.js')))).toBe(true);
    const unpacked = join(scratch, 'server.mjs');
    writeFileSync(unpacked, server);
    const version = spawnSync(process.execPath, [unpacked, '--version'], { cwd: scratch, encoding: 'utf8' });
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    const client = await TestClient.start({ root: scratch, server: unpacked });
    try {
      const uri = client.open(join(scratch, 'pool.json'), '{"pool": {}}');
      expect((await client.diagnosticsFor(uri)).diagnostics.map((d) => d.code)).toContain('schema/required');
      expect(await client.shutdownAndExit()).toBe(0);
    } finally {
      client.kill();
    }
  });
});

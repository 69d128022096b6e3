// A real LSP client over stdio for the language server tests: spawns the built
// `bin/elb-lint-language-server.js --stdio`, speaks vscode-languageserver-protocol to it and keeps
// every notification it sends, so tests wait for what a client would see.

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type LogMessageParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SERVER = join(ROOT, 'bin/elb-lint-language-server.js');
export const CLI = join(ROOT, 'bin/elb-lint.cjs');

/** What a full-featured client (VS Code) says it can do. */
export const FULL_CAPABILITIES: ClientCapabilities = {
  workspace: {
    workspaceEdit: { documentChanges: true },
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
    workspaceFolders: true,
    configuration: false,
  },
  textDocument: {
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, relatedInformation: false },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    synchronization: { didSave: true, dynamicRegistration: false },
  },
};

export interface StartOptions {
  /** The workspace folder. */
  root: string;
  initializationOptions?: unknown;
  capabilities?: ClientCapabilities;
  /** Another build of the server (the one inside the .vsix). */
  server?: string;
}

export class TestClient {
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly logs: LogMessageParams[] = [];
  readonly shownMessages: unknown[] = [];
  readonly registrations: unknown[] = [];
  /** Anything on the server's stdout that is not a well-formed protocol message. */
  readonly protocolErrors: unknown[] = [];
  stderr = '';
  private versions = new Map<string, number>();
  private waiters: (() => void)[] = [];
  private exitCode: Promise<number | null>;

  private constructor(readonly process: ChildProcessWithoutNullStreams, readonly connection: ProtocolConnection) {
    this.exitCode = new Promise((done) => process.on('exit', (code) => done(code)));
    process.stderr.on('data', (chunk: Buffer) => void (this.stderr += chunk.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => this.record(this.diagnostics, params));
    connection.onNotification('window/logMessage', (params: LogMessageParams) => this.record(this.logs, params));
    connection.onNotification('window/showMessage', (params: unknown) => this.record(this.shownMessages, params));
    connection.onRequest('window/showMessageRequest', (params: unknown) => {
      this.record(this.shownMessages, params);
      return null;
    });
    connection.onRequest('client/registerCapability', (params: unknown) => {
      this.record(this.registrations, params);
      return null;
    });
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onError((error) => this.record(this.protocolErrors, error));
    connection.listen();
  }

  static async start(options: StartOptions): Promise<TestClient> {
    if (!existsSync(join(ROOT, 'dist/lsp.js'))) throw new Error('dist/lsp.js is missing: run `node scripts/build.mjs` first');
    const child = spawn(process.execPath, [options.server ?? SERVER, '--stdio'], { cwd: options.root, stdio: 'pipe' });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new TestClient(child, connection);
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(options.root).href,
      workspaceFolders: [{ uri: pathToFileURL(options.root).href, name: 'workspace' }],
      capabilities: options.capabilities ?? FULL_CAPABILITIES,
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  open(file: string, text: string, languageId = 'json'): string {
    const uri = file.includes(':') && !file.startsWith('/') ? file : pathToFileURL(file).href;
    this.versions.set(uri, 1);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** Sends changes and returns the new version. */
  change(uri: string, changes: TextDocumentContentChangeEvent[] | string): number {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    const contentChanges = typeof changes === 'string' ? [{ text: changes }] : changes;
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    return version;
  }

  save(uri: string): void {
    void this.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  request<R = unknown>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  notify(method: string, params: unknown): void {
    void this.connection.sendNotification(method, params);
  }

  /** Writes bytes straight to the server's standard input (for malformed messages). */
  writeRaw(bytes: string | Buffer): void {
    this.process.stdin.write(bytes);
  }

  /** The first publish for `uri` from index `from` on that satisfies `accept`. */
  async waitForDiagnostics(uri: string, accept: (params: PublishDiagnosticsParams) => boolean = () => true, from = 0, timeoutMs = 15_000): Promise<PublishDiagnosticsParams> {
    return this.waitFor(() => this.diagnostics.slice(from).find((params) => params.uri === uri && accept(params)), `diagnostics for ${uri}`, timeoutMs);
  }

  /** The diagnostics for the document's current version. */
  diagnosticsFor(uri: string, from = 0): Promise<PublishDiagnosticsParams> {
    const version = this.version(uri);
    return this.waitForDiagnostics(uri, (params) => params.version === version, from);
  }

  async waitFor<T>(find: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; server stderr:\n${this.stderr}`);
      await new Promise<void>((done) => {
        const timer = setTimeout(done, Math.min(left, 1000));
        this.waiters.push(() => {
          clearTimeout(timer);
          done();
        });
      });
    }
  }

  /** shutdown, then exit: resolves with the process's exit code. */
  async shutdownAndExit(): Promise<number | null> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    return this.exited();
  }

  exited(): Promise<number | null> {
    return this.exitCode;
  }

  /** Ends the server however it is (for afterEach). */
  kill(): void {
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill('SIGKILL');
  }

  private record<T>(list: T[], item: T): void {
    list.push(item);
    for (const wake of this.waiters.splice(0)) wake();
  }
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

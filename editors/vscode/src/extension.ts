// The elb-lint VS Code extension: starts the bundled elb-lint language server (shipped in
// server/) over stdio and hands it the `elb-lint.*` settings. Everything else (which documents,
// diagnostics, quick fixes, fix-all on save, config reload) is the server's.

import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;

function settings() {
  const section = vscode.workspace.getConfiguration('elb-lint');
  return {
    enable: section.get<boolean>('enable', true),
    run: section.get<'onType' | 'onSave'>('run', 'onType'),
    configFile: section.get<string | null>('configFile', null),
  };
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  if (client) return;
  const module = context.asAbsolutePath('server/elb-lint-language-server.mjs');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'json' },
      { scheme: 'untitled', language: 'json' },
      { scheme: 'file', language: 'http' },
      { scheme: 'untitled', language: 'http' },
      { scheme: 'file', pattern: '**/*.{http,rest}' },
      // Config files: their problems are shown on them, and saving one reloads it.
      { scheme: 'file', pattern: '**/{.elb-lint.yaml,elb-lint.yaml,rules.yaml}' },
    ],
    initializationOptions: settings(),
    synchronize: { configurationSection: 'elb-lint' },
    outputChannel: output,
  };
  client = new LanguageClient('elb-lint', 'elb-lint', serverOptions, clientOptions);
  await client.start();
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) await running.stop();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('elb-lint', { log: true });
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('elb-lint.showOutput', () => output?.show(true)),
    vscode.commands.registerCommand('elb-lint.restart', async () => {
      await stop();
      if (settings().enable) await start(context);
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration('elb-lint.enable')) return;
      if (settings().enable) await start(context);
      else await stop();
    }),
  );
  if (settings().enable) await start(context);
}

export function deactivate(): Promise<void> {
  return stop();
}

// The language server (editor.md): open documents in, diagnostics, code actions and hovers out,
// all through the library. Every handler is guarded: whatever a document or a config holds, the
// server logs and keeps serving; it stops only on shutdown + exit or when the client goes away.

import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  MessageType,
  TextDocumentSyncKind,
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type Diagnostic,
  type Disposable,
  type FileSystemWatcher,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readConfigText } from '../config/read-config.js';
import type { RuleMeta } from '../model.js';
import { VERSION } from '../version.js';
import { codeActions, FIX_ALL_KIND, type LintedText } from './code-actions.js';
import { CONFIG_FILE_NAMES, ConfigStore, resolveConfigFile } from './configs.js';
import { configDiagnostic, toDiagnostic } from './diagnostics.js';
import { filePath, targetOf, type DocumentTarget } from './documents.js';
import { hoverAt } from './hover.js';
import { lintDocumentText } from './lint-document.js';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings.js';

/** How long after the last keystroke a document is linted. */
export const DEBOUNCE_MS = 150;

interface LintedDocument extends LintedText {
  rules: ReadonlyMap<string, RuleMeta>;
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let settings: Settings = DEFAULT_SETTINGS;
  let folders: string[] = [];
  let capabilities: ClientCapabilities = {};
  const timers = new Map<string, NodeJS.Timeout>();
  const results = new Map<string, LintedDocument>();
  /** Opened and linted already: the change event that follows didOpen needs no second lint. */
  const justOpened = new Set<string>();
  /** Config files that have diagnostics now (absolute paths). */
  const configFilesWithDiagnostics = new Set<string>();
  const loggedFailures = new Set<string>();
  let loadsSeen = -1;

  const folderOf = (file: string): string | undefined =>
    folders.filter((folder) => file === folder || file.startsWith(`${folder}/`)).sort((a, b) => b.length - a.length)[0];
  const configs = new ConfigStore((directory) => resolveConfigFile(settings.configFile, folderOf(directory) ?? folders[0]));

  const log = (type: MessageType, message: string) => {
    try {
      connection.sendNotification('window/logMessage', { type, message });
    } catch {
      process.stderr.write(`${message}\n`);
    }
  };
  const guard = <A extends unknown[], R>(what: string, handler: (...args: A) => R, fallback: R) => (...args: A): R => {
    try {
      return handler(...args);
    } catch (error) {
      log(MessageType.Error, `elb-lint: ${what} failed: ${describe(error)}`);
      return fallback;
    }
  };

  const targetFor = (document: TextDocument): DocumentTarget | undefined =>
    targetOf(document.uri, document.languageId, (uri) => (uri.startsWith('untitled:') ? folders[0] : undefined));

  /** Lints a document's current text with its directory's config; undefined for a document elb-lint does not look at. */
  async function analyse(document: TextDocument): Promise<{ linted: LintedDocument; generation: number } | undefined> {
    const target = targetFor(document);
    if (!target) return undefined;
    const generation = configs.generation;
    const entry = await configs.entryFor(target.directory);
    afterConfigLoad();
    if (!target.requestLanguage && configs.affects(target.file)) return undefined;
    const started = performance.now();
    const text = document.getText();
    // TextDocuments updates its documents in place: the result keeps a snapshot of the text it is for.
    const snapshot = TextDocument.create(document.uri, document.languageId, document.version, text);
    const findings = lintDocumentText(text, target, entry.config)?.findings ?? [];
    const elapsed = performance.now() - started;
    const diagnostics = findings.map((finding) => toDiagnostic(finding, text, entry.rules));
    if (settings.logTiming) log(MessageType.Log, `elb-lint: linted ${document.uri} version ${document.version} in ${elapsed.toFixed(3)} ms (${findings.length} findings)`);
    return {
      linted: { document: snapshot, findings, diagnostics, rules: entry.rules, relint: (next) => lintDocumentText(next, target, entry.config) },
      generation,
    };
  }

  /** Lints and publishes, unless the document changed (or closed, or the config reloaded) meanwhile. */
  async function lintAndPublish(uri: string): Promise<void> {
    const document = documents.get(uri);
    if (!document || !settings.enable) return;
    const version = document.version;
    const analysed = await analyse(document);
    const current = documents.get(uri);
    if (current !== document || current.version !== version || (analysed && analysed.linted.document.version !== version)) return;
    if (analysed && analysed.generation !== configs.generation) return;
    // A config file's diagnostics are its problems (afterConfigLoad), not a lint result.
    const file = filePath(uri);
    if (file !== undefined && configFilesWithDiagnostics.has(file)) return;
    if (analysed) results.set(uri, analysed.linted);
    else results.delete(uri);
    connection.sendDiagnostics({ uri, version, diagnostics: analysed ? [...analysed.linted.diagnostics] : [] });
  }

  function lintSoon(uri: string, delay: number): void {
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(() => {
      timers.delete(uri);
      lintAndPublish(uri).catch((error) => log(MessageType.Error, `elb-lint: linting ${uri} failed: ${describe(error)}`));
    }, delay));
  }

  function relintAll(): void {
    for (const document of documents.all()) lintSoon(document.uri, 0);
  }

  function reloadConfigs(reason: string): void {
    log(MessageType.Info, `elb-lint: ${reason}; reloading the configuration and linting the open documents again.`);
    const broken = configs.brokenDirectories();
    configs.reload();
    loggedFailures.clear();
    relintAll();
    // Load the broken configs again even when no open document uses them, so that their files'
    // diagnostics go away once fixed (or stay, with the new problems).
    for (const directory of broken) configs.entryFor(directory).then(afterConfigLoad, () => {});
  }

  /** Publishes the config files' diagnostics and logs new failures, once after each config load. */
  function afterConfigLoad(): void {
    if (loadsSeen === configs.loads) return;
    loadsSeen = configs.loads;
    for (const failure of configs.failures()) {
      if (loggedFailures.has(failure.summary)) continue;
      loggedFailures.add(failure.summary);
      log(MessageType.Error, failure.summary);
    }
    const problems = configs.problemsByFile();
    for (const [file, fileProblems] of problems) {
      const uri = pathToFileURL(file).href;
      const open = documents.get(uri);
      const read = open ? undefined : readConfigText(file);
      const text = open?.getText() ?? (read?.ok ? read.text : undefined);
      connection.sendDiagnostics({ uri, diagnostics: fileProblems.map((problem) => configDiagnostic(problem, text)) });
      configFilesWithDiagnostics.add(file);
    }
    for (const file of [...configFilesWithDiagnostics]) {
      if (problems.has(file)) continue;
      connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics: [] });
      configFilesWithDiagnostics.delete(file);
    }
    updateWatchers();
  }

  let watcherRegistration: Promise<Disposable> | undefined;
  let watchedSources = '';
  /** Asks the client to report changes to config files and to every file a loaded config read. */
  function updateWatchers(): void {
    if (!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) return;
    const sources = [...configs.sourceFiles()].filter((file) => !(CONFIG_FILE_NAMES as readonly string[]).some((name) => file.endsWith(`/${name}`))).sort();
    const key = sources.join('\n');
    if (watcherRegistration && key === watchedSources) return;
    watchedSources = key;
    const relative = capabilities.workspace.didChangeWatchedFiles.relativePatternSupport === true;
    const watchers: FileSystemWatcher[] = [
      { globPattern: `**/{${CONFIG_FILE_NAMES.join(',')}}` },
      ...sources.map((file) => ({ globPattern: relative ? { baseUri: pathToFileURL(dirname(file)).href, pattern: escapeGlob(file.slice(dirname(file).length + 1)) } : escapeGlob(file) })),
    ];
    const previous = watcherRegistration;
    watcherRegistration = connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    previous?.then((registration) => registration.dispose()).catch(() => {});
    watcherRegistration.catch((error) => log(MessageType.Warning, `elb-lint: the client would not watch the config files (${describe(error)}); save them in the editor to reload.`));
  }

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities;
    settings = readSettings(params.initializationOptions);
    folders = (params.workspaceFolders ?? []).map((folder) => filePath(folder.uri)).filter((path): path is string => path !== undefined);
    if (folders.length === 0 && params.rootUri) {
      const root = filePath(params.rootUri);
      if (root) folders = [root];
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'elb-lint', version: VERSION },
    };
  });

  connection.onInitialized(guard('initialized', () => {
    updateWatchers();
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(guard('a workspace folder change', (event) => {
        const removed = new Set(event.removed.map((folder) => filePath(folder.uri)));
        folders = [...folders.filter((folder) => !removed.has(folder)), ...event.added.map((folder) => filePath(folder.uri)).filter((path): path is string => path !== undefined)];
        if (settings.configFile !== undefined) reloadConfigs('the workspace folders changed');
      }, undefined));
    }
  }, undefined));

  connection.onDidChangeConfiguration(guard('a settings change', (params) => {
    const previous = settings;
    settings = readSettings(params.settings, settings);
    if (!settings.enable) {
      for (const document of documents.all()) connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
      results.clear();
      return;
    }
    if (settings.configFile !== previous.configFile) reloadConfigs('the configFile setting changed');
    else if (!previous.enable || settings.run !== previous.run) relintAll();
  }, undefined));

  documents.onDidOpen(guard('didOpen', (event) => {
    justOpened.add(event.document.uri);
    lintSoon(event.document.uri, 0);
  }, undefined));

  documents.onDidChangeContent(guard('didChange', (event) => {
    const { uri } = event.document;
    if (justOpened.delete(uri)) return;
    if (settings.run === 'onType') lintSoon(uri, DEBOUNCE_MS);
  }, undefined));

  documents.onDidSave(guard('didSave', (event) => {
    const file = filePath(event.document.uri);
    if (file !== undefined && configs.affects(file)) reloadConfigs(`${file} was saved`);
    else lintSoon(event.document.uri, 0);
  }, undefined));

  documents.onDidClose(guard('didClose', (event) => {
    const { uri } = event.document;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    justOpened.delete(uri);
    results.delete(uri);
    // A broken config file keeps its diagnostic after it is closed; any other document is cleared.
    const file = filePath(uri);
    if (file === undefined || !configFilesWithDiagnostics.has(file)) connection.sendDiagnostics({ uri, diagnostics: [] });
  }, undefined));

  connection.onDidChangeWatchedFiles(guard('didChangeWatchedFiles', (params) => {
    const changed = params.changes.map((change) => filePath(change.uri)).filter((file): file is string => file !== undefined && configs.affects(file));
    if (changed.length > 0) reloadConfigs(`${changed.join(', ')} changed`);
  }, undefined));

  /** The lint result for the document's current version: the published one, or a fresh lint. */
  async function currentResult(uri: string): Promise<LintedDocument | undefined> {
    const document = documents.get(uri);
    if (!document || !settings.enable) return undefined;
    const known = results.get(uri);
    if (known && known.document.version === document.version) return known;
    return (await analyse(document))?.linted;
  }

  connection.onCodeAction(async (params) => {
    try {
      const linted = await currentResult(params.textDocument.uri);
      if (!linted) return [];
      return codeActions(linted, {
        range: params.range,
        only: params.context.only,
        versionedEdits: capabilities.workspace?.workspaceEdit?.documentChanges === true,
      });
    } catch (error) {
      log(MessageType.Error, `elb-lint: code actions for ${params.textDocument.uri} failed: ${describe(error)}`);
      return [];
    }
  });

  connection.onHover(async (params) => {
    try {
      const linted = await currentResult(params.textDocument.uri);
      return linted ? hoverAt(params.position, linted.diagnostics as Diagnostic[], linted.rules) : null;
    } catch (error) {
      log(MessageType.Error, `elb-lint: hover for ${params.textDocument.uri} failed: ${describe(error)}`);
      return null;
    }
  });

  documents.listen(connection);
  connection.listen();
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** A file name as a glob that matches only itself. */
function escapeGlob(path: string): string {
  return path.replace(/[*?[\]{}()!]/g, '\\$&');
}

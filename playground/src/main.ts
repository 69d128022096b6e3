// The playground page: a request body in CodeMirror, linted as you type by the worker, findings
// underlined and listed with their rules' docs, fixes one click away, the state shareable as a link.

import { json } from '@codemirror/lang-json';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { Annotation, EditorSelection, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import examples from 'playground:examples';
import type { ConfigProblem } from '../../src/config/errors.js';
import { formatBytes } from '../../src/engine/limits.js';
import { isKind, type Finding, type TextEdit } from '../../src/model.js';
import { LintClient, TIME_LIMIT_MS } from './lint-client.js';
import { offsetOf, positionOf, rangeOf } from './positions.js';
import type { LintInput, LintReply, Request } from './protocol.js';
import { decodeState, encodeState, type SharedState } from './share.js';
import { VERSION } from '../../src/version.js';

const DEBOUNCE_MS = 300;
/** Beyond these, a body is not one a person wrote: the rest is counted, not drawn. */
const MAX_LISTED = 500;
const MAX_UNDERLINED = 2000;
const DEFAULT_EXAMPLE = 'mistakes/tls-pool-any-port.json';
/** Chromium keeps addresses up to 2 MB; other browsers fewer, but a body is a few kilobytes. */
const MAX_LINK = 2 * 1024 * 1024 - 4096;

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const kindSelect = element<HTMLSelectElement>('kind');
const pathInput = element<HTMLInputElement>('path');
const examplesSelect = element<HTMLSelectElement>('examples');
const statusLine = element<HTMLElement>('status');
const findingsList = element<HTMLOListElement>('findings');
const shareOutput = element<HTMLInputElement>('share-link');
const fixAllButton = element<HTMLButtonElement>('fix-all');

const client = new LintClient();
let timer: ReturnType<typeof setTimeout> | undefined;
/** The last reply shown, and the body text it is for: its fixes apply only to that text. */
let shown: LintReply | undefined;
let lintCount = 0;

/** Marks a change whose text the worker already linted ("Fix all"): no new lint for it. */
const alreadyLinted = Annotation.define<boolean>();

const onEdit = EditorView.updateListener.of((update) => {
  if (update.docChanged && !update.transactions.some((transaction) => transaction.annotation(alreadyLinted))) schedule();
});

function editor(parent: string, extensions: Extension[], label: string): EditorView {
  return new EditorView({
    extensions: [basicSetup, lintGutter(), onEdit, EditorView.contentAttributes.of({ 'aria-label': label }), ...extensions],
    parent: element(parent),
  });
}

const body = editor('editor', [json()], 'Request body');
const configEditor = editor('config-editor', [], 'rules.yaml');
const flavorsEditor = editor('flavors-editor', [json()], 'Flavor catalog');

function setText(view: EditorView, text: string, linted = false): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, annotations: alreadyLinted.of(linted) });
}

function currentInput(): LintInput {
  const kind = kindSelect.value;
  return {
    text: body.state.doc.toString(),
    path: pathInput.value.trim() || 'body.json',
    kind: isKind(kind) ? kind : undefined,
    config: configEditor.state.doc.toString(),
    flavors: flavorsEditor.state.doc.toString(),
  };
}

function schedule(): void {
  document.body.dataset.stale = 'true';
  clearTimeout(timer);
  timer = setTimeout(() => void lint('lint'), DEBOUNCE_MS);
}

function status(message: string, state: string): void {
  statusLine.textContent = message;
  document.body.dataset.state = state;
}

async function lint(type: Request['type']): Promise<void> {
  clearTimeout(timer);
  const input = currentInput();
  const size = new Blob([input.text]).size;
  status(size > 256 * 1024 ? `Linting ${formatBytes(size)} in the background…` : 'Linting…', 'linting');
  const outcome = await client.run(type, input);
  if (outcome.status === 'superseded') return;
  if (!sameInput(input, currentInput())) {
    // Edited meanwhile: that edit's lint is scheduled, and this reply's ranges no longer fit.
    if (type === 'fix-all') status('The body changed while it was being fixed; click Fix all again.', 'stale');
    return;
  }
  document.body.dataset.stale = 'false';
  if (outcome.status === 'timed-out') {
    clearFindings();
    status(`Linting stopped: it took longer than ${TIME_LIMIT_MS / 1000} s${size > 256 * 1024 ? ` (the body is ${formatBytes(size)})` : ''}. The worker was restarted; edit the body or the configuration to try again.`, 'timed-out');
  } else if (outcome.status === 'failed') {
    clearFindings();
    status(`Linting failed: ${outcome.message}`, 'failed');
  } else {
    const { reply } = outcome;
    if (reply.text !== input.text) setText(body, reply.text, true);
    show(reply, input);
  }
  document.body.dataset.lintCount = String(++lintCount);
}

function sameInput(a: LintInput, b: LintInput): boolean {
  return a.text === b.text && a.path === b.path && a.kind === b.kind && a.config === b.config && a.flavors === b.flavors;
}

function clearFindings(): void {
  shown = undefined;
  findingsList.replaceChildren();
  body.dispatch(setDiagnostics(body.state, []));
}

function show(reply: LintReply, input: LintInput): void {
  shown = reply;
  const { findings, kind } = reply.result;
  const doc = body.state.doc;
  const diagnostics: Diagnostic[] = findings.slice(0, MAX_UNDERLINED).map((finding) => ({
    ...rangeOf(doc, finding),
    severity: finding.severity,
    source: finding.ruleId,
    message: finding.message,
    actions: [
      ...(finding.fix ? [{ name: 'Fix', apply: () => applyEdit(reply, finding.fix as TextEdit) }] : []),
      ...(finding.suggestions ?? []).map((suggestion) => ({ name: suggestion.desc, apply: () => applyEdit(reply, suggestion.fix) })),
    ],
  }));
  body.dispatch(setDiagnostics(body.state, diagnostics));
  findingsList.replaceChildren(...findings.slice(0, MAX_LISTED).map((finding) => findingItem(finding, reply)));

  const counts = (['error', 'warning', 'info'] as const).map((severity) => {
    const count = findings.filter((finding) => finding.severity === severity).length;
    return count === 0 ? '' : `${count} ${severity}${count === 1 ? '' : 's'}`;
  }).filter(Boolean);
  const parts = [findings.length === 0 ? 'No findings.' : `${counts.join(', ')}.`];
  if (findings.length > MAX_LISTED) parts.push(`The first ${MAX_LISTED} are listed.`);
  parts.push(kind ? `Kind: ${kind}${input.kind ? '' : ' (told from the body)'}.` : 'Kind: unknown.');
  if (reply.fixed !== undefined) parts.push(`Fix all: ${reply.fixed} fix${reply.fixed === 1 ? '' : 'es'} applied.`);
  if (reply.configProblems.length > 0) parts.push(`rules.yaml has ${reply.configProblems.length} problem${reply.configProblems.length === 1 ? '' : 's'}: linted with the built-in recommended preset instead.`);
  if (reply.flavorProblems.length > 0) parts.push(`The flavor catalog has ${reply.flavorProblems.length} problem${reply.flavorProblems.length === 1 ? '' : 's'}: linted without it.`);
  status(parts.join(' '), 'done');
  showProblems(configEditor, 'config-problems', reply.configProblems);
  showProblems(flavorsEditor, 'flavors-problems', reply.flavorProblems);
  fixAllButton.disabled = !findings.some((finding) => finding.fix);
}

function findingItem(finding: Finding, reply: LintReply): HTMLLIElement {
  const item = document.createElement('li');
  item.className = `finding ${finding.severity}`;
  Object.assign(item.dataset, { rule: finding.ruleId, line: String(finding.line), column: String(finding.column), endLine: String(finding.endLine), endColumn: String(finding.endColumn) });
  const where = document.createElement('button');
  where.className = 'where';
  where.textContent = `${finding.line}:${finding.column}`;
  where.title = 'Move the cursor here';
  const severity = document.createElement('span');
  severity.className = 'severity';
  severity.textContent = finding.severity;
  const rule = document.createElement(reply.docs[finding.ruleId] ? 'a' : 'span');
  rule.className = 'rule';
  rule.textContent = finding.ruleId;
  if (rule instanceof HTMLAnchorElement) {
    rule.href = reply.docs[finding.ruleId] as string;
    rule.target = '_blank';
    rule.rel = 'noopener noreferrer';
  }
  const message = document.createElement('span');
  message.className = 'message';
  message.textContent = finding.message;
  item.append(where, severity, rule, message);
  const actions: [string, string, TextEdit][] = [
    ...(finding.fix ? [['fix', 'Fix', finding.fix] as [string, string, TextEdit]] : []),
    ...(finding.suggestions ?? []).map((suggestion) => ['suggestion', suggestion.desc, suggestion.fix] as [string, string, TextEdit]),
  ];
  for (const [kind, label, edit] of actions) {
    const button = document.createElement('button');
    button.className = kind;
    button.textContent = label;
    button.addEventListener('click', (event) => {
      event.stopPropagation();
      applyEdit(reply, edit);
    });
    item.append(button);
  }
  item.addEventListener('click', (event) => {
    if ((event.target as HTMLElement).closest('a')) return;
    const anchor = offsetOf(body.state.doc, finding.line, finding.column);
    body.dispatch({ selection: EditorSelection.cursor(anchor), scrollIntoView: true });
    body.focus();
  });
  return item;
}

/** An edit from a reply, only onto the text that reply is for (ranges are offsets into it). */
function applyEdit(reply: LintReply, edit: TextEdit): void {
  if (shown !== reply || body.state.doc.toString() !== reply.text) {
    status('The body changed since it was linted; the fix waits for the new findings.', 'stale');
    schedule();
    return;
  }
  const [from, to] = edit.range;
  body.dispatch({ changes: { from, to, insert: edit.text }, selection: EditorSelection.cursor(from + edit.text.length), scrollIntoView: true });
  body.focus();
}

/** A configuration panel's problems: underlined in its editor and listed below it. */
function showProblems(view: EditorView, listId: string, problems: readonly ConfigProblem[]): void {
  const doc = view.state.doc;
  view.dispatch(setDiagnostics(view.state, problems.map((problem) => {
    const from = offsetOf(doc, problem.line ?? 1, problem.column ?? 1);
    return { from, to: Math.min(doc.lineAt(from).to, from + Math.max(1, /^[^\s:,\]}]*/.exec(doc.sliceString(from, from + 200))![0].length)), severity: 'error', message: problem.message };
  })));
  element(listId).replaceChildren(...problems.map((problem) => {
    const item = document.createElement('li');
    item.textContent = `${problem.line ?? 1}:${problem.column ?? 1}: ${problem.message}`;
    return item;
  }));
  if (problems.length > 0) (element(listId).closest('details') as HTMLDetailsElement).open = true;
}

function state(): SharedState {
  const input = currentInput();
  return { text: input.text, path: input.path, kind: input.kind, config: input.config, flavors: input.flavors };
}

function load(shared: SharedState): void {
  kindSelect.value = shared.kind ?? 'auto';
  pathInput.value = shared.path;
  setText(configEditor, shared.config);
  setText(flavorsEditor, shared.flavors);
  setText(body, shared.text);
  (element('config-panel') as HTMLDetailsElement).open = shared.config !== '';
  (element('flavors-panel') as HTMLDetailsElement).open = shared.flavors !== '';
  void lint('lint');
}

function loadExample(path: string): void {
  const example = examples.bodies.find((entry) => entry.path === path);
  if (!example) return;
  load({ ...state(), text: example.text, path: example.path, kind: undefined });
}

async function loadFragment(): Promise<boolean> {
  if (location.hash.length <= 1) return false;
  try {
    const shared = await decodeState(location.hash);
    if (!shared) return false;
    load(shared);
    return true;
  } catch (error) {
    status(`This link could not be read: ${error instanceof Error ? error.message : String(error)}`, 'failed');
    return false;
  }
}

function fillExamples(): void {
  const groups = new Map<string, HTMLOptGroupElement>();
  for (const { path } of examples.bodies) {
    const directory = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : 'API reference seeds';
    let group = groups.get(directory);
    if (!group) {
      group = document.createElement('optgroup');
      group.label = directory;
      groups.set(directory, group);
      examplesSelect.append(group);
    }
    group.append(new Option(path.slice(path.lastIndexOf('/') + 1), path));
  }
}

element('version').textContent = VERSION;
fillExamples();
examplesSelect.addEventListener('change', () => {
  loadExample(examplesSelect.value);
  examplesSelect.value = '';
});
kindSelect.addEventListener('change', schedule);
pathInput.addEventListener('input', schedule);
fixAllButton.addEventListener('click', () => void lint('fix-all'));
element('share').addEventListener('click', async () => {
  const fragment = await encodeState(state());
  if (fragment.length > MAX_LINK) {
    shareOutput.hidden = true;
    status(`The link would be ${formatBytes(fragment.length)} long, more than browsers keep in an address (${formatBytes(MAX_LINK)}); share a smaller body.`, 'failed');
    return;
  }
  history.replaceState(null, '', `#${fragment}`);
  shareOutput.value = location.href;
  shareOutput.hidden = false;
  shareOutput.select();
  status(`The link holds the body, kind, file name and configuration (${formatBytes(fragment.length)}); it is not sent anywhere.`, document.body.dataset.state ?? 'done');
});
element('example-config').addEventListener('click', () => {
  setText(configEditor, examples.config);
  setText(flavorsEditor, examples.flavors);
  (element('flavors-panel') as HTMLDetailsElement).open = true;
});
element('clear-config').addEventListener('click', () => setText(configEditor, ''));
element('clear-flavors').addEventListener('click', () => setText(flavorsEditor, ''));
window.addEventListener('hashchange', () => void loadFragment());

/** What the browser test reads: the texts, and the cursor as line and column. */
Object.assign(window, {
  playground: {
    state,
    cursor: () => positionOf(body.state.doc, body.state.selection.main.head),
  },
});

void loadFragment().then((loaded) => {
  if (!loaded) loadExample(DEFAULT_EXAMPLE);
});

// Code actions (editor.md): for each finding in the requested range, a quick fix per safe fix
// (preferred, so "auto fix" picks it) and per suggestion; and `source.fixAll.elb-lint`, which
// applies every safe fix of the document exactly as `elb-lint --fix` would. Each edit names the
// document version it was computed for, so a client never applies it to a newer text.

import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixText } from '../engine/fix-loop.js';
import type { FileResult, Finding, TextEdit } from '../model.js';
import { spanningEdit } from './text-edit.js';

export const FIX_ALL_KIND = 'source.fixAll.elb-lint';

export interface LintedText {
  document: TextDocument;
  findings: readonly Finding[];
  /** Each finding's diagnostic, in the same order. */
  diagnostics: readonly Diagnostic[];
  /** Lints another text with the same config and path (for fix-all's later passes); undefined when it is no request body. */
  relint(text: string): FileResult | undefined;
}

export interface ActionRequest {
  range: Range;
  /** The kinds the client asked for (CodeActionContext.only); undefined for all. */
  only: readonly string[] | undefined;
  /** The client takes `documentChanges` (versioned edits); otherwise plain `changes`. */
  versionedEdits: boolean;
}

export function codeActions(linted: LintedText, request: ActionRequest): CodeAction[] {
  const actions: CodeAction[] = [];
  if (wants(request.only, CodeActionKind.QuickFix)) {
    linted.findings.forEach((finding, index) => {
      const diagnostic = linted.diagnostics[index] as Diagnostic;
      if (!overlaps(diagnostic.range, request.range)) return;
      if (finding.fix && isUsable(finding.fix, linted.document)) {
        actions.push({
          title: `${describeEdit(finding.fix, linted.document.getText())} (${finding.ruleId})`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: true,
          edit: workspaceEdit(linted.document, [lspEdit(linted.document, finding.fix)], request.versionedEdits),
        });
      }
      for (const suggestion of finding.suggestions ?? []) {
        if (!isUsable(suggestion.fix, linted.document)) continue;
        actions.push({
          title: `${suggestion.desc} (${finding.ruleId})`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: workspaceEdit(linted.document, [lspEdit(linted.document, suggestion.fix)], request.versionedEdits),
        });
      }
    });
  }
  if (wants(request.only, FIX_ALL_KIND)) {
    const fixAllAction = fixAllCodeAction(linted, request.versionedEdits);
    if (fixAllAction) actions.push(fixAllAction);
  }
  return actions;
}

export function fixAllCodeAction(linted: LintedText, versionedEdits: boolean): CodeAction | undefined {
  if (!linted.findings.some((finding) => finding.fix !== undefined)) return undefined;
  const text = linted.document.getText();
  // Pass after pass, exactly as `elb-lint --fix` (engine/fix-loop.ts).
  const fixed = fixText(text, { path: linted.document.uri, kind: null, findings: [...linted.findings] }, (next) => linted.relint(next)).output;
  if (fixed === text) return undefined;
  const edit = spanningEdit(text, fixed);
  return {
    title: 'Fix all safe elb-lint problems',
    kind: FIX_ALL_KIND,
    edit: workspaceEdit(linted.document, [lspEdit(linted.document, { range: [edit.start, edit.end], text: edit.text })], versionedEdits),
  };
}

/** `only: ["source.fixAll"]` asks for `source.fixAll.elb-lint` too: kinds are dot-separated hierarchies. */
function wants(only: readonly string[] | undefined, kind: string): boolean {
  return only === undefined || only.length === 0 || only.some((asked) => kind === asked || kind.startsWith(`${asked}.`));
}

function overlaps(a: Range, b: Range): boolean {
  return !(before(a.end, b.start) || before(b.end, a.start));
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** A rule's edit that does not fit the text (a bug upstream) is left out, never sent. */
function isUsable(edit: TextEdit, document: TextDocument): boolean {
  const [start, end] = edit.range;
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= document.getText().length && typeof edit.text === 'string';
}

function lspEdit(document: TextDocument, edit: TextEdit): LspTextEdit {
  return { range: { start: document.positionAt(edit.range[0]), end: document.positionAt(edit.range[1]) }, newText: edit.text };
}

function workspaceEdit(document: TextDocument, edits: LspTextEdit[], versioned: boolean): WorkspaceEdit {
  if (!versioned) return { changes: { [document.uri]: edits } };
  return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] };
}

/** "Replace "round_robin" with "ROUND_ROBIN"", "Remove …", "Insert …". */
function describeEdit(edit: TextEdit, text: string): string {
  const original = text.slice(edit.range[0], edit.range[1]);
  if (original.trim() === '') return `Insert ${excerpt(edit.text)}`;
  if (edit.text.trim() === '') return `Remove ${excerpt(original)}`;
  return `Replace ${excerpt(original)} with ${excerpt(edit.text)}`;
}

function excerpt(text: string): string {
  const flat = text.trim().replace(/\s+/g, ' ');
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}

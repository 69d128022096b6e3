// Findings as LSP diagnostics (editor.md): the CLI's 1-based line/column span minus one (both
// count UTF-16 code units), the rule ID as `code` with its docs page, the CLI's message. A
// finding about the file as a whole (binary, too large, nothing to lint) sits at 1:1 with no
// width; it covers the first line instead, so the editor has something to underline.

import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { ConfigProblem } from '../config/errors.js';
import type { Finding, RuleMeta, Severity } from '../model.js';

export const SOURCE = 'elb-lint';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toDiagnostic(finding: Finding, text: string, rules: ReadonlyMap<string, RuleMeta>): Diagnostic {
  const diagnostic: Diagnostic = {
    range: findingRange(finding, text),
    severity: SEVERITY[finding.severity],
    source: SOURCE,
    code: finding.ruleId,
    message: finding.message,
  };
  const docs = rules.get(finding.ruleId)?.docs;
  if (docs) diagnostic.codeDescription = { href: docs };
  return diagnostic;
}

export function findingRange(finding: Finding, text: string): Range {
  if (isFileLevel(finding)) return { start: { line: 0, character: 0 }, end: { line: 0, character: firstLineLength(text) } };
  return {
    start: { line: finding.line - 1, character: finding.column - 1 },
    end: { line: finding.endLine - 1, character: finding.endColumn - 1 },
  };
}

function isFileLevel(finding: Finding): boolean {
  return finding.pointer === '' && finding.line === 1 && finding.column === 1 && finding.endLine === 1 && finding.endColumn === 1;
}

function firstLineLength(text: string): number {
  const end = text.search(/[\r\n]/);
  return end === -1 ? text.length : end;
}

/**
 * A config problem as a diagnostic on the config file: from its position to the end of that
 * line (the whole first line when it has none).
 */
export function configDiagnostic(problem: ConfigProblem, text: string | undefined): Diagnostic {
  const line = Math.max((problem.line ?? 1) - 1, 0);
  const character = problem.line === undefined ? 0 : Math.max((problem.column ?? 1) - 1, 0);
  const lineText = text?.split(/\r\n|\r|\n/, line + 1)[line] ?? '';
  return {
    range: { start: { line, character }, end: { line, character: Math.max(lineText.length, character) } },
    severity: DiagnosticSeverity.Error,
    source: SOURCE,
    message: problem.message,
  };
}

// Hover on a diagnostic's range (editor.md): the rule ID, what the rule checks and its docs page,
// for every elb-lint finding under the cursor.

import { MarkupKind, type Diagnostic, type Hover, type Position } from 'vscode-languageserver';
import type { RuleMeta } from '../model.js';

export function hoverAt(position: Position, diagnostics: readonly Diagnostic[], rules: ReadonlyMap<string, RuleMeta>): Hover | null {
  const sections: string[] = [];
  const shown = new Set<string>();
  for (const diagnostic of diagnostics) {
    const ruleId = String(diagnostic.code ?? '');
    if (!contains(diagnostic.range, position) || shown.has(ruleId)) continue;
    shown.add(ruleId);
    const rule = rules.get(ruleId);
    const lines = [`**elb-lint** \`${ruleId}\``];
    if (rule?.description) lines.push(rule.description);
    const docs = diagnostic.codeDescription?.href ?? rule?.docs;
    if (docs) lines.push(`[${ruleId} documentation](${docs})`);
    sections.push(lines.join('\n\n'));
  }
  if (sections.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') } };
}

function contains(range: Diagnostic['range'], position: Position): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

// What editor.md says a finding becomes, computed in the tests independently of the server.

import type { Diagnostic } from 'vscode-languageserver-protocol';
import { POLICY_DOCS } from '../../src/policies/compile.js';
import { rules } from '../../src/index.js';
import type { JsonFinding } from '../support/helpers.js';

const DOCS = new Map(rules.map((rule) => [rule.id, rule.docs]));
const SEVERITY: Record<string, number> = { error: 1, warning: 2, info: 3 };

export function expectedDiagnostic(finding: JsonFinding, text: string): Diagnostic {
  const fileLevel = finding.pointer === '' && finding.line === 1 && finding.column === 1 && finding.endLine === 1 && finding.endColumn === 1;
  const firstLine = text.split(/\r\n|\r|\n/, 1)[0] ?? '';
  const diagnostic: Diagnostic = {
    range: fileLevel
      ? { start: { line: 0, character: 0 }, end: { line: 0, character: firstLine.length } }
      : { start: { line: finding.line - 1, character: finding.column - 1 }, end: { line: finding.endLine - 1, character: finding.endColumn - 1 } },
    severity: SEVERITY[finding.severity] as Diagnostic['severity'],
    source: 'elb-lint',
    code: finding.ruleId,
    message: finding.message,
  };
  const docs = finding.ruleId.startsWith('policy/') ? POLICY_DOCS : DOCS.get(finding.ruleId);
  if (docs) diagnostic.codeDescription = { href: docs };
  return diagnostic;
}


// The JSON report, field for field as output.md's contract.

import type { Reporter } from './types.js';
import { TOOL_NAME } from './types.js';

const json: Reporter = (report, context) => {
  const document = {
    version: 1,
    tool: { name: TOOL_NAME, version: context.toolVersion },
    files: report.files.map((file) => ({
      path: file.path,
      kind: file.kind,
      findings: file.findings.map((finding) => ({
        ruleId: finding.ruleId,
        severity: finding.severity,
        message: finding.message,
        pointer: finding.pointer,
        line: finding.line,
        column: finding.column,
        endLine: finding.endLine,
        endColumn: finding.endColumn,
        ...(finding.suggestion !== undefined && { suggestion: finding.suggestion }),
      })),
    })),
    summary: { ...report.summary },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
};

export default json;

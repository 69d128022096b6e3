// The JSON report, field for field as output.md's contract. Yielded file by file: the text is the
// same as JSON.stringify of the whole document with two-space indentation, but a run over 10,000
// files never holds it as one string (bench/README.md, peak memory).

import type { FileResult, LintReport } from '../model.js';
import type { Reporter, ReporterContext } from './types.js';
import { TOOL_NAME } from './types.js';

const json: Reporter = function* (report: LintReport, context: ReporterContext) {
  yield `{\n  "version": 1,\n  "tool": ${nested({ name: TOOL_NAME, version: context.toolVersion }, 1)},\n  "files": [`;
  for (let index = 0; index < report.files.length; index++) {
    const file = report.files[index] as FileResult;
    yield `${index === 0 ? '' : ','}\n    ${isClean(file) ? cleanEntry(file) : nested(fileEntry(file), 2)}`;
  }
  yield `${report.files.length === 0 ? '' : '\n  '}],\n  "summary": ${nested({ ...report.summary }, 1)}\n}\n`;
};

/** A value as JSON.stringify(…, null, 2) writes it `level` levels deep (JSON strings hold no raw line break). */
function nested(value: unknown, level: number): string {
  return JSON.stringify(value, null, 2).replaceAll('\n', `\n${'  '.repeat(level)}`);
}

function isClean(file: FileResult): boolean {
  return file.findings.length === 0 && file.output === undefined;
}

/** What `nested(fileEntry(file), 2)` gives for a file without findings, written directly: most files of a large run. */
function cleanEntry(file: FileResult): string {
  return `{\n      "path": ${JSON.stringify(file.path)},\n      "kind": ${JSON.stringify(file.kind)},\n      "findings": []\n    }`;
}

function fileEntry(file: FileResult) {
  return {
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
      ...(finding.fix !== undefined && { fix: finding.fix }),
      ...(finding.suggestions !== undefined && { suggestions: finding.suggestions }),
    })),
    ...(file.output !== undefined && { output: file.output }),
  };
}

export default json;

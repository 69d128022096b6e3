// The JSON report, field for field as output.md's contract. Yielded file by file: the text is the
// same as JSON.stringify of the whole document with two-space indentation, but a run over 10,000
// files never holds it as one string (bench/README.md, peak memory).

import type { FileResult, Finding, LintReport, Suggestion, TextEdit } from '../model.js';
import type { Reporter, ReporterContext } from './types.js';
import { TOOL_NAME } from './types.js';

const json: Reporter = function* (report: LintReport, context: ReporterContext) {
  yield `{\n  "version": 1,\n  "tool": ${nested({ name: TOOL_NAME, version: context.toolVersion }, 1)},\n  "files": [`;
  for (let index = 0; index < report.files.length; index++) {
    yield `${index === 0 ? '' : ','}\n    ${fileEntry(report.files[index] as FileResult)}`;
  }
  yield `${report.files.length === 0 ? '' : '\n  '}],\n  "summary": ${nested({ ...report.summary }, 1)}\n}\n`;
};

/** A value as JSON.stringify(…, null, 2) writes it `level` levels deep (JSON strings hold no raw line break). */
function nested(value: unknown, level: number): string {
  return JSON.stringify(value, null, 2).replaceAll('\n', `\n${'  '.repeat(level)}`);
}

// A file's entry is written field by field, in output.md's order, as JSON.stringify(entry, null, 2)
// would indent it two levels deep: a large run writes thousands, and building each as an object for
// JSON.stringify to indent, then indenting it again, took twice as long. Strings go through
// JSON.stringify (its escaping); numbers are integers, written as they are.
const text = JSON.stringify;

function fileEntry(file: FileResult): string {
  let entry = `{\n      "path": ${text(file.path)},\n      "kind": ${text(file.kind)},\n      "findings": [`;
  for (let index = 0; index < file.findings.length; index++) entry += `${index === 0 ? '' : ','}\n        ${findingEntry(file.findings[index] as Finding)}`;
  entry += file.findings.length === 0 ? ']' : '\n      ]';
  if (file.output !== undefined) entry += `,\n      "output": ${text(file.output)}`;
  return `${entry}\n    }`;
}

const FINDING = '\n          ';

function findingEntry(finding: Finding): string {
  let entry = `{${FINDING}"ruleId": ${text(finding.ruleId)},${FINDING}"severity": ${text(finding.severity)},${FINDING}"message": ${text(finding.message)},${FINDING}"pointer": ${text(finding.pointer)},` +
    `${FINDING}"line": ${finding.line},${FINDING}"column": ${finding.column},${FINDING}"endLine": ${finding.endLine},${FINDING}"endColumn": ${finding.endColumn}`;
  if (finding.suggestion !== undefined) entry += `,${FINDING}"suggestion": ${text(finding.suggestion)}`;
  if (finding.fix !== undefined) entry += `,${FINDING}"fix": ${editEntry(finding.fix, FINDING)}`;
  if (finding.suggestions !== undefined) {
    entry += `,${FINDING}"suggestions": [`;
    const item = `${FINDING}    `;
    for (let index = 0; index < finding.suggestions.length; index++) {
      const suggestion = finding.suggestions[index] as Suggestion;
      entry += `${index === 0 ? '' : ','}${FINDING}  {${item}"desc": ${text(suggestion.desc)},${item}"fix": ${editEntry(suggestion.fix, item)}${FINDING}  }`;
    }
    entry += finding.suggestions.length === 0 ? ']' : `${FINDING}]`;
  }
  return `${entry}\n        }`;
}

/** `{ range, text }` with its members on lines that start with `indent` and two spaces. */
function editEntry(edit: TextEdit, indent: string): string {
  const inner = `${indent}  `;
  return `{${inner}"range": [${inner}  ${edit.range[0]},${inner}  ${edit.range[1]}${inner}],${inner}"text": ${text(edit.text)}${indent}}`;
}

export default json;

// The result model every stage shares: rules produce findings, the engine adds positions and
// severities, reporters turn a LintReport into text. Nothing here knows about files or output.

export const KINDS = ['create-loadbalancer', 'create-master-slave-pool'] as const;
export type Kind = (typeof KINDS)[number];

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type SeveritySetting = Severity | 'off';

/** 1-based line/column span in the file's original text; columns count UTF-16 code units. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Finding extends Span {
  ruleId: string;
  severity: Severity;
  message: string;
  /** RFC 6901 pointer into the request body ("" is the whole body). */
  pointer: string;
  /** Replacement value or field name behind a "did you mean …?". */
  suggestion?: string;
}

export interface FileResult {
  /** As the user named it, relative to the working directory, with `/` separators. */
  path: string;
  kind: Kind | null;
  findings: Finding[];
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface LintReport {
  files: FileResult[];
  summary: Summary;
}

/** What reporters may know about a rule (the registry's metadata, plus custom policies). */
export interface RuleMeta {
  id: string;
  severity: Severity;
  description: string;
  /** Link to the rule's docs page. */
  docs: string;
}

export function isKind(value: unknown): value is Kind {
  return typeof value === 'string' && (KINDS as readonly string[]).includes(value);
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || compareStrings(a.ruleId, b.ruleId) ||
    compareStrings(a.pointer, b.pointer);
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function summarize(files: readonly FileResult[]): Summary {
  const summary: Summary = { files: files.length, errors: 0, warnings: 0, infos: 0 };
  for (const file of files) {
    for (const finding of file.findings) {
      if (finding.severity === 'error') summary.errors++;
      else if (finding.severity === 'warning') summary.warnings++;
      else summary.infos++;
    }
  }
  return summary;
}

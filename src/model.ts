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

/**
 * Replace the file text from offset `range[0]` to `range[1]` (UTF-16 code units into the whole
 * file's text, `.http` files included) with `text`.
 */
export interface TextEdit {
  range: [number, number];
  text: string;
}

/** An edit a person may choose in the editor; never applied by --fix. */
export interface Suggestion {
  desc: string;
  fix: TextEdit;
}

export interface Finding extends Span {
  ruleId: string;
  severity: Severity;
  message: string;
  /** RFC 6901 pointer into the request body ("" is the whole body). */
  pointer: string;
  /** Replacement value or field name behind a "did you mean …?". */
  suggestion?: string;
  /** A safe edit: one a careful reviewer would accept without looking (api.md). */
  fix?: TextEdit;
  suggestions?: Suggestion[];
}

export interface FileResult {
  /** As the user named it, relative to the working directory, with `/` separators. */
  path: string;
  kind: Kind | null;
  findings: Finding[];
  /** With --fix-dry-run: the text after every safe fix. */
  output?: string;
}

/** What became of one input: linted, left out on purpose (with the reason), or unreadable. */
export type FileOutcome =
  | { status: 'linted'; result: FileResult; skippedRequests?: string[] }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; reason: string };

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
  /** Its findings may carry a safe `fix`. */
  fixable?: boolean;
  /** Its findings may carry `suggestions`. */
  hasSuggestions?: boolean;
}

/** A saved `GET /v3/{project_id}/elb/flavors` response, indexed for the flavor rules. */
export interface Flavor {
  id: string;
  name: string | undefined;
  type: string;
  soldOut: boolean;
}

export interface FlavorCatalog {
  /** Where the catalog came from, for messages. */
  source: string;
  byId: ReadonlyMap<string, Flavor>;
}

export function isKind(value: unknown): value is Kind {
  return typeof value === 'string' && (KINDS as readonly string[]).includes(value);
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || compareStrings(a.ruleId, b.ruleId) ||
    compareStrings(a.pointer, b.pointer);
}

/**
 * What makes two findings the same finding across runs: file, rule and JSON pointer, never the
 * line or the message, so edits elsewhere in the file keep it. Baselines match on it; SARIF and
 * GitLab fingerprints hash it (with the occurrence among identical ones).
 */
export function findingIdentity(path: string, finding: { readonly ruleId: string; readonly pointer: string }): string {
  return `${path}\u0000${finding.ruleId}\u0000${finding.pointer}`;
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

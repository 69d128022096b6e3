// One request body through the pipeline: parse → kind → schema → semantic rules → policies →
// severities and suppressions → positions. Positions are computed last, and only for the
// findings that survive.

import { almostRequest, detectKind, looksLikeRequest } from '../input/kind.js';
import type { LineIndex } from '../json/line-index.js';
import { parseJson } from '../json/parse.js';
import { isObject, parentPointer, pointerText } from '../json/pointer.js';
import { Locator } from '../json/locate.js';
import type { TextRange } from '../json/tree.js';
import { compareFindings, type Finding, type FlavorCatalog, type Kind, type SeveritySetting, type Suggestion } from '../model.js';
import { SCHEMA_RULE_BY_KEYWORD, SEMANTIC_RULES } from '../rules/index.js';
import inputUnknownKind, { unknownKindMessage } from '../rules/input/unknown-kind.js';
import internalRuleError, { ruleErrorMessage } from '../rules/internal/rule-error.js';
import parseDuplicateKey, { duplicateKeyMessage } from '../rules/parse/duplicate-key.js';
import parseInvalidJson, { invalidJsonMessage } from '../rules/parse/invalid-json.js';
import type { DocumentEdit, DocumentFix, DocumentSuggestion, Report, SemanticRule } from '../rules/rule.js';
import type { SchemaIssue } from '../schema/issue.js';
import { withoutOptionalNulls } from '../schema/optional-nulls.js';
import { schemaIssues } from '../schema/validate.js';
import { BodyContext } from './context.js';
import { isEditList, toTextEdit, type EditSource, type FixCheck } from './edits.js';

/** A custom check from rules.yaml, already compiled. */
export interface PolicyCheck {
  ruleId: string;
  kind: Kind | undefined;
  run(body: unknown): Report[];
}

/** Everything the configuration decides for one file. */
export interface FileSettings {
  severity(ruleId: string): SeveritySetting;
  suppressed(pointer: string): boolean;
  /** Whether a value is a template placeholder (only strings ever are: rules ask it of strings alone). */
  isPlaceholder(value: unknown): boolean;
  flavors: FlavorCatalog | undefined;
  policies: readonly PolicyCheck[];
}

export interface BodySource {
  /** The whole file's text (positions are those of the file) and its line index. */
  fileText: string;
  lines: LineIndex;
  /** Where the body lies in the file text. */
  start: number;
  end: number;
  /** Kind decided outside the body: --kind, a `kinds` mapping, an .http request line. */
  kind: Kind | undefined;
  /** Named on the command line (not found through a directory or glob). */
  explicit: boolean;
  /** The file's text as written, when `fileText` differs from it (an .http file's blanked comment lines). */
  original?: string | undefined;
}

export type BodyResult =
  | { status: 'linted'; kind: Kind | null; findings: Finding[] }
  | { status: 'skipped'; reason: string };

interface Located {
  ruleId: string;
  pointer: string;
  message: string;
  suggestion: string | undefined;
  fix: DocumentFix | undefined;
  suggestions: readonly DocumentSuggestion[] | undefined;
  /** Body-relative range when the finding knows it (parse errors, duplicates); else from the pointer. */
  range: TextRange | undefined;
}

/**
 * Every finding of a body in one shape, its fields copied rather than spread: optimised code that
 * handles findings then meets one object layout, not one per rule (each spread shape made V8
 * throw lintBody's optimised code away and compile it again).
 */
function located(ruleId: string, pointer: string, report: Omit<Report, 'pointer'>, range?: TextRange): Located {
  return { ruleId, pointer, message: report.message, suggestion: report.suggestion, fix: report.fix, suggestions: report.suggestions, range };
}

const NO_POINTERS: ReadonlySet<string> = new Set();

/** Schema findings about the type or value of a field make rules treat that field as unknown. */
const VALUE_KEYWORDS = new Set(['type', 'enum', 'const', 'format', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum']);

export function lintBody(source: BodySource, settings: FileSettings, rules: readonly SemanticRule[] = SEMANTIC_RULES): BodyResult {
  const text = source.fileText.slice(source.start, source.end);
  const found: Located[] = [];
  const parsed = parseJson(text);

  if (!parsed.ok) {
    const looks = source.kind ? { kind: source.kind } : looksLikeRequest(text);
    if (!source.explicit && !looks) return { status: 'skipped', reason: `not JSON (${parsed.error.reason}) and not recognisably a request body` };
    found.push(located(parseInvalidJson.id, '', { message: invalidJsonMessage(parsed.error.reason) }, parsed.error.range));
    return finish(source, settings, looks?.kind ?? null, found, text, false, false);
  }

  const kind = source.kind ?? detectKind(parsed.value);
  // A misspelt wrapper key or both keys is reported wherever the file was found (output.md, "Kinds").
  if (!kind && !source.explicit && !almostRequest(parsed.value)) return { status: 'skipped', reason: 'not a create-loadbalancer or create-master-slave-pool body' };

  // With a duplicate key, which of the two an edit would touch is anybody's guess: no edits then.
  const uniqueKeys = parsed.duplicates.length === 0;
  for (const duplicate of parsed.duplicates) {
    const firstLine = source.lines.position(source.start + duplicate.firstOffset).line;
    found.push(located(parseDuplicateKey.id, duplicate.pointer, { message: duplicateKeyMessage(duplicate.pointer, duplicate.key, firstLine) }, duplicate.range));
  }

  if (!kind) {
    found.push(located(inputUnknownKind.id, '', unknownKindMessage(parsed.value)));
    return finish(source, settings, null, found, text, false, uniqueKeys);
  }

  // `null` for an optional field is "not given" (rules.md): gone before the schema and rules see the body.
  const body = withoutOptionalNulls(kind, parsed.value, text.includes('null'));
  const issues = schemaIssues(kind, body, settings.isPlaceholder);
  // Most bodies have no schema issue: they share one empty set.
  const invalid = issues.length === 0 ? NO_POINTERS : schemaFindings(issues, settings, found);

  if (isObject(body)) {
    let ruleId = '';
    const context = new BodyContext({
      kind,
      body,
      invalid,
      isPlaceholder: settings.isPlaceholder,
      flavors: settings.flavors,
      report: (report) => found.push(located(ruleId, pointerText(report.pointer), report)),
    });
    const active = activeRules(rules, kind, settings);
    // An index loop: until V8 optimises it, for…of allocates an iterator result per rule and body.
    for (let i = 0; i < active.length; i++) {
      const rule = active[i] as SemanticRule;
      ruleId = rule.id;
      try {
        rule.check(context);
      } catch (error) {
        found.push(located(internalRuleError.id, '', { message: ruleErrorMessage(rule.id, error) }));
      }
    }
  }

  for (const policy of settings.policies) {
    if ((policy.kind && policy.kind !== kind) || !isOn(settings, policy.ruleId)) continue;
    try {
      for (const report of policy.run(body)) found.push(located(policy.ruleId, pointerText(report.pointer), report));
    } catch (error) {
      found.push(located(internalRuleError.id, '', { message: ruleErrorMessage(policy.ruleId, error) }));
    }
  }

  const editable = uniqueKeys && found.some((item) => item.fix !== undefined || item.suggestions !== undefined);
  return finish(source, settings, kind, found, text, editable && { check: introducesNoSchemaIssue(kind, issues, settings), value: parsed.value }, uniqueKeys);
}

function isOn(settings: FileSettings, ruleId: string): boolean {
  return settings.severity(ruleId) !== 'off';
}

/**
 * The schema rules' findings of a body's issues, and the pointers whose values rules must treat as
 * unknown. A function of its own: a new shape of issue or message then makes V8 compile only this
 * again, not all of lintBody.
 */
function schemaFindings(issues: readonly SchemaIssue[], settings: FileSettings, found: Located[]): ReadonlySet<string> {
  const invalid = new Set<string>();
  for (const issue of issues) {
    if (VALUE_KEYWORDS.has(issue.keyword)) invalid.add(issue.pointer);
    const rule = SCHEMA_RULE_BY_KEYWORD.get(issue.keyword);
    if (!rule) {
      found.push(located(internalRuleError.id, '', { message: ruleErrorMessage('schema', new Error(`no rule owns the schema keyword "${issue.keyword}"`)) }));
    } else if (isOn(settings, rule.id)) {
      found.push(located(rule.id, issue.pointer, rule.describe(issue)));
    }
  }
  return invalid;
}

/** The rules of a kind that a file's settings leave on, worked out once per settings object and kind. */
const ACTIVE_RULES = new WeakMap<FileSettings, Map<Kind, readonly SemanticRule[]>>();

function activeRules(rules: readonly SemanticRule[], kind: Kind, settings: FileSettings): readonly SemanticRule[] {
  const pick = () => rules.filter((rule) => rule.kinds.includes(kind) && isOn(settings, rule.id));
  // Only the registry's list is remembered: a caller's own list (tests) is filtered each time.
  if (rules !== SEMANTIC_RULES) return pick();
  let byKind = ACTIVE_RULES.get(settings);
  if (!byKind) ACTIVE_RULES.set(settings, (byKind = new Map()));
  let active = byKind.get(kind);
  if (!active) byKind.set(kind, (active = pick()));
  return active;
}

/**
 * A safe fix makes the body no worse by the schema: after it, every schema issue is one the body
 * had before. A fixed type that is still out of range, or a renamed field whose value the new name
 * does not take, stays a suggestion.
 */
function introducesNoSchemaIssue(kind: Kind, before: readonly SchemaIssue[], settings: FileSettings): FixCheck {
  const known = new Set(before.map(issueKey));
  // Judged as the body was: optional nulls taken out first (walked for only when a null may be there).
  return (fixedBody, mayHoldNull) => schemaIssues(kind, withoutOptionalNulls(kind, fixedBody, mayHoldNull), settings.isPlaceholder).every((issue) => known.has(issueKey(issue)));
}

function issueKey(issue: SchemaIssue): string {
  return `${issue.keyword}\u0000${issue.pointer}`;
}

/** `uniqueKeys`: the body has no duplicate key, so locating a pointer may stop at its first match. */
/** What edits need of a body that may have them: the check a safe fix must pass, and the parsed body. */
interface Editable {
  check: FixCheck;
  value: unknown;
}

function finish(source: BodySource, settings: FileSettings, kind: Kind | null, found: Located[], text: string, editable: false | Editable, uniqueKeys: boolean): BodyResult {
  let locator: Locator | undefined;
  const findings: Finding[] = [];
  const edits: EditSource | undefined = editable ? { text, offset: source.start, original: source.original, isPlaceholder: settings.isPlaceholder, value: editable.value } : undefined;
  if (editable) dropCollidingRenames(found);
  const budget = editable ? { left: EDIT_BUDGET } : undefined;
  for (const item of found) {
    const severity = settings.severity(item.ruleId);
    if (severity === 'off' || settings.suppressed(item.pointer)) continue;
    const range = item.range ?? (locator ??= new Locator(text, uniqueKeys)).rangeOf(item.pointer);
    const start = source.lines.position(source.start + range.offset);
    const end = source.lines.position(source.start + Math.max(range.end, range.offset));
    const finding: Finding = { ruleId: item.ruleId, severity, message: item.message, pointer: item.pointer, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
    if (item.suggestion !== undefined) finding.suggestion = item.suggestion;
    if (edits && budget && editable) addEdits(finding, item, edits, editable.check, budget);
    findings.push(finding);
  }
  findings.sort(compareFindings);
  return { status: 'linted', kind, findings };
}

/**
 * Each edit costs a scan and a parse of the body (and a schema check for a safe fix): the first
 * findings of a hostile body with thousands of them get edits, the rest none, and the run stays
 * linear. A request body of a few kilobytes never comes near it.
 */
const EDIT_BUDGET = 4_000_000;

/** A finding's fix and suggestions as text edits; those that cannot be made safely are left out. */
function addEdits(finding: Finding, item: Located, source: EditSource, check: FixCheck, budget: { left: number }): void {
  if (item.fix === undefined && item.suggestions === undefined) return;
  const affordable = () => (budget.left -= source.text.length + 1) >= 0;
  const fix = item.fix === undefined || !affordable() ? undefined : toTextEdit(source, item.fix, check);
  const suggestions: Suggestion[] = [];
  for (const suggestion of item.suggestions ?? []) {
    if (!affordable()) break;
    const edit = toTextEdit(source, suggestion.fix);
    if (edit) suggestions.push({ desc: suggestion.desc, fix: edit });
  }
  if (fix) finding.fix = fix;
  if (suggestions.length > 0) finding.suggestions = suggestions;
}

/**
 * Two safe renames onto one key of one object (`Name` and `NAME` → `name`) are each safe alone and
 * a duplicate key together: neither is safe then.
 */
function dropCollidingRenames(found: Located[]): void {
  const targets = new Map<string, Located[]>();
  for (const item of found) {
    const target = renameTarget(item.fix);
    if (target !== undefined) targets.set(target, [...(targets.get(target) ?? []), item]);
  }
  for (const items of targets.values()) if (items.length > 1) for (const item of items) item.fix = undefined;
}

function renameTarget(fix: DocumentFix | undefined): string | undefined {
  const edits: readonly DocumentEdit[] = fix === undefined ? [] : isEditList(fix) ? fix : [fix];
  for (const edit of edits) {
    if ('renameKey' in edit) return `${parentPointer(pointerText(edit.renameKey))}\u0000${edit.key}`;
  }
  return undefined;
}

// What a rule is. Metadata is declared once, in the rule's own module; the registry, README,
// `--list-rules`, SARIF and the docs check all read it from there.
//
// Three kinds of rule share the metadata:
// - semantic rules (`check`) read a parsed, schema-checked body and report at JSON pointers;
// - schema rules own Ajv keywords and say in plain words what each Ajv error means;
// - input rules name what the engine itself finds (unparseable JSON, an unknown kind, a crash).
// None of them ever sees a file, a position or an output format.

import type { JsonObject, PointerLike } from '../json/pointer.js';
import type { FlavorCatalog, Kind, RuleMeta, Severity } from '../model.js';
import type { SchemaIssue } from '../schema/issue.js';

export const DOCS_BASE = 'https://github.com/elb-lint/elb-lint/blob/main/docs/rules';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}/${ruleId}.md`;
}

/**
 * A change to the body, said in terms of the JSON document: rules never count offsets. The engine
 * (engine/edits.ts) turns it into one text edit that touches only the tokens it must.
 */
export type DocumentEdit =
  /** Replace the value at the pointer with this value's JSON text. */
  | { replaceValue: PointerLike; json: unknown }
  /** Rename the property at the pointer (its key string only). */
  | { renameKey: PointerLike; key: string }
  /** Remove the property or array element at the pointer, with its comma (and its line when it stands alone on one). */
  | { remove: PointerLike };

/** One edit, or several of one body that become a single text edit spanning them. */
export type DocumentFix = DocumentEdit | readonly DocumentEdit[];

export interface DocumentSuggestion {
  /** What choosing it does, e.g. `Remove "project_id"`. */
  desc: string;
  fix: DocumentFix;
}

export interface Report {
  pointer: PointerLike;
  message: string;
  /** The replacement value or field name behind a "did you mean …?". */
  suggestion?: string;
  /** A safe fix (api.md): only when the meaning the author wanted is certain. The rule must be `fixable`. */
  fix?: DocumentFix;
  /** Edits a person may choose; never applied by --fix. The rule must have `hasSuggestions`. */
  suggestions?: readonly DocumentSuggestion[];
}

/** What a semantic rule can see: the body, and only values that passed the schema. */
export interface RuleContext {
  readonly kind: Kind;
  readonly body: JsonObject;
  /** True when the property is present, whatever its value (placeholders included). */
  has(pointer: PointerLike): boolean;
  /** True when the property is present and the schema accepted its value (placeholders count as accepted). */
  hasValid(pointer: PointerLike): boolean;
  /**
   * The value at the pointer when it is present and passed the schema: right type, known enum
   * value, valid format, not a placeholder. Undefined otherwise, so rules stay silent about
   * values the schema already reported.
   */
  value(pointer: PointerLike): unknown;
  string(pointer: PointerLike): string | undefined;
  number(pointer: PointerLike): number | undefined;
  boolean(pointer: PointerLike): boolean | undefined;
  object(pointer: PointerLike): JsonObject | undefined;
  array(pointer: PointerLike): unknown[] | undefined;
  /** The saved flavor catalog, when the user configured one. */
  readonly flavors: FlavorCatalog | undefined;
  report(report: Report): void;
}

export interface SemanticRule extends RuleMeta {
  kinds: readonly Kind[];
  check(context: RuleContext): void;
}

export interface SchemaRule extends RuleMeta {
  keywords: readonly string[];
  describe(issue: SchemaIssue): Omit<Report, 'pointer'>;
}

export type InputRule = RuleMeta;

export type AnyRule = SemanticRule | SchemaRule | InputRule;

type Definition<T extends RuleMeta> = Omit<T, 'docs'>;

export function defineRule(rule: Definition<SemanticRule>): SemanticRule {
  return { ...rule, docs: docsUrl(rule.id) };
}

export function defineSchemaRule(rule: Definition<SchemaRule>): SchemaRule {
  return { ...rule, docs: docsUrl(rule.id) };
}

export function defineInputRule(rule: Definition<InputRule>): InputRule {
  return { ...rule, docs: docsUrl(rule.id) };
}

export function isSemanticRule(rule: AnyRule): rule is SemanticRule {
  return 'check' in rule;
}

export function isSchemaRule(rule: AnyRule): rule is SchemaRule {
  return 'keywords' in rule;
}

export type { Severity };

// elb-lint as a library (api.md). Importing it has no side effects: nothing is read, printed or
// started until a function is called. The CLI and the language server are front ends over these.

import { loadConfiguration } from './config/load.js';
import type { ResolvedConfig } from './config/types.js';
import { lint } from './lint.js';
import { KINDS, type Kind, type LintReport, type RuleMeta } from './model.js';
import { RULES } from './rules/index.js';
import { printableSchema } from './schema/schemas.js';
import type { Schema } from './schema/fields.js';

export { applyFixes, type FixOutcome } from './engine/fixes.js';
export { lintText, type LintTextOptions } from './engine/lint-text.js';
export { ConfigError, type ConfigProblem } from './config/errors.js';
export { VERSION as version } from './version.js';
export type { FileResult, Finding, Kind, LintReport, RuleMeta, Severity, SeveritySetting, Span, Suggestion, Summary, TextEdit } from './model.js';
export type { ResolvedConfig as Config } from './config/types.js';

export interface LoadConfigOptions {
  /** Where the search for the nearest config file starts, and what relative paths are relative to. */
  cwd: string;
  /** A config file to use instead of searching (relative to cwd). */
  configFile?: string;
  /** `ID=SEVERITY` overrides, as `--rule` takes them. */
  rules?: readonly string[];
  /** A saved flavor catalog (relative to cwd), as `--flavors` takes it. */
  flavorsFile?: string;
}

/**
 * The configuration the CLI would use in `cwd`: the nearest config file, or the built-in preset.
 * Rejects a bad one with a ConfigError whose `file`, `line`, `column` and `message` say where.
 */
export async function loadConfig(options: LoadConfigOptions): Promise<ResolvedConfig> {
  return (await loadConfiguration(options)).config;
}

export interface LintFilesOptions {
  cwd: string;
  config?: ResolvedConfig;
  kind?: Kind;
  /** A named file whose kind cannot be told is skipped, as if found in a directory. */
  skipUnknownKind?: boolean;
  /** Skipped files and other detail, as --debug prints them. */
  debug?: (message: string) => void;
}

export interface LintFilesResult {
  report: LintReport;
  /** What would make the CLI exit with 2: unreadable paths named explicitly, patterns matching nothing. */
  failures: string[];
  /** Worth telling, not a failure (a file vanished while linting). */
  warnings: string[];
}

/** Files, directories and globs, as the CLI lints them before reporting. */
export async function lintFiles(paths: readonly string[], options: LintFilesOptions): Promise<LintFilesResult> {
  const config = options.config ?? (await loadConfig({ cwd: options.cwd }));
  return lint({ cwd: options.cwd, paths, config, kind: options.kind, skipUnknownKind: options.skipUnknownKind, debug: options.debug });
}

/** Every built-in rule's metadata. */
export const rules: readonly RuleMeta[] = RULES.map((rule) => ({
  id: rule.id,
  severity: rule.severity,
  description: rule.description,
  docs: rule.docs,
  fixable: rule.fixable === true,
  hasSuggestions: rule.hasSuggestions === true,
}));

/** The JSON Schema of each request body, as `--print-schema` prints it. */
export const schemas: Readonly<Record<Kind, Schema>> = Object.fromEntries(KINDS.map((kind) => [kind, printableSchema(kind)])) as Record<Kind, Schema>;

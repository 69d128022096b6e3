// Reporters are pure: (report, context) → text, whole or in pieces (a large report need never be
// one string in memory). Only the CLI writes to stdout or files.

import type { LintReport, RuleMeta } from '../model.js';

export interface ReporterContext {
  /** Every rule that can appear in the report (built-in rules and custom policies). */
  rules: readonly RuleMeta[];
  toolVersion: string;
  /** Whether to use ANSI colours (human format only). */
  color: boolean;
  /** How the run ended, beyond the report itself, for the closing line of the human format. */
  outcome?: RunOutcome;
}

export interface RunOutcome {
  /** The run failed (exit code 2): a path could not be read, a baseline not applied. */
  failed: boolean;
  /** Warnings left out of the report by --quiet (they still count for --max-warnings). */
  hiddenWarnings: number;
  /** Set when there are more warnings than --max-warnings allows. */
  warningsOverLimit?: { warnings: number; limit: number };
}

export type Reporter = (report: LintReport, context: ReporterContext) => string | Iterable<string>;

export const TOOL_NAME = 'elb-lint';
export const TOOL_URI = 'https://github.com/elb-lint/elb-lint';

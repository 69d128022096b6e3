// Reporters are pure: (report, context) → text, whole or in pieces (a large report need never be
// one string in memory). Only the CLI writes to stdout or files.

import type { LintReport, RuleMeta } from '../model.js';

export interface ReporterContext {
  /** Every rule that can appear in the report (built-in rules and custom policies). */
  rules: readonly RuleMeta[];
  toolVersion: string;
  /** Whether to use ANSI colours (human format only). */
  color: boolean;
}

export type Reporter = (report: LintReport, context: ReporterContext) => string | Iterable<string>;

export const TOOL_NAME = 'elb-lint';
export const TOOL_URI = 'https://github.com/elb-lint/elb-lint';

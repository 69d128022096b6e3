// The messages between the page and its lint worker. Everything the worker needs comes in the
// request (texts, not files); everything the page shows comes back in the reply.

import type { ConfigProblem } from '../../src/config/errors.js';
import type { FileResult, Kind } from '../../src/model.js';

export interface LintInput {
  text: string;
  /** How the text is named: `.http`/`.rest` selects that framing; rules.yaml globs match it. */
  path: string;
  /** Undefined: told from the body (auto). */
  kind: Kind | undefined;
  /** rules.yaml text; empty: the built-in recommended preset. */
  config: string;
  /** A saved GET /v3/{project_id}/elb/flavors response; empty: none. */
  flavors: string;
}

export type Request = { id: number; type: 'lint' | 'fix-all'; input: LintInput };

export interface LintReply {
  id: number;
  type: 'result';
  result: FileResult;
  /** The text the result is for: after "Fix all", the fixed text. */
  text: string;
  /** With fix-all: how many fixes were applied, over all passes. */
  fixed?: number;
  /** Docs page of each rule ID in the result (built-in rules and the config's policies). */
  docs: Record<string, string>;
  /** Problems of the rules.yaml / flavor catalog text: linted with the built-in preset instead. */
  configProblems: ConfigProblem[];
  flavorProblems: ConfigProblem[];
}

export type Reply = LintReply | { id: number; type: 'failure'; message: string };

// One editor document through the engine, as a file found in a directory walk would go
// (`explicit: false`): a request body (or a near miss of one) is linted, a package.json or
// tsconfig.json is skipped and gets no diagnostics. A document the config's `include` or
// `kinds` names is looked at whatever its language; one its `ignore` names is left alone.

import { compileGlobs, type Matcher } from '../config/globs.js';
import type { ResolvedConfig } from '../config/types.js';
import { configPathOf } from '../engine/lint-text.js';
import { lintFileText } from '../engine/lint-file.js';
import type { FileResult } from '../model.js';
import { lintName, type DocumentTarget } from './documents.js';

const includeMatchers = new WeakMap<ResolvedConfig, Matcher>();

/** The document's result, or undefined when elb-lint does not look at it (not a request body, ignored). */
export function lintDocumentText(text: string, target: DocumentTarget, config: ResolvedConfig): FileResult | undefined {
  const configPath = configPathOf(config, target.file);
  if (!isLookedAt(target, config, configPath)) return undefined;
  const outcome = lintFileText({ path: lintName(target), configPath, explicit: false }, text, { config, kind: undefined });
  return outcome.status === 'linted' ? outcome.result : undefined;
}

function isLookedAt(target: DocumentTarget, config: ResolvedConfig, configPath: string): boolean {
  if (config.isIgnored(configPath)) return false;
  if (target.requestLanguage || config.kindFor(configPath) !== undefined) return true;
  let matcher = includeMatchers.get(config);
  if (!matcher) {
    matcher = compileGlobs(config.include);
    includeMatchers.set(config, matcher);
  }
  return matcher(configPath);
}

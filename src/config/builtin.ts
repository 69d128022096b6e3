// The built-in recommended preset: every rule at its default severity. The repository's
// rules.yaml states the same severities (a test keeps them equal), so no YAML parser is loaded
// when the user has no rules.yaml.

import type { FileSettings } from '../engine/lint-body.js';
import { isUnquotedVariable } from '../input/http-variables.js';
import { RULES_BY_ID } from '../rules/index.js';
import type { ResolvedConfig } from './types.js';

export const DEFAULT_INCLUDE = ['**/*.json', '**/*.http', '**/*.rest'];
export const DEFAULT_PLACEHOLDERS = ['^\\$\\{[A-Za-z0-9_]+\\}$', '^\\{\\{.+\\}\\}$'];

/**
 * Whether a value is a template placeholder such as `${VPC_ID}`, or an unquoted `{{variable}}` of
 * an `.http` body (always, whatever the configuration says). Rules ask this of every value they
 * read, so it is a plain loop (no closure per call).
 */
export function placeholderTest(patterns?: readonly RegExp[]): (value: unknown) => boolean {
  if (patterns === undefined) {
    // The default patterns both start with `$` or `{`, and an unquoted variable's mark is U+FDD0:
    // any other first character settles it without a regex (rules ask of every value they read).
    const defaults = DEFAULT_PLACEHOLDERS.map((source) => new RegExp(source, 'u'));
    const general = placeholderTest(defaults);
    return (value) => {
      if (typeof value !== 'string') return false;
      const first = value.charCodeAt(0);
      return (first === 0x24 || first === 0x7b || first === 0xfdd0) && general(value);
    };
  }
  return (value) => {
    if (typeof value !== 'string') return false;
    for (const pattern of patterns) if (pattern.test(value)) return true;
    return isUnquotedVariable(value);
  };
}

export function builtinConfig(baseDir: string): ResolvedConfig {
  const settings: FileSettings = {
    severity: (ruleId) => RULES_BY_ID.get(ruleId)?.severity ?? 'error',
    suppressed: () => false,
    isPlaceholder: placeholderTest(),
    flavors: undefined,
    policies: [],
  };
  return {
    baseDir,
    source: 'built-in recommended preset',
    include: DEFAULT_INCLUDE,
    ignore: [],
    isIgnored: () => false,
    kindFor: () => undefined,
    settingsFor: () => settings,
  };
}

// The built-in recommended preset: every rule at its default severity. The repository's
// rules.yaml states the same severities (a test keeps them equal), so no YAML parser is loaded
// when the user has no rules.yaml.

import type { FileSettings } from '../engine/lint-body.js';
import { RULES_BY_ID } from '../rules/index.js';
import type { ResolvedConfig } from './types.js';

export const DEFAULT_INCLUDE = ['**/*.json', '**/*.http'];
export const DEFAULT_PLACEHOLDERS = ['^\\$\\{[A-Za-z0-9_]+\\}$', '^\\{\\{.+\\}\\}$'];

export function builtinConfig(baseDir: string): ResolvedConfig {
  const placeholders = DEFAULT_PLACEHOLDERS.map((source) => new RegExp(source, 'u'));
  const settings: FileSettings = {
    severity: (ruleId) => RULES_BY_ID.get(ruleId)?.severity ?? 'error',
    suppressed: () => false,
    isPlaceholder: (value) => typeof value === 'string' && placeholders.some((pattern) => pattern.test(value)),
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

// What the engine needs from a configuration, however it was loaded (built-in preset,
// rules.yaml, command-line flags). Paths are relative to `baseDir` with `/` separators.

import type { FileSettings } from '../engine/lint-body.js';
import type { Kind } from '../model.js';

export interface ResolvedConfig {
  /** Directory the globs and paths of the configuration are relative to. */
  baseDir: string;
  /** Where the configuration came from ("built-in recommended preset" or a file path). */
  source: string;
  /** Globs a directory expands to, and globs that are never linted. */
  include: readonly string[];
  ignore: readonly string[];
  isIgnored(relativePath: string): boolean;
  /** A `kinds` mapping for the file, if any. */
  kindFor(relativePath: string): Kind | undefined;
  settingsFor(relativePath: string): FileSettings;
}

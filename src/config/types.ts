// What the engine needs from a configuration, however it was loaded (built-in preset,
// rules.yaml, command-line flags). Paths are relative to `baseDir` with `/` separators.

import type { FileSettings } from '../engine/lint-body.js';
import type { Kind } from '../model.js';

/** The command-line inputs a configuration was loaded from (with `sources`, what --cache keys results on). */
export interface ConfigOrigin {
  cwd: string;
  /** -c/--config FILE, relative to cwd. */
  configFile?: string | undefined;
  /** --rule ID=SEVERITY, as written. */
  rules?: readonly string[];
  /** --flavors FILE, relative to cwd. */
  flavorsFile?: string | undefined;
}

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
  /** The command-line inputs it was loaded from; undefined for one built in code. */
  origin?: ConfigOrigin;
  /** The files it was read from (rules.yaml and what it extends, the flavor catalog), for cache keys. */
  sources?: readonly string[];
}

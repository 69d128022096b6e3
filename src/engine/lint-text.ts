// lintText (api.md): one text in, the JSON report's entry for it out, with no file system, process
// or CLI in between, so the CLI, the language server, the playground and other programs share it.

import { builtinConfig } from '../config/builtin.js';
import type { ResolvedConfig } from '../config/types.js';
import type { FileResult, Kind } from '../model.js';
import { lintFileText } from './lint-file.js';
import { forwardSlashes, normalizePosix } from '../text/posix-path.js';

export interface LintTextOptions {
  /** How the result names the text; `.http`/`.rest` selects that framing, and the config's globs match it. */
  filePath?: string;
  /** Overrides every other way of telling the kind. */
  kind?: Kind;
  /** Without one, the built-in recommended preset. */
  config?: ResolvedConfig;
}

/** The name a text gets when no filePath is given. */
export const TEXT_PATH = '<text>';

/**
 * The text's result, exactly as the JSON report holds it for a file of that path named on the
 * command line. Never throws on bad input: a broken text is a finding.
 */
export function lintText(text: string, options: LintTextOptions = {}): FileResult {
  const config = options.config ?? builtinConfig('');
  const path = options.filePath === undefined ? TEXT_PATH : forwardSlashes(options.filePath);
  const outcome = lintFileText({ path, configPath: configPathOf(config, path), explicit: true }, text, { config, kind: options.kind });
  // A named text is never skipped (what is not a request gets input/unknown-kind); the fallback keeps the type total.
  return outcome.status === 'linted' ? outcome.result : { path, kind: null, findings: [] };
}

/**
 * The path the config's globs see: relative to its base directory. A relative filePath is taken
 * relative to the directory the config was loaded for (loadConfig's cwd), as the CLI takes it.
 */
export function configPathOf(config: ResolvedConfig, filePath: string): string {
  const path = forwardSlashes(filePath);
  const cwd = config.origin?.cwd;
  const absolute = isAbsolute(path) ? path : cwd !== undefined ? `${forwardSlashes(cwd)}/${path}` : undefined;
  if (absolute === undefined) return normalizePosix(path);
  const base = normalizePosix(forwardSlashes(config.baseDir));
  const full = normalizePosix(absolute);
  if (full === base) return '';
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return full.startsWith(prefix) ? full.slice(prefix.length) : full;
}

function isAbsolute(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:\//.test(path);
}

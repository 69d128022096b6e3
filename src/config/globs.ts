// Globs in rules.yaml (include, ignore, kinds, overrides.files), relative to the directory of the
// file that states them, matched with picomatch against paths relative to the configuration's
// base directory. Loaded only when a configuration has globs. No node:path: the playground uses it too.

import picomatch from 'picomatch/posix';
import { joinPosix, relativePosix } from '../text/posix-path.js';

export type Matcher = (path: string) => boolean;

const OPTIONS = { dot: true, strictBrackets: true };

/** Why a glob cannot be used, or undefined when it can. */
export function globProblem(glob: string): string | undefined {
  if (glob.trim() === '') return 'a glob cannot be empty';
  if (glob.startsWith('!')) return `negated globs ("${glob}") are not supported; list the files a setting applies to (use ignore to leave files out)`;
  if (glob.startsWith('/') || /^[A-Za-z]:[\\/]/.test(glob)) return `"${glob}" is an absolute path; globs are relative to the directory of the configuration file that states them`;
  try {
    picomatch(glob, OPTIONS);
    return undefined;
  } catch (error) {
    return `"${glob}" is not a valid glob: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** A glob stated in a file in `directory`, as seen from the base directory (both absolute, `/` separators). */
export function rebase(glob: string, directory: string, baseDir: string): string {
  return directory === baseDir ? glob : relativePosix(baseDir, joinPosix(directory, glob)) || '.';
}

export function compileGlobs(globs: readonly string[]): Matcher {
  if (globs.length === 0) return () => false;
  const matcher = picomatch([...globs], OPTIONS);
  return (path) => matcher(path);
}

// The include globs a directory walk applies, as a matcher. The built-in globs (every .json,
// .http and .rest file, dotfiles and dot-folders too) come down to a suffix test on the paths a
// walk makes, so a run without include globs of its own never loads picomatch (about 6 ms of a
// directory run). Any other list is picomatch's, as it always was.

import { DEFAULT_INCLUDE } from '../config/builtin.js';

export type PathMatcher = (relativePath: string) => boolean;

export async function includeMatcher(globs: readonly string[]): Promise<PathMatcher> {
  if (globs.length === DEFAULT_INCLUDE.length && globs.every((glob, index) => glob === DEFAULT_INCLUDE[index])) return isIncludedByDefault;
  const { default: picomatch } = await import('picomatch');
  return picomatch([...globs], { dot: true });
}

/**
 * What picomatch(DEFAULT_INCLUDE, { dot: true }) says of a path as the walk makes them: relative,
 * `/` separators, no empty, `.` or `..` segment. `**` takes any folders, and `*.json` any last
 * segment ending in `.json` (`.json` itself included); case counts.
 */
export function isIncludedByDefault(relativePath: string): boolean {
  return relativePath.endsWith('.json') || relativePath.endsWith('.http') || relativePath.endsWith('.rest');
}

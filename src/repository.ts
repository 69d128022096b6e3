// The linted tree's boundary (docs/security.md): the repository that holds the working directory
// (the nearest directory with a `.git` file or directory), or the working directory itself when
// there is none. Symlinks that lead out of it are not followed, and files it names (extends,
// flavors) must lie inside it.

import { lstatSync, realpathSync } from './node-fs.js';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** The nearest directory from `directory` up that holds `.git` (a file in a worktree, a directory otherwise). */
export function repositoryRootOf(directory: string): string | undefined {
  for (let current = resolve(directory); ; current = dirname(current)) {
    if (holdsGit(current)) return current;
    if (dirname(current) === current) return undefined;
  }
}

export function holdsGit(directory: string): boolean {
  try {
    const stats = lstatSync(join(directory, '.git'));
    return stats.isDirectory() || stats.isFile();
  } catch {
    return false;
  }
}

/** The real path of the linted tree for a working directory: its repository root, or the directory itself. */
export function treeRootOf(cwd: string): string {
  return treeOf(cwd).real;
}

/** The linted tree as named (under the working directory's own spelling) and as its real path. */
export interface Tree {
  root: string;
  real: string;
}

export function treeOf(cwd: string): Tree {
  const root = repositoryRootOf(cwd) ?? resolve(cwd);
  return { root, real: realPathOrSelf(root) };
}

/** Whether a path (as named, not resolved) lies in the tree. */
export function namesInside(tree: Tree, path: string): boolean {
  const absolute = resolve(path);
  return isWithin(tree.root, absolute) || isWithin(tree.real, absolute);
}

/** Whether `path` (already a real path) is `root` or lies below it. */
export function isWithin(root: string, path: string): boolean {
  const rest = relative(root, path);
  return rest === '' || (rest !== '..' && !rest.startsWith(`..${sep}`) && !isAbsolute(rest));
}

/** The real path, or undefined when it cannot be resolved (a dangling link, a loop). */
export function realPathOf(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

function realPathOrSelf(path: string): string {
  return realPathOf(path) ?? path;
}

/** Why a symlink out of the repository is left out, for --debug. */
export function outsideReason(real: string): string {
  return `a symlink to ${real}, outside the repository; not followed`;
}

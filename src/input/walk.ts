// Expanding a directory: every file below it that an include glob matches and no ignore glob does.
// A plain walk with readdirSync and an include matcher (include.ts): for a tree of 10,000
// templates it takes a fifth of what fast-glob needs (which also costs 50 ms just to load), and
// it prunes ignored directories, `node_modules` and `.git` without reading them. Dotfiles and dot-folders (`.deploy/lb.json`,
// `.github/elb/…`) are walked like any other (output.md). Command-line globs still go through
// fast-glob.
//
// The tree is untrusted (docs/security.md), and its symlinks with it. Each real directory is
// walked once, known by device and inode: a chain of directories each holding two links to the
// next (2^k paths), links to ancestors, `ln -s / root` or `/proc/self` cost one visit per distinct
// directory. Plain directories are walked before any symlinked one, so a file is named by its own
// path rather than through a link. A symlink whose real path lies outside the repository (the
// boundary) is not followed at all: a planted `secret.json -> ../../.aws/credentials` must not
// end up in a report or a CI log.

import { readdirSync, statSync } from '../node-fs.js';
import type { Dirent } from 'node:fs';
import { sep } from 'node:path';
import { toPosix } from '../paths.js';
import { isWithin, outsideReason, realPathOf } from '../repository.js';
import type { PathMatcher } from './include.js';

export interface WalkOptions {
  /** Whether a file is one to lint, by its path relative to `base` (the include globs). */
  include: PathMatcher;
  /** Files and directories never to visit, as a matcher of paths relative to `base`. */
  isIgnored: (relativePath: string) => boolean;
  /** The directory the globs are relative to (the directory walked, or an ancestor of it). */
  base: string;
  /** The real path that symlinks must stay within (the repository root, or the working directory). */
  boundary: string;
  /** A file or directory left out (a symlink out of the repository, a directory walked already, an unreadable directory), for --debug. */
  onSkip: (path: string, reason: string) => void;
}

export interface Walk {
  /** Absolute paths, each with its path relative to `base` (`/` separators). */
  files: { absolute: string; relative: string }[];
  /** How many directories were read: each distinct directory once. */
  directories: number;
}

const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);

export function walkDirectory(directory: string, options: WalkOptions): Walk {
  const { include } = options;
  const prefixLength = options.base.endsWith(sep) ? options.base.length : options.base.length + 1;
  const relativeOf = (absolute: string) => toPosix(absolute.slice(prefixLength));
  const found: Walk['files'] = [];
  /** Device and inode of every directory read, with the path it was read under. */
  const visited = new Map<string, string>();
  const plain: string[] = [directory];
  const linked: string[] = [];
  for (let path = plain.pop(); path !== undefined; path = plain.pop() ?? linked.shift()) {
    const identity = identityOf(path);
    if (identity === undefined) {
      options.onSkip(path, 'cannot read the directory (it vanished)');
      continue;
    }
    const first = visited.get(identity);
    if (first !== undefined) {
      options.onSkip(path, `the same directory as ${first}, which is walked already; not walked again`);
      continue;
    }
    visited.set(identity, path);
    let entries: Dirent[];
    try {
      entries = readdirSync(path, { withFileTypes: true });
    } catch (error) {
      options.onSkip(path, `cannot read the directory (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      continue;
    }
    for (const entry of entries) {
      const name = entry.name;
      // A name from readdir holds no separator and the directory path is normalised already:
      // joining by hand gives what path.join would, without normalising 10,000 paths again.
      const absolute = path.endsWith(sep) ? path + name : path + sep + name;
      if (ALWAYS_SKIPPED.has(name)) {
        options.onSkip(absolute, `${name} is always left out`);
        continue;
      }
      const relative = relativeOf(absolute);
      if (options.isIgnored(relative)) {
        // Listed for --debug when it could have held or been a file to lint.
        if (!entry.isFile() || include(relative)) options.onSkip(absolute, 'matches an ignore glob in the configuration');
        continue;
      }
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      const isLink = entry.isSymbolicLink();
      if (isLink) {
        const target = statOrUndefined(absolute);
        isDirectory = target?.isDirectory() ?? false;
        isFile = target?.isFile() ?? false;
        if (isDirectory || isFile) {
          const real = realPathOf(absolute);
          if (real === undefined) {
            options.onSkip(absolute, 'cannot resolve the symlink');
            continue;
          }
          if (!isWithin(options.boundary, real)) {
            if (isDirectory || include(relative)) options.onSkip(absolute, outsideReason(real));
            continue;
          }
        }
      }
      if (isDirectory) {
        (isLink ? linked : plain).push(absolute);
      } else if (include(relative)) {
        if (isFile) found.push({ absolute, relative });
        else options.onSkip(absolute, isLink ? 'a symlink to nothing or to something that is not a regular file' : 'not a regular file');
      }
    }
  }
  return { files: found, directories: visited.size };
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** A directory's device and inode (as bigints: inode numbers can exceed 2^53). */
function identityOf(path: string): string | undefined {
  try {
    const stats = statSync(path, { bigint: true });
    return `${stats.dev}:${stats.ino}`;
  } catch {
    return undefined;
  }
}

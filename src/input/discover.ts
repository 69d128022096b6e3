// Command-line paths to the list of files to lint (output.md, "Command line"): a file is linted as
// named, a directory expands to the configuration's include globs, a glob expands with fast-glob
// (loaded only when a directory or glob needs it), `-` is standard input.

import { realpathSync, stat, statSync } from '../node-fs.js';
import type { Stats } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import { describeError } from '../fs-errors.js';
import { toPosix } from '../paths.js';
import { isWithin, namesInside, outsideReason, realPathOf, treeOf, type Tree } from '../repository.js';
import { includeMatcher } from './include.js';
// Only the type: the walker loads when a directory is named, not at start-up.
import type { Walk } from './walk.js';

export interface InputFile {
  /** How reports name the file: relative to the working directory, `/` separators. */
  path: string;
  /** Absolute path, or undefined for standard input. */
  absolute: string | undefined;
  /** Named on the command line, not found through a directory or glob. */
  explicit: boolean;
  /** Path relative to the configuration's base directory, for globs in rules.yaml. */
  configPath: string;
}

export interface Discovery {
  files: InputFile[];
  /** Paths that cannot be linted at all (exit code 2). */
  failures: string[];
  /** Files left out on purpose, for --debug. */
  skipped: { path: string; reason: string }[];
  /** Directories read to expand directory arguments (each distinct directory once per argument). */
  directories: number;
  /** Worth telling the user, but not a failure. */
  warnings: string[];
}

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

export async function discover(args: readonly string[], options: { cwd: string; config: ResolvedConfig; stdinFilename?: string }): Promise<Discovery> {
  const { cwd, config } = options;
  const byAbsolute = new Map<string, InputFile>();
  const discovery: Discovery = { files: [], failures: [], skipped: [], directories: 0, warnings: [] };
  const tree = treeOf(cwd);
  /** A path in the tree that is a symlink out of it (the tree is untrusted, docs/security.md). */
  const leadsOut = (absolute: string): string | undefined => {
    if (!namesInside(tree, absolute)) return undefined;
    const real = realPathOf(absolute);
    return real !== undefined && !isWithin(tree.real, real) ? real : undefined;
  };
  /** `walked`: the path relative to the base a directory walk used, taken as it is where that base is the one wanted. */
  const toInput = (absolute: string, explicit: boolean, walked?: { base: string; relative: string }): InputFile => ({
    path: walked?.base === cwd ? walked.relative : displayPath(cwd, absolute),
    absolute,
    explicit,
    configPath: walked?.base === config.baseDir ? walked.relative : relativePath(config.baseDir, absolute),
  });
  const add = (file: InputFile) => {
    const key = file.absolute ?? '-';
    const known = byAbsolute.get(key);
    if (!known) byAbsolute.set(key, file);
    else if (file.explicit) known.explicit = true;
  };

  for (const arg of args.length === 0 ? ['.'] : args) {
    if (arg === '-') {
      const name = options.stdinFilename;
      const absolute = name ? resolve(cwd, name) : undefined;
      const input: InputFile = { path: absolute ? displayPath(cwd, absolute) : '<stdin>', absolute: undefined, explicit: true, configPath: absolute ? toPosix(relative(config.baseDir, absolute)) : '<stdin>' };
      // As ESLint: standard input named as an ignored file is not linted, with a warning (an
      // editor or hook that pipes every buffer in must not fail on files the project ignores).
      if (absolute && config.isIgnored(input.configPath)) discovery.warnings.push(`standard input, named "${input.path}" by --stdin-filename, matches an ignore glob in the configuration; it was not linted.`);
      else add(input);
      continue;
    }
    const absolute = resolve(cwd, arg);
    const stats = statOrError(absolute);
    if (stats instanceof Error) {
      const code = (stats as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && (await isGlob(arg))) {
        const matches = await globFiles(toPosix(arg), cwd, tree, discovery.skipped);
        if (matches.length === 0) discovery.failures.push(`No files match the pattern "${arg}".`);
        for (const match of matches) {
          const real = leadsOut(match);
          if (real === undefined) add(toInput(match, false));
          else discovery.skipped.push({ path: displayPath(cwd, match), reason: outsideReason(real) });
        }
      } else {
        discovery.failures.push(`Cannot read "${arg}": ${describeError(stats)}.`);
      }
      continue;
    }
    const real = leadsOut(absolute);
    if (real !== undefined) {
      discovery.failures.push(`Cannot read "${arg}": it is a symlink to ${real}, outside the repository; elb-lint does not follow it.`);
      continue;
    }
    if (stats.isDirectory()) {
      const walk = await expandDirectory(absolute, config, cwd, tree.real, discovery.skipped);
      discovery.directories += walk.directories;
      for (const { absolute: match, relative } of walk.files) add(toInput(match, false, { base: walk.base, relative }));
      continue;
    }
    const input = toInput(absolute, true);
    if (config.isIgnored(input.configPath)) discovery.skipped.push({ path: input.path, reason: 'matches an ignore glob in the configuration' });
    else add(input);
  }

  for (const file of byAbsolute.values()) {
    if (!file.explicit && config.isIgnored(file.configPath)) discovery.skipped.push({ path: file.path, reason: 'matches an ignore glob in the configuration' });
    else discovery.files.push(file);
  }
  discovery.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return discovery;
}

/** A directory expands to the include globs (relative to the config's base), minus the ignores. */
async function expandDirectory(directory: string, config: ResolvedConfig, cwd: string, boundary: string, skipped: Discovery['skipped']): Promise<Walk & { base: string }> {
  const fromBase = toPosix(relative(config.baseDir, directory));
  const inside = fromBase === '' || (!fromBase.startsWith('../') && fromBase !== '..' && !isAbsolute(fromBase));
  const [{ walkDirectory }, include] = await Promise.all([import('./walk.js'), includeMatcher(config.include)]);
  // Outside the configuration's directory its globs mean nothing: take the include globs as
  // relative to the directory named, and no ignores.
  const base = inside ? config.baseDir : directory;
  const walk = walkDirectory(directory, {
    include,
    isIgnored: inside ? config.isIgnored : () => false,
    base,
    boundary,
    onSkip: (path, reason) => skipped.push({ path: displayPath(cwd, path), reason }),
  });
  return { ...walk, base };
}

/** A command-line glob, with fast-glob; the configuration's ignore globs are applied by the caller. */
async function globFiles(pattern: string, cwd: string, tree: Tree, skipped: Discovery['skipped']): Promise<string[]> {
  const { default: fastGlob } = await import('fast-glob');
  const found = await fastGlob(pattern, {
    cwd,
    absolute: true,
    onlyFiles: true,
    // Dotfiles and dot-folders are linted like any other file (output.md); only .git and node_modules are left out.
    dot: true,
    followSymbolicLinks: true,
    fs: loopSafeFileSystem(cwd, tree, skipped),
    suppressErrors: true,
    ignore: ALWAYS_IGNORED,
  });
  return found.map((file) => resolve(file));
}

/**
 * fast-glob follows symlinked directories without noticing cycles: `d/up -> ..` lists every file
 * once per level until the kernel's ELOOP limit (40), and two such links make that 2^40 paths.
 * Only symlinks reach this `stat`, so plain trees pay nothing. A symlinked directory is not
 * followed when it leads back to an ancestor of the path being walked (what `find -L` reports as
 * a file system loop), when another symlink already led to the same directory (device and inode:
 * a chain of directories each holding two links to the next is then walked once, not 2^k times),
 * or when it leads out of the repository.
 */
function loopSafeFileSystem(cwd: string, tree: Tree, skipped: Discovery['skipped']) {
  const realPaths = new Map<string, string | undefined>();
  const realPath = (path: string): string | undefined => {
    if (!realPaths.has(path)) {
      try {
        realPaths.set(path, realpathSync(path));
      } catch {
        realPaths.set(path, undefined);
      }
    }
    return realPaths.get(path);
  };
  const followed = new Map<string, string>();
  const refuse = (path: string, stats: Stats, reason: string, callback: (error: NodeJS.ErrnoException | null, stats: Stats) => void) => {
    skipped.push({ path: displayPath(cwd, path), reason });
    callback(Object.assign(new Error(`${path}: not followed`), { code: 'ELOOP' }), stats);
  };
  return {
    stat(path: string, callback: (error: NodeJS.ErrnoException | null, stats: Stats) => void): void {
      stat(path, (error, stats) => {
        if (error || !stats.isDirectory()) return callback(error, stats);
        const absolute = resolve(cwd, path);
        const target = realPath(absolute);
        if (target !== undefined && namesInside(tree, absolute) && !isWithin(tree.real, target)) return refuse(absolute, stats, outsideReason(target), callback);
        for (let ancestor = dirname(absolute); target !== undefined; ancestor = dirname(ancestor)) {
          if (realPath(ancestor) === target) return refuse(absolute, stats, `a symlink loop (it leads back to ${displayPath(cwd, target)}); not followed`, callback);
          if (dirname(ancestor) === ancestor) break;
        }
        const identity = `${stats.dev}:${stats.ino}`;
        const first = followed.get(identity);
        if (first !== undefined && first !== absolute) return refuse(absolute, stats, `the same directory as ${displayPath(cwd, first)}, which is walked already; not walked again`, callback);
        followed.set(identity, absolute);
        callback(null, stats);
      });
    },
  };
}

async function isGlob(arg: string): Promise<boolean> {
  const { default: fastGlob } = await import('fast-glob');
  return fastGlob.isDynamicPattern(toPosix(arg));
}

function statOrError(path: string) {
  try {
    return statSync(path);
  } catch (error) {
    return error as Error;
  }
}

export function displayPath(cwd: string, absolute: string): string {
  return relativePath(cwd, absolute) || '.';
}

/**
 * `path.relative` with `/` separators. Most files of a run lie below the directory, where cutting
 * the prefix gives the same answer without normalising both paths (thousands of files a run).
 */
function relativePath(from: string, absolute: string): string {
  const prefix = from.endsWith(sep) ? from : from + sep;
  if (absolute.startsWith(prefix) && !absolute.includes(`${sep}.`)) return toPosix(absolute.slice(prefix.length));
  return toPosix(relative(from, absolute));
}

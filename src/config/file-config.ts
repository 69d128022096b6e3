// A rules.yaml and the files it extends, read and checked here, compiled by compile.ts into a
// ConfigModel. Every problem in any file of the chain is collected with its file, line and column;
// if there is one, loading fails with a ConfigError listing them all. Loaded (with the yaml
// package) only when a configuration file is used; globs, policies and Ajv load only when the file has them.

import { realpathSync } from '../node-fs.js';
import { dirname, resolve } from 'node:path';
import { isObject } from '../json/pointer.js';
import type { FlavorCatalog, SeveritySetting } from '../model.js';
import { toPosix } from '../paths.js';
import { isWithin, realPathOf, treeRootOf } from '../repository.js';
import { chainModel, compileChain, type ChainFile, type RawConfig } from './compile.js';
import { ConfigError, displayPath, type ConfigProblem } from './errors.js';
import { CONFIG_KEYS } from './schema.js';
import { loadFlavorCatalog } from './flavors-file.js';
import { readConfigText } from './read-config.js';
import type { ConfigModel, Preset } from './resolve.js';
import { schemaProblems } from './validate.js';
import { parseYamlSource } from './yaml-source.js';

export interface FileConfigOptions {
  cwd: string;
  cli: ReadonlyMap<string, SeveritySetting>;
  /** From --flavors, which wins over the configuration's `flavors`. */
  flavors: FlavorCatalog | undefined;
}

/** How long an extends chain may be; real ones have two or three files. */
export const MAX_EXTENDS_DEPTH = 16;

export async function loadConfigFile(file: string, text: string, options: FileConfigOptions): Promise<ConfigModel> {
  const problems: ConfigProblem[] = [];
  const tree = treeRootOf(options.cwd);
  const { chain, preset } = loadChain(file, text, options.cwd, tree, problems);
  if (problems.length > 0) throw new ConfigError(problems);

  const baseDir = dirname(file);
  const compiled = await compileChain(chain, toPosix(baseDir), problems);
  let flavorsRef: { path: string; file: string; line: number; column: number } | undefined;
  for (const reference of compiled.flavors) {
    const path = resolve(dirname(reference.file), reference.path);
    const outside = outsideTree(reference.file, path, tree);
    if (outside) problems.push({ file: reference.file, line: reference.line, column: reference.column, message: `flavors: "${reference.path}" ${outside}; a configuration in the repository names only files inside it.` });
    else flavorsRef = { ...reference, path };
  }

  let flavors = options.flavors;
  if (!flavors && flavorsRef && problems.length === 0) {
    try {
      flavors = loadFlavorCatalog(flavorsRef.path, displayPath(options.cwd, flavorsRef.path), { file: flavorsRef.file, line: flavorsRef.line, column: flavorsRef.column, what: 'flavors' });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return chainModel(compiled, {
    baseDir,
    source: displayPath(options.cwd, file),
    preset,
    cli: options.cli,
    flavors,
    sources: [...chain.map((link) => link.file), ...(flavorsRef ? [flavorsRef.path] : [])],
  });
}

/** The config file and the files it extends, from the last one extended to the config file itself. */
function loadChain(file: string, text: string, cwd: string, tree: string, problems: ConfigProblem[]): { chain: ChainFile[]; preset: Preset } {
  const chain: ChainFile[] = [];
  const visited: string[] = [];
  const shown: string[] = [];
  let current: { file: string; text: string | undefined; namedAt: { file: string; line: number; column: number } | undefined } | undefined = { file, text, namedAt: undefined };
  let preset: Preset = 'recommended';
  while (current) {
    const { namedAt } = current;
    const at = namedAt ?? { file: current.file, line: 1, column: 1 };
    const real = realPath(current.file);
    if (visited.includes(real)) {
      problems.push({ ...at, message: `extends forms a cycle: ${[...shown, displayPath(cwd, current.file)].join(' → ')}.` });
      break;
    }
    if (visited.length >= MAX_EXTENDS_DEPTH) {
      problems.push({ ...at, message: `extends goes more than ${MAX_EXTENDS_DEPTH} files deep (${shown[0]} → … → ${displayPath(cwd, current.file)}); flatten the chain.` });
      break;
    }
    visited.push(real);
    shown.push(displayPath(cwd, current.file));

    let content = current.text;
    if (content === undefined) {
      const read = readConfigText(current.file);
      if (!read.ok) {
        problems.push({ ...at, message: `extends: cannot read "${displayPath(cwd, current.file)}": ${read.reason}.` });
        break;
      }
      content = read.text;
    }
    const source = parseYamlSource(current.file, content);
    if (source.problems.length > 0) {
      problems.push(...source.problems);
      break;
    }
    const value = source.value ?? {};
    if (!isObject(value)) {
      problems.push({ file: current.file, ...source.at([]), message: 'a configuration is a mapping of settings (extends, rules, overrides, policies, …), not a single value or a list.' });
      break;
    }
    // Listing the unknown keys of an extended file that is not a configuration at all would
    // print its content (`extends: secrets.env`): say what it is not, and nothing of what it holds.
    const keys = Object.keys(value);
    if (namedAt && keys.length > 0 && !keys.some((key) => CONFIG_KEYS.has(key))) {
      problems.push({ ...namedAt, message: `extends: "${displayPath(cwd, current.file)}" is not an elb-lint configuration: none of its top-level keys is one of ${[...CONFIG_KEYS].join(', ')}.` });
      break;
    }
    const schema = schemaProblems(value);
    if (schema.length > 0) {
      for (const issue of schema) problems.push({ file: current.file, ...source.at(issue.path, issue.part), message: issue.message });
      break;
    }
    const raw = value as RawConfig;
    chain.unshift({ file: current.file, directory: toPosix(dirname(current.file)), source, raw });
    const extended = raw.extends;
    if (extended === undefined || extended === 'recommended' || extended === 'strict' || extended.trim() === '') {
      preset = extended === 'strict' ? 'strict' : 'recommended';
      break;
    }
    const next = resolve(dirname(current.file), extended);
    const outside = outsideTree(current.file, next, tree);
    if (outside) {
      problems.push({ file: current.file, ...source.at(['extends']), message: `extends: "${extended}" ${outside}; a configuration in the repository extends only files inside it.` });
      break;
    }
    current = { file: next, text: undefined, namedAt: { file: current.file, ...source.at(['extends']) } };
  }
  return { chain, preset };
}

/**
 * Why a file named by a configuration inside the linted tree may not be read: it resolves (through
 * symlinks or `..`) to a file outside the tree. A configuration outside the tree was named by the
 * user with --config, and may name what it likes.
 */
function outsideTree(namedBy: string, file: string, tree: string): string | undefined {
  if (!isWithin(tree, realPath(namedBy))) return undefined;
  const real = realPathOf(file);
  if (real === undefined) return undefined;
  return isWithin(tree, real) ? undefined : 'lies outside the repository';
}

function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return resolve(file);
  }
}


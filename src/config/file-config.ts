// A rules.yaml and the files it extends, read, checked and compiled into a ConfigModel. Every
// problem in any file of the chain is collected with its file, line and column; if there is
// one, loading fails with a ConfigError listing them all. Loaded (with the yaml package) only
// when a configuration file is used; globs, policies and Ajv load only when the file has them.

import { realpathSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { isObject } from '../json/pointer.js';
import type { Kind, SeveritySetting } from '../model.js';
import { isWithin, realPathOf, treeRootOf } from '../repository.js';
import { RULES } from '../rules/index.js';
import { didYouMean, Suggester } from '../text/suggest.js';
import { DEFAULT_INCLUDE, DEFAULT_PLACEHOLDERS, placeholderTest } from './builtin.js';
import { ConfigError, displayPath, type ConfigProblem } from './errors.js';
import { CONFIG_KEYS } from './find.js';
import { loadFlavorCatalog } from './flavors-file.js';
import type { FlavorCatalog } from './flavors.js';
import { RESERVED_NAMES } from './jsonpath.js';
import type { CompiledPolicy, PolicyDefinition, PolicyInput } from './policies.js';
import { readConfigText } from './read-config.js';
import { compileUserRegex } from './regex.js';
import type { ConfigModel, Matcher, OverrideEntry, Preset, SeverityLayer } from './resolve.js';
import { schemaProblems } from './validate.js';
import { parseYamlSource, type YamlPath, type YamlSource } from './yaml-source.js';

/** rules.yaml after its schema check. */
interface RawConfig {
  extends?: string;
  include?: string | string[];
  ignore?: string | string[];
  kinds?: Record<string, Kind>;
  flavors?: string;
  placeholders?: string | string[];
  rules?: Record<string, SeveritySetting>;
  overrides?: { files: string | string[]; rules?: Record<string, SeveritySetting>; pointers?: string | string[] }[];
  policies?: PolicyDefinition[];
}

interface ChainFile {
  file: string;
  source: YamlSource;
  raw: RawConfig;
}

export interface FileConfigOptions {
  cwd: string;
  cli: ReadonlyMap<string, SeveritySetting>;
  /** From --flavors, which wins over the configuration's `flavors`. */
  flavors: FlavorCatalog | undefined;
}

/** How long an extends chain may be; real ones have two or three files. */
export const MAX_EXTENDS_DEPTH = 16;
const MAX_POLICY_NAME = 64;

export async function loadConfigFile(file: string, text: string, options: FileConfigOptions): Promise<ConfigModel> {
  const problems: ConfigProblem[] = [];
  const tree = treeRootOf(options.cwd);
  const { chain, preset } = loadChain(file, text, options.cwd, tree, problems);
  if (problems.length > 0) throw new ConfigError(problems);

  const baseDir = dirname(file);
  const knownIds = new Set<string>(RULES.map((rule) => rule.id));
  const policyInputs = new Map<string, PolicyInput>();
  const layers: SeverityLayer[] = [];
  let include: string[] | undefined;
  const ignore: string[] = [];
  const kinds: { glob: string; kind: Kind; matches: Matcher }[] = [];
  let placeholders: { sources: string[]; regexes: RegExp[] } | undefined;
  let flavorsRef: { path: string; file: string; line: number; column: number } | undefined;

  const hasGlobs = chain.some(({ raw }) => raw.include !== undefined || raw.ignore !== undefined || raw.kinds !== undefined || (raw.overrides?.length ?? 0) > 0);
  const globs = hasGlobs ? await import('./globs.js') : undefined;

  for (const { file: configFile, source, raw } of chain) {
    const problem = (path: YamlPath, message: string, part: 'key' | 'value' = 'value') => problems.push({ file: configFile, ...source.at(path, part), message });
    const directory = toPosix(dirname(configFile));
    const base = toPosix(baseDir);
    const globList = (key: string, value: string | string[], path: YamlPath): string[] => {
      const list = Array.isArray(value) ? value : [value];
      const accepted: string[] = [];
      list.forEach((glob, index) => {
        const reason = globs?.globProblem(glob);
        if (reason) problem(Array.isArray(value) ? [...path, index] : path, `${key}: ${reason}.`);
        else accepted.push(globs!.rebase(glob, directory, base));
      });
      return accepted;
    };

    // Policies first: their IDs are rule IDs the rules of this file may name.
    const layerRules = new Map<string, SeveritySetting>();
    const ownNames = new Map<string, number>();
    (raw.policies ?? []).forEach((definition, index) => {
      const at: YamlPath = ['policies', index];
      if (RESERVED_NAMES.has(definition.name)) {
        problem([...at, 'name'], `"${definition.name}" cannot be a policy name: it is a reserved JavaScript property name.`);
        return;
      }
      if (definition.name.length > MAX_POLICY_NAME) problem([...at, 'name'], `policy name "${definition.name}" is ${definition.name.length} characters long; use at most ${MAX_POLICY_NAME}.`);
      const first = ownNames.get(definition.name);
      if (first !== undefined) problem([...at, 'name'], `policies[${first}] is already named "${definition.name}"; policy names must be unique.`);
      ownNames.set(definition.name, index);
      knownIds.add(`policy/${definition.name}`);
      if (definition.severity !== undefined) layerRules.set(`policy/${definition.name}`, definition.severity);
      policyInputs.set(definition.name, { definition, problem: (sub, message, part) => problem([...at, ...sub], message, part) });
    });

    let suggester: Suggester | undefined; // indexed once (after the policies) for every unknown ID of the file
    const severities = (map: Record<string, SeveritySetting> | undefined, path: YamlPath, into: Map<string, SeveritySetting>) => {
      for (const [id, severity] of Object.entries(map ?? {})) {
        if (knownIds.has(id)) {
          into.set(id, severity);
          continue;
        }
        const hint = id.startsWith('policy/')
          ? ` No policy named "${id.slice('policy/'.length)}" is defined in this file or in the files it extends.`
          : '';
        problem([...path, id], `unknown rule "${id}".${didYouMean((suggester ??= new Suggester(knownIds, 3)).closest(id))}${hint}`, 'key');
      }
    };
    severities(raw.rules, ['rules'], layerRules);

    if (raw.extends !== undefined && raw.extends.trim() === '') problem(['extends'], 'extends is empty; use recommended, strict or the path of another rules.yaml.');
    if (raw.include !== undefined) include = globList('include', raw.include, ['include']);
    if (raw.ignore !== undefined) ignore.push(...globList('ignore', raw.ignore, ['ignore']));
    for (const [glob, kind] of Object.entries(raw.kinds ?? {})) {
      const reason = globs?.globProblem(glob);
      if (reason) problem(['kinds', glob], `kinds: ${reason}.`, 'key');
      else {
        const rebased = globs!.rebase(glob, directory, base);
        kinds.push({ glob: rebased, kind, matches: globs!.compileGlobs([rebased]) });
      }
    }
    if (raw.placeholders !== undefined) {
      const list = Array.isArray(raw.placeholders) ? raw.placeholders : [raw.placeholders];
      const regexes: RegExp[] = [];
      list.forEach((text, index) => {
        const compiled = compileUserRegex(text);
        if (typeof compiled === 'string') problem(Array.isArray(raw.placeholders) ? ['placeholders', index] : ['placeholders'], `placeholder ${JSON.stringify(text)} is not a valid regular expression: ${compiled}.`);
        else regexes.push(compiled.regex);
      });
      placeholders = { sources: list, regexes };
    }
    if (raw.flavors !== undefined) {
      if (raw.flavors.trim() === '') problem(['flavors'], 'flavors is empty; give the path of a saved GET /v3/{project_id}/elb/flavors response.');
      else {
        const path = resolve(dirname(configFile), raw.flavors);
        const outside = outsideTree(configFile, path, tree);
        if (outside) problem(['flavors'], `flavors: "${raw.flavors}" ${outside}; a configuration in the repository names only files inside it.`);
        else flavorsRef = { path, file: configFile, ...source.at(['flavors']) };
      }
    }

    const overrides: OverrideEntry[] = [];
    (raw.overrides ?? []).forEach((override, index) => {
      const at: YamlPath = ['overrides', index];
      const files = globList('files', override.files, [...at, 'files']);
      if (Array.isArray(override.files) && override.files.length === 0) problem([...at, 'files'], 'files needs at least one glob.');
      if (override.rules === undefined && override.pointers === undefined) problem(at, 'an override needs rules, pointers or both.');
      const rules = new Map<string, SeveritySetting>();
      severities(override.rules, [...at, 'rules'], rules);
      const pointerList = override.pointers === undefined ? [] : Array.isArray(override.pointers) ? override.pointers : [override.pointers];
      pointerList.forEach((pointer, pointerIndex) => {
        if (!isPointer(pointer)) {
          problem(Array.isArray(override.pointers) ? [...at, 'pointers', pointerIndex] : [...at, 'pointers'],
            `${JSON.stringify(pointer)} is not a JSON pointer: it must be "" (the whole body) or start with "/", with "~" only as ~0 or ~1, e.g. "/loadbalancer/tags".`);
        }
      });
      overrides.push({ files, matches: globs ? globs.compileGlobs(files) : () => false, rules, pointers: pointerList });
    });
    layers.push({ rules: layerRules, overrides });
  }

  const isPlaceholder = placeholderTest(placeholders?.regexes);

  let policies: CompiledPolicy[] = [];
  if (policyInputs.size > 0) {
    const { compilePolicies } = await import('./policies.js');
    policies = await compilePolicies([...policyInputs.values()], isPlaceholder);
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

  return {
    baseDir,
    source: displayPath(options.cwd, file),
    preset,
    layers,
    cli: options.cli,
    include: include ?? DEFAULT_INCLUDE,
    ignore,
    isIgnored: globs && ignore.length > 0 ? globs.compileGlobs(ignore) : () => false,
    kinds,
    placeholders: placeholders?.sources ?? DEFAULT_PLACEHOLDERS,
    isPlaceholder,
    flavors,
    policies,
    sources: [...chain.map((link) => link.file), ...(flavorsRef ? [flavorsRef.path] : [])],
  };
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
    chain.unshift({ file: current.file, source, raw });
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

function isPointer(pointer: string): boolean {
  return pointer === '' || (pointer.startsWith('/') && !/~[^01]|~$/.test(pointer));
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

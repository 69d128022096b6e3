// The settings of a rules.yaml chain, already read and schema-checked, compiled into what the
// configuration model holds: severity layers, globs, placeholders, policies. Reads no file (no
// node:fs, no node:path): the CLI feeds it the files of an extends chain, the playground one text.

import type { Kind, SeveritySetting } from '../model.js';
import { RULES } from '../rules/index.js';
import { didYouMean, Suggester } from '../text/suggest.js';
import { DEFAULT_INCLUDE, DEFAULT_PLACEHOLDERS, placeholderTest } from './builtin.js';
import type { ConfigProblem } from './errors.js';
import { RESERVED_NAMES } from '../policies/jsonpath.js';
import type { CompiledPolicy, PolicyDefinition, PolicyInput } from '../policies/compile.js';
import { compileUserRegex } from './regex.js';
import type { ConfigModel, Matcher, OverrideEntry, SeverityLayer } from './resolve.js';
import type { YamlPath, YamlSource } from './yaml-source.js';

/** rules.yaml after its schema check. */
export interface RawConfig {
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

export interface ChainFile {
  file: string;
  /** The file's directory with `/` separators: its globs are relative to it. */
  directory: string;
  source: YamlSource;
  raw: RawConfig;
}

/** A `flavors:` path as written, and where (reading it is the caller's business). */
export interface FlavorsReference {
  path: string;
  file: string;
  line: number;
  column: number;
}

export interface CompiledChain {
  layers: SeverityLayer[];
  /** Undefined when no file of the chain sets it. */
  include: string[] | undefined;
  ignore: string[];
  isIgnored: Matcher;
  kinds: { glob: string; kind: Kind; matches: Matcher }[];
  /** Undefined when no file of the chain sets them. */
  placeholders: string[] | undefined;
  isPlaceholder: (value: unknown) => boolean;
  policies: CompiledPolicy[];
  /** Every file's `flavors`, from the last file extended to the config file (the last one counts). */
  flavors: FlavorsReference[];
}

/** A compiled chain as a configuration model, with the defaults for what no file of the chain sets. */
export function chainModel(compiled: CompiledChain, where: Pick<ConfigModel, 'baseDir' | 'source' | 'preset' | 'cli' | 'flavors' | 'sources'>): ConfigModel {
  return {
    ...where,
    layers: compiled.layers,
    include: compiled.include ?? DEFAULT_INCLUDE,
    ignore: compiled.ignore,
    isIgnored: compiled.isIgnored,
    kinds: compiled.kinds,
    placeholders: compiled.placeholders ?? DEFAULT_PLACEHOLDERS,
    isPlaceholder: compiled.isPlaceholder,
    policies: compiled.policies,
  };
}

const MAX_POLICY_NAME = 64;

/**
 * Every problem goes into `problems` with its file, line and column; what compiled is returned
 * either way. `chain` runs from the last file extended to the config file itself; `baseDir` (with
 * `/` separators) is what the globs are rebased onto.
 */
export async function compileChain(chain: readonly ChainFile[], baseDir: string, problems: ConfigProblem[]): Promise<CompiledChain> {
  const knownIds = new Set<string>(RULES.map((rule) => rule.id));
  const policyInputs = new Map<string, PolicyInput>();
  const layers: SeverityLayer[] = [];
  let include: string[] | undefined;
  const ignore: string[] = [];
  const kinds: { glob: string; kind: Kind; matches: Matcher }[] = [];
  let placeholders: { sources: string[]; regexes: RegExp[] } | undefined;
  const flavors: FlavorsReference[] = [];

  const hasGlobs = chain.some(({ raw }) => raw.include !== undefined || raw.ignore !== undefined || raw.kinds !== undefined || (raw.overrides?.length ?? 0) > 0);
  const globs = hasGlobs ? await import('./globs.js') : undefined;

  for (const { file: configFile, directory, source, raw } of chain) {
    const problem = (path: YamlPath, message: string, part: 'key' | 'value' = 'value') => problems.push({ file: configFile, ...source.at(path, part), message });
    const globList = (key: string, value: string | string[], path: YamlPath): string[] => {
      const list = Array.isArray(value) ? value : [value];
      const accepted: string[] = [];
      list.forEach((glob, index) => {
        const reason = globs?.globProblem(glob);
        if (reason) problem(Array.isArray(value) ? [...path, index] : path, `${key}: ${reason}.`);
        else accepted.push(globs!.rebase(glob, directory, baseDir));
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
        const rebased = globs!.rebase(glob, directory, baseDir);
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
      else flavors.push({ path: raw.flavors, file: configFile, ...source.at(['flavors']) });
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
    const { compilePolicies } = await import('../policies/compile.js');
    policies = await compilePolicies([...policyInputs.values()], isPlaceholder);
  }

  return {
    layers,
    include,
    ignore,
    isIgnored: globs && ignore.length > 0 ? globs.compileGlobs(ignore) : () => false,
    kinds,
    placeholders: placeholders?.sources,
    isPlaceholder,
    policies,
    flavors,
  };
}

function isPointer(pointer: string): boolean {
  return pointer === '' || (pointer.startsWith('/') && !/~[^01]|~$/.test(pointer));
}

// A configuration from texts alone, for front ends without a file system (the playground): one
// rules.yaml text and, optionally, a flavor catalog parsed from its own text. The checks are the
// CLI's (yaml-source, validate, compile, resolve); what needs other files is reported instead:
// `extends:` another file and a `flavors:` path.

import { formatBytes, MAX_CONFIG_BYTES } from '../engine/limits.js';
import { isObject } from '../json/pointer.js';
import type { FlavorCatalog, RuleMeta } from '../model.js';
import { chainModel, compileChain, type RawConfig } from './compile.js';
import type { ConfigProblem } from './errors.js';
import { resolveModel } from './resolve.js';
import type { ResolvedConfig } from './types.js';
import { schemaProblems } from './validate.js';
import { parseYamlSource } from './yaml-source.js';

export interface TextConfigOptions {
  /** What the problems and the config's `source` name; `rules.yaml` unless given. */
  file?: string;
  /** A catalog the front end parsed itself (parseFlavorCatalog), as --flavors gives one. */
  flavors?: FlavorCatalog;
}

export type TextConfig =
  | { ok: true; config: ResolvedConfig; rules: readonly RuleMeta[] }
  | { ok: false; problems: ConfigProblem[] };

/** Every problem with its line and column, or the configuration; never throws on a bad text. */
export async function configFromText(text: string, options: TextConfigOptions = {}): Promise<TextConfig> {
  const file = options.file ?? 'rules.yaml';
  const problems: ConfigProblem[] = [];
  const fail = (message: string, line = 1, column = 1): TextConfig => ({ ok: false, problems: [...problems, { file, line, column, message }] });

  if (text.length * 3 > MAX_CONFIG_BYTES) {
    const size = new TextEncoder().encode(text).length;
    if (size > MAX_CONFIG_BYTES) return fail(`the configuration is ${formatBytes(size)}, more than the ${formatBytes(MAX_CONFIG_BYTES)} elb-lint reads for a configuration file.`);
  }
  const source = parseYamlSource(file, text.startsWith('\uFEFF') ? text.slice(1) : text);
  if (source.problems.length > 0) return { ok: false, problems: source.problems };
  const value = source.value ?? {};
  if (!isObject(value)) return fail('a configuration is a mapping of settings (extends, rules, overrides, policies, …), not a single value or a list.', source.at([]).line, source.at([]).column);
  const schema = schemaProblems(value);
  if (schema.length > 0) return { ok: false, problems: schema.map((issue) => ({ file, ...source.at(issue.path, issue.part), message: issue.message })) };

  const raw = value as RawConfig;
  const extended = raw.extends;
  if (extended !== undefined && extended !== 'recommended' && extended !== 'strict' && extended.trim() !== '') {
    problems.push({ file, ...source.at(['extends']), message: `extends: "${extended}" is another file, and there are no files here; use recommended or strict, or paste the settings of that file into this one.` });
  }
  const compiled = await compileChain([{ file, directory: '', source, raw }], '', problems);
  for (const { line, column, path } of compiled.flavors) {
    problems.push({ file, line, column, message: `flavors: "${path}" is a file, and there are no files here; paste the saved GET /v3/{project_id}/elb/flavors response into the flavor catalog panel instead.` });
  }
  if (problems.length > 0) return { ok: false, problems };

  const loaded = resolveModel(chainModel(compiled, {
    baseDir: '',
    source: file,
    preset: extended === 'strict' ? 'strict' : 'recommended',
    cli: new Map(),
    flavors: options.flavors,
    sources: [],
  }));
  return { ok: true, config: loaded.config, rules: loaded.rules };
}

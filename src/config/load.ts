// Which configuration a run uses, and loading it (config.md): `-c FILE`, else the nearest
// configuration file from the working directory up to the repository root (find.ts), else the
// built-in recommended preset; then `--flavors` and `--rule ID=SEVERITY` on top.
//
// Start-up cost: without a configuration file nothing beyond this module is loaded. A rules.yaml that is
// exactly the generated recommended preset (the repository's own) is recognised by its text and
// needs no YAML parser either. Any other file loads file-config.js (and with it the yaml package)
// on demand.

import { dirname, relative, resolve, sep } from 'node:path';
import { recommendedPreset } from '../docs/catalog.js';
import type { FlavorCatalog, SeveritySetting } from '../model.js';
import { RULES } from '../rules/index.js';
import { closest, didYouMean, Suggester } from '../text/suggest.js';
import { DEFAULT_INCLUDE, DEFAULT_PLACEHOLDERS, placeholderTest } from './builtin.js';
import { ConfigError, displayPath, type ConfigProblem } from './errors.js';
import { findConfigFile } from './find.js';
import { loadFlavorCatalog } from './flavors-file.js';
import type { ConfigOrigin } from './types.js';
import { readConfigText } from './read-config.js';
import { resolveModel, type ConfigModel, type LoadedConfiguration } from './resolve.js';
import { SEVERITY_SETTINGS } from './schema.js';

export const BUILTIN_SOURCE = 'built-in recommended preset';

/** -c, --rule and --flavors, relative to the working directory. */
export type LoadOptions = ConfigOrigin;

export async function loadConfiguration(options: LoadOptions): Promise<LoadedConfiguration> {
  const { cwd } = options;
  const problems: ConfigProblem[] = [];
  const cli = parseRuleOptions(options.rules ?? [], problems);
  if (problems.length > 0) throw new ConfigError(problems);

  let flavors: FlavorCatalog | undefined;
  if (options.flavorsFile !== undefined) {
    const file = resolve(cwd, options.flavorsFile);
    flavors = loadFlavorCatalog(file, displayPath(cwd, file), { file: undefined, what: '--flavors' });
  }

  const found = options.configFile !== undefined ? undefined : await findConfigFile(cwd, isRecommendedPreset);
  const file = options.configFile !== undefined ? resolve(cwd, options.configFile) : found!.file;
  const notes = (found?.passedOver ?? []).map(({ file: passed, reason }) => `passed over ${displayPath(cwd, passed)}: ${reason}`);
  let model: ConfigModel;
  if (file === undefined) {
    model = builtinModel(cwd, BUILTIN_SOURCE, cli, flavors);
  } else {
    const read = found?.text !== undefined ? { ok: true as const, text: found.text } : readConfigText(file);
    if (!read.ok) {
      const named = options.configFile !== undefined ? `--config ${options.configFile}` : displayPath(cwd, file);
      throw new ConfigError([{ file: undefined, message: `${named}: cannot read the configuration file: ${read.reason}.` }]);
    }
    if (isRecommendedPreset(read.text)) {
      model = { ...builtinModel(dirname(file), displayPath(cwd, file), cli, flavors), sources: [file] };
    } else {
      const { loadConfigFile } = await import('./file-config.js');
      model = await loadConfigFile(file, read.text, { cwd, cli, flavors });
    }
  }

  const known = new Set<string>([...RULES.map((rule) => rule.id), ...model.policies.map((policy) => policy.ruleId)]);
  const suggester = new Suggester(known, 3);
  for (const [id, written] of ruleOptionIds(options.rules ?? [])) {
    if (!known.has(id)) problems.push({ file: undefined, message: `--rule ${written}: unknown rule "${id}".${didYouMean(suggester.closest(id))}` });
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const loaded = resolveModel(model);
  const flavorsFile = options.flavorsFile === undefined ? [] : [resolve(cwd, options.flavorsFile)];
  return { ...loaded, notes, config: { ...loaded.config, origin: options, sources: [...model.sources, ...flavorsFile] } };
}

/** The effective configuration for one file, as --print-config prints it. */
export function printConfig(loaded: LoadedConfiguration, file: string, cwd: string): string {
  const configPath = relative(loaded.config.baseDir, resolve(cwd, file));
  return `${JSON.stringify(loaded.printConfig(sep === '/' ? configPath : configPath.split(sep).join('/')), null, 2)}\n`;
}

let presetText: string | undefined;

/** The repository's own rules.yaml is generated from the rule modules; its text says it all. */
function isRecommendedPreset(text: string): boolean {
  presetText ??= recommendedPreset(RULES);
  return text.replace(/\r\n/g, '\n') === presetText;
}

function builtinModel(baseDir: string, source: string, cli: ReadonlyMap<string, SeveritySetting>, flavors: FlavorCatalog | undefined): ConfigModel {
  return {
    baseDir,
    source,
    preset: 'recommended',
    layers: [],
    cli,
    include: DEFAULT_INCLUDE,
    ignore: [],
    isIgnored: () => false,
    kinds: [],
    placeholders: DEFAULT_PLACEHOLDERS,
    isPlaceholder: placeholderTest(),
    flavors,
    policies: [],
    sources: [],
  };
}

/** `--rule ID=SEVERITY` → ID → severity; the IDs are checked once the configuration's policies are known. */
function parseRuleOptions(specs: readonly string[], problems: ConfigProblem[]): Map<string, SeveritySetting> {
  const cli = new Map<string, SeveritySetting>();
  for (const spec of specs) {
    const equals = spec.indexOf('=');
    const id = spec.slice(0, Math.max(equals, 0)).trim();
    const severity = spec.slice(equals + 1).trim();
    if (equals <= 0 || id === '') {
      problems.push({ file: undefined, message: `--rule ${spec}: write it as ID=SEVERITY, e.g. --rule pool/healthmonitor-timeout=error.` });
    } else if (!(SEVERITY_SETTINGS as readonly string[]).includes(severity)) {
      problems.push({ file: undefined, message: `--rule ${spec}: the severity "${severity}" is not one of ${SEVERITY_SETTINGS.join(', ')}.${didYouMean(closest(severity, SEVERITY_SETTINGS))}` });
    } else {
      cli.set(id, severity as SeveritySetting);
    }
  }
  return cli;
}

function ruleOptionIds(specs: readonly string[]): [string, string][] {
  return specs.filter((spec) => spec.indexOf('=') > 0).map((spec) => [spec.slice(0, spec.indexOf('=')).trim(), spec]);
}

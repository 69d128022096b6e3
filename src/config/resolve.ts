// A loaded configuration (built-in preset, rules.yaml chain, command-line options) turned into
// the ResolvedConfig the engine uses. Everything is compiled before the first file: per file,
// only the matching overrides are found (glob matchers, cached by path), and files that match
// the same overrides share one FileSettings with a precomputed severity table.
//
// Severity precedence, highest first: --rule, then for each file of the extends chain from the
// config file down: its overrides (later entries win), its rules; then the preset (recommended,
// or strict: every warning an error). A policy's own `severity` counts as part of the file that
// declares it; without one it is the preset's default for policies.

import type { FileSettings, PolicyCheck } from '../engine/lint-body.js';
import type { FlavorCatalog, Kind, RuleMeta, Severity, SeveritySetting } from '../model.js';
import { RULES } from '../rules/index.js';
import type { CompiledPolicy } from '../policies/compile.js';
import type { ResolvedConfig } from './types.js';

export type Matcher = (path: string) => boolean;
export type Preset = 'recommended' | 'strict';

export interface OverrideEntry {
  files: readonly string[];
  matches: Matcher;
  rules: ReadonlyMap<string, SeveritySetting>;
  pointers: readonly string[];
}

/** What one configuration file contributes to severities. */
export interface SeverityLayer {
  rules: ReadonlyMap<string, SeveritySetting>;
  overrides: readonly OverrideEntry[];
}

export interface ConfigModel {
  baseDir: string;
  /** Where the configuration came from, for --print-config and --debug. */
  source: string;
  preset: Preset;
  /** From the end of the extends chain (lowest precedence) to the config file itself. */
  layers: readonly SeverityLayer[];
  /** --rule ID=SEVERITY. */
  cli: ReadonlyMap<string, SeveritySetting>;
  include: readonly string[];
  ignore: readonly string[];
  isIgnored: Matcher;
  /** In precedence order: a later entry wins. */
  kinds: readonly { glob: string; kind: Kind; matches: Matcher }[];
  placeholders: readonly string[];
  isPlaceholder(value: unknown): boolean;
  flavors: FlavorCatalog | undefined;
  policies: readonly CompiledPolicy[];
  /** The files it was read from: the config file, the files it extends, a flavor catalog it names. */
  sources: readonly string[];
}

export interface LoadedConfiguration {
  config: ResolvedConfig;
  /** Built-in rules and custom policies, for --list-rules and the reporters (SARIF lists them). */
  rules: readonly RuleMeta[];
  /** The effective configuration for one file (path relative to the config's base directory). */
  printConfig(configPath: string): PrintedConfig;
  /** How the configuration file was found (files passed over), for --debug. */
  notes?: string[];
}

export interface PrintedConfig {
  file: string;
  config: string;
  ignored: boolean;
  kind: Kind | null;
  include: readonly string[];
  ignore: readonly string[];
  placeholders: readonly string[];
  flavors: string | null;
  rules: Record<string, SeveritySetting>;
  suppressedPointers: string[];
  policies: unknown[];
}

export function presetSeverity(preset: Preset, severity: Severity): Severity {
  return preset === 'strict' && severity === 'warning' ? 'error' : severity;
}

export function resolveModel(model: ConfigModel): LoadedConfiguration {
  const policyDefault: Severity = presetSeverity(model.preset, 'warning');
  const base = new Map<string, SeveritySetting>();
  for (const rule of RULES) base.set(rule.id, presetSeverity(model.preset, rule.severity));
  // A policy's own `severity` is in the rules of the file that declares it (see file-config.ts).
  for (const policy of model.policies) base.set(policy.ruleId, policyDefault);
  const ids = [...base.keys()];
  const checks: readonly PolicyCheck[] = model.policies.map((policy) => policy.check);
  const hasOverrides = model.layers.some((layer) => layer.overrides.length > 0);

  const bySignature = new Map<string, { settings: FileSettings; table: Map<string, SeveritySetting>; pointers: string[] }>();
  const byPath = new Map<string, string>();

  const matchedOverrides = (configPath: string): OverrideEntry[][] =>
    model.layers.map((layer) => layer.overrides.filter((override) => override.matches(configPath)));

  const signatureOf = (configPath: string): string => {
    if (!hasOverrides) return '';
    let signature = byPath.get(configPath);
    if (signature === undefined) {
      signature = model.layers.map((layer) => layer.overrides.map((override) => (override.matches(configPath) ? '1' : '0')).join('')).join('|');
      byPath.set(configPath, signature);
    }
    return signature;
  };

  const entryFor = (configPath: string) => {
    const signature = signatureOf(configPath);
    let entry = bySignature.get(signature);
    if (!entry) {
      const matched = hasOverrides ? matchedOverrides(configPath) : model.layers.map(() => []);
      const table = new Map<string, SeveritySetting>();
      for (const id of ids) table.set(id, severityOf(id, model, matched, base));
      const pointers = [...new Set(matched.flat().flatMap((override) => override.pointers))];
      const suppressed = pointers.length === 0
        ? () => false
        : (pointer: string) => pointers.some((prefix) => prefix === '' || pointer === prefix || pointer.startsWith(`${prefix}/`));
      const settings: FileSettings = {
        severity: (ruleId) => table.get(ruleId) ?? 'error',
        suppressed,
        isPlaceholder: (value) => model.isPlaceholder(value),
        flavors: model.flavors,
        policies: checks,
      };
      entry = { settings, table, pointers };
      bySignature.set(signature, entry);
    }
    return entry;
  };

  const kindCache = new Map<string, Kind | undefined>();
  const kindFor = (configPath: string): Kind | undefined => {
    if (model.kinds.length === 0) return undefined;
    if (kindCache.has(configPath)) return kindCache.get(configPath);
    let kind: Kind | undefined;
    for (let i = model.kinds.length - 1; i >= 0; i--) {
      const entry = model.kinds[i]!;
      if (entry.matches(configPath)) {
        kind = entry.kind;
        break;
      }
    }
    kindCache.set(configPath, kind);
    return kind;
  };

  const config: ResolvedConfig = {
    baseDir: model.baseDir,
    source: model.source,
    include: model.include,
    ignore: model.ignore,
    isIgnored: model.isIgnored,
    kindFor,
    settingsFor: (configPath) => entryFor(configPath).settings,
  };

  const rules: RuleMeta[] = [...RULES, ...model.policies.map((policy) => policy.meta(policyDefault))];

  return {
    config,
    rules,
    printConfig(configPath) {
      const entry = entryFor(configPath);
      return {
        file: configPath,
        config: model.source,
        ignored: model.isIgnored(configPath),
        kind: kindFor(configPath) ?? null,
        include: model.include,
        ignore: model.ignore,
        placeholders: model.placeholders,
        flavors: model.flavors?.source ?? null,
        rules: Object.fromEntries([...entry.table].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
        suppressedPointers: entry.pointers,
        policies: model.policies.map((policy) => ({ ruleId: policy.ruleId, ...policy.definition })),
      };
    },
  };
}

function severityOf(id: string, model: ConfigModel, matched: readonly OverrideEntry[][], base: ReadonlyMap<string, SeveritySetting>): SeveritySetting {
  const fromCli = model.cli.get(id);
  if (fromCli !== undefined) return fromCli;
  for (let layer = model.layers.length - 1; layer >= 0; layer--) {
    const overrides = matched[layer] ?? [];
    for (let i = overrides.length - 1; i >= 0; i--) {
      const setting = overrides[i]!.rules.get(id);
      if (setting !== undefined) return setting;
    }
    const setting = model.layers[layer]!.rules.get(id);
    if (setting !== undefined) return setting;
  }
  return base.get(id) ?? 'error';
}

// The configuration of each directory an open document lives in, loaded as the CLI loads it
// (nearest config file, its extends chain and flavor catalog) and kept until a config file
// changes. A broken config never stops linting: the directory gets the built-in preset and the
// problem is kept, for a diagnostic on the config file and a log line.

import { basename, isAbsolute, resolve } from 'node:path';
import { builtinConfig } from '../config/builtin.js';
import { ConfigError, type ConfigProblem } from '../config/errors.js';
import { CONFIG_FILE_NAMES as ELB_LINT_CONFIG_NAMES, SHARED_FILE_NAME } from '../config/find.js';
import { loadConfiguration } from '../config/load.js';
import type { ResolvedConfig } from '../config/types.js';
import type { RuleMeta } from '../model.js';
import { rules as builtinRules } from '../index.js';

/** Names a config file can have (config.md); a change to one anywhere may change a directory's config. */
export const CONFIG_FILE_NAMES = [...ELB_LINT_CONFIG_NAMES, SHARED_FILE_NAME] as const;

export interface ConfigEntry {
  config: ResolvedConfig;
  /** Built-in rules and the config's policies, for hover and docs links. */
  rules: ReadonlyMap<string, RuleMeta>;
  /** Set when the config could not be loaded and the built-in preset stands in. */
  problem: ConfigFailure | undefined;
}

export interface ConfigFailure {
  problems: readonly ConfigProblem[];
  /** One line for window/logMessage. */
  summary: string;
}

const BUILTIN_RULES: ReadonlyMap<string, RuleMeta> = new Map(builtinRules.map((rule) => [rule.id, rule]));

export class ConfigStore {
  private entries = new Map<string, Promise<ConfigEntry>>();
  private settled = new Map<string, ConfigEntry>();
  /** Bumped on every reload: a result computed under an older generation is not published. */
  generation = 0;
  /** Bumped whenever a config finishes loading, so the server republishes config diagnostics only then. */
  loads = 0;

  constructor(private readonly configFile: (directory: string) => string | undefined) {}

  entryFor(directory: string): Promise<ConfigEntry> {
    let entry = this.entries.get(directory);
    if (!entry) {
      const generation = this.generation;
      entry = load(directory, this.configFile(directory)).then((loaded) => {
        if (generation === this.generation) {
          this.settled.set(directory, loaded);
          this.loads++;
        }
        return loaded;
      });
      this.entries.set(directory, entry);
    }
    return entry;
  }

  /** Forget every loaded config; the next lint loads again. */
  reload(): void {
    this.entries.clear();
    this.settled.clear();
    this.generation++;
    this.loads++;
  }

  /** Whether a change to this file may change a loaded configuration. */
  affects(file: string): boolean {
    if ((CONFIG_FILE_NAMES as readonly string[]).includes(basename(file))) return true;
    return this.sourceFiles().has(file);
  }

  /** Every file a loaded config was read from, or that a broken one failed in. */
  sourceFiles(): Set<string> {
    const files = new Set<string>();
    for (const entry of this.settled.values()) {
      for (const source of entry.config.sources ?? []) files.add(source);
      for (const problem of entry.problem?.problems ?? []) if (problem.file !== undefined) files.add(problem.file);
    }
    return files;
  }

  /** The problems of the broken configs loaded so far, by file. */
  problemsByFile(): Map<string, ConfigProblem[]> {
    const byFile = new Map<string, ConfigProblem[]>();
    const seen = new Set<string>();
    for (const entry of this.settled.values()) {
      for (const problem of entry.problem?.problems ?? []) {
        if (problem.file === undefined) continue;
        const key = `${problem.file}\0${problem.line}\0${problem.column}\0${problem.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem]);
      }
    }
    return byFile;
  }

  /** Directories whose config is broken now. */
  brokenDirectories(): string[] {
    return [...this.settled].filter(([, entry]) => entry.problem !== undefined).map(([directory]) => directory);
  }

  /** The distinct failures of the configs loaded so far, for the log. */
  failures(): ConfigFailure[] {
    const bySummary = new Map<string, ConfigFailure>();
    for (const entry of this.settled.values()) if (entry.problem) bySummary.set(entry.problem.summary, entry.problem);
    return [...bySummary.values()];
  }
}

async function load(directory: string, configFile: string | undefined): Promise<ConfigEntry> {
  try {
    const loaded = await loadConfiguration({ cwd: directory, ...(configFile !== undefined ? { configFile } : {}) });
    return { config: loaded.config, rules: new Map(loaded.rules.map((rule) => [rule.id, rule])), problem: undefined };
  } catch (error) {
    const problems: ConfigProblem[] = error instanceof ConfigError
      ? [...error.problems]
      : [{ file: undefined, message: `the configuration could not be loaded: ${error instanceof Error ? error.message : String(error)}` }];
    return { config: builtinConfig(directory), rules: BUILTIN_RULES, problem: { problems, summary: summarize(problems) } };
  }
}

function summarize(problems: readonly ConfigProblem[]): string {
  const lines = problems.map((problem) => {
    if (problem.file === undefined) return problem.message;
    return problem.line === undefined ? `${problem.file}: ${problem.message}` : `${problem.file}:${problem.line}:${problem.column ?? 1}: ${problem.message}`;
  });
  return `elb-lint: the configuration cannot be used, so documents are linted with the built-in recommended preset until it is fixed:\n${lines.join('\n')}`;
}

/** A configFile setting, relative to the workspace folder, as an absolute path. */
export function resolveConfigFile(setting: string | undefined, folder: string | undefined): string | undefined {
  if (setting === undefined) return undefined;
  return isAbsolute(setting) ? setting : resolve(folder ?? process.cwd(), setting);
}

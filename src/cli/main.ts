// argv → options → lint() → reporters → exit code. No rule logic here, and the only place that
// writes to stdout, stderr or report files.

import { resolve } from 'node:path';
import type { ResultCache } from '../cache.js';
import type { ResolvedConfig } from '../config/types.js';
import { lint, type LintOptions } from '../lint.js';
import { isKind, KINDS, summarize, type Kind, type LintReport, type RuleMeta } from '../model.js';
import { RULES } from '../rules/index.js';
import { BUILD, VERSION } from '../version.js';
import { treeOf } from '../repository.js';
import { ConfigError } from '../config/errors.js';
import { loadConfiguration, printConfig } from '../config/load.js';
import { parseCommandLine } from './parse-args.js';
import type { ParsedOptions } from './options.js';
import { resolveOutputs, writeOutputs, type Output } from './outputs.js';
import type { RunOutcome } from '../reporters/types.js';
import { useColor } from './color.js';
import { UsageError } from './errors.js';
import { applyBaseline, baselineOption } from './baseline-option.js';
import { createProgress, wantsProgress } from './progress.js';
import { editsLabel } from '../docs/catalog.js';
import { uptimeMs } from '../uptime.js';

export interface Io {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: { write(text: string): void; isTTY: boolean };
  stderr: { write(text: string): void; isTTY: boolean };
  readStdin(): Uint8Array;
  /** Called with the paths to lint once the command line is read (the process tunes itself for long runs). */
  beforeLinting?(paths: readonly string[]): void;
}

const DEFAULT_CACHE_FILE = '.elb-lint-cache';

export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`elb-lint: ${error.message}\nRun "elb-lint --help" for usage.\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      io.stderr.write(error.format(io.cwd));
      return 2;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`elb-lint: internal error: ${error instanceof Error ? error.message : String(error)}\nThis is a bug in elb-lint; please report it.\n`);
    if (io.env.ELB_LINT_DEBUG || argv.includes('--debug')) io.stderr.write(`${detail}\n`);
    return 2;
  }
}

async function run(argv: readonly string[], io: Io): Promise<number> {
  const commandLine = await parseCommandLine(argv);
  if (commandLine.status === 'usage-error') throw new UsageError(commandLine.message);
  if (commandLine.status === 'help') {
    io.stdout.write(commandLine.text);
    return 0;
  }
  const options = commandLine.options;
  if (options.version) {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  io.beforeLinting?.(options._);
  const configuration = () => loadConfiguration({
    cwd: io.cwd,
    configFile: typeof options.config === 'string' ? options.config : undefined,
    rules: stringList(options.rule),
    flavorsFile: typeof options.flavors === 'string' ? options.flavors : undefined,
  });
  if (options['list-rules']) {
    io.stdout.write(listRules((await configuration()).rules));
    return 0;
  }
  if (typeof options['print-schema'] === 'string') {
    const { printableSchema } = await import('../schema/schemas.js');
    const kind = kindOption(options['print-schema'], '--print-schema');
    io.stdout.write(`${JSON.stringify(printableSchema(kind), null, 2)}\n`);
    return 0;
  }
  const loaded = await configuration();
  if (typeof options['print-config'] === 'string') {
    io.stdout.write(printConfig(loaded, options['print-config'], io.cwd));
    return 0;
  }

  const kind = typeof options.kind === 'string' ? kindOption(options.kind, '--kind') : undefined;
  const maxWarnings = maxWarningsOption(options);
  const outputs: Output[] = resolveOutputs(stringList(options.format), io.cwd);
  const debug = options.debug ? (message: string) => io.stderr.write(`elb-lint: ${message}\n`) : undefined;
  const baseline = baselineOption(options, io.cwd);
  const stdoutFormat = outputs.find((output) => output.file === undefined)?.format;
  const progress = createProgress(io.stderr, { enabled: () => wantsProgress({ debug: debug !== undefined, stdoutFormat }, io.stderr) });
  const started = uptimeMs();

  const stdinFilename = typeof options['stdin-filename'] === 'string' ? options['stdin-filename'] : undefined;
  if (stdinFilename !== undefined && !options._.includes('-')) {
    throw new UsageError(`--stdin-filename names standard input, but no "-" among the paths reads it; use: elb-lint --stdin-filename ${stdinFilename} -`);
  }
  const skipUnknownKind = options['skip-unknown-kind'] === true;
  for (const note of loaded.notes ?? []) debug?.(`configuration: ${note}`);
  debug?.(`configuration: ${loaded.config.source} (loaded at ${started} ms)`);
  const fix = await fixOption(options);
  const cache = await cacheOption(options, io, loaded.config, { kind, skipUnknownKind }, debug);
  const result = await lint({ cwd: io.cwd, paths: options._, config: loaded.config, kind, stdinFilename, readStdin: io.readStdin, debug, skipUnknownKind, onFile: progress.update, cache, shard: shardOption(options), fix });
  progress.clear();
  debug?.(`linted ${result.report.files.length} files in ${uptimeMs() - started} ms`);
  const baselined = await applyBaseline(result.report, baseline);
  const report = options.quiet ? errorsOnly(baselined.report) : baselined.report;

  // Only a report on stdout is coloured: the terminal is not asked about otherwise.
  const color = outputs.some((output) => output.file === undefined) && useColor(options, io);
  // Warnings count for --max-warnings even when --quiet leaves them out of the report (as ESLint).
  const warnings = baselined.report.summary.warnings;
  const outcome: RunOutcome = {
    failed: result.failures.length + baselined.failures.length > 0,
    hiddenWarnings: warnings - report.summary.warnings,
    ...(maxWarnings !== undefined && warnings > maxWarnings && { warningsOverLimit: { warnings, limit: maxWarnings } }),
  };
  const writeFailures = await writeOutputs(outputs, report, { rules: loaded.rules, toolVersion: VERSION, color, outcome }, io);
  debug?.(`reports written at ${uptimeMs()} ms`);
  for (const warning of [...result.warnings, ...baselined.messages]) io.stderr.write(`elb-lint: ${warning}\n`);
  const failures = [...result.failures, ...baselined.failures, ...writeFailures];
  for (const failure of failures) io.stderr.write(`elb-lint: ${failure}\n`);
  if (failures.length > 0) return 2;
  if (report.summary.errors > 0) return 1;
  if (outcome.warningsOverLimit) {
    io.stderr.write(`elb-lint: ${warnings} warning${warnings === 1 ? '' : 's'}${options.quiet ? ' (not shown: --quiet)' : ''}, more than --max-warnings ${maxWarnings} allows.\n`);
    return 1;
  }
  return 0;
}

function kindOption(value: string, option: string): Kind {
  if (isKind(value)) return value;
  throw new UsageError(`${option} must be one of ${KINDS.join(', ')}, not "${value}".`);
}

function maxWarningsOption(options: ParsedOptions): number | undefined {
  const value = options['max-warnings'];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d+$/.test(value)) throw new UsageError(`--max-warnings needs a whole number of 0 or more, not "${String(value)}".`);
  return Number(value);
}

/**
 * `--cache` / `--cache-location`: the result cache, loaded only when asked for. Without its key
 * (a home directory that cannot be written) the run goes on without a cache, and says so.
 */
async function cacheOption(options: ParsedOptions, io: Io, config: ResolvedConfig, shaping: { kind: Kind | undefined; skipUnknownKind: boolean }, debug: ((message: string) => void) | undefined): Promise<ResultCache | undefined> {
  const location = options['cache-location'];
  if (!options.cache && typeof location !== 'string') return undefined;
  const [{ ResultCache, cacheKey }, { secretFor }] = await Promise.all([import('../cache.js'), import('../cache-secret.js')]);
  const tree = treeOf(io.cwd);
  const secret = secretFor(io.env, tree);
  if (!secret.ok) {
    io.stderr.write(`elb-lint: ${secret.reason}; linting without the cache.\n`);
    return undefined;
  }
  const file = resolve(io.cwd, typeof location === 'string' ? location : DEFAULT_CACHE_FILE);
  const note = (message: string) => debug?.(`cache ${typeof location === 'string' ? location : DEFAULT_CACHE_FILE}: ${message}`);
  return ResultCache.open(file, cacheKey(`${VERSION}+${BUILD}`, config, shaping), secret.key, tree, note);
}

/** `--fix` / `--fix-dry-run`: the fixer, loaded only when asked for. */
async function fixOption(options: ParsedOptions): Promise<LintOptions['fix']> {
  if (!options.fix && !options['fix-dry-run']) return undefined;
  if (options.fix && options['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run exclude each other; use one.');
  if (options.fix && options._.includes('-')) throw new UsageError('--fix cannot write to standard input; use --fix-dry-run to get the fixed text in the JSON report.');
  const { fixFile } = await import('./fix.js');
  const mode = options.fix ? 'write' : 'dry-run';
  return (file, bytes, outcome, fileOptions) => fixFile(mode, file, bytes, outcome, fileOptions);
}

function shardOption(options: ParsedOptions): { index: number; count: number } | undefined {
  const value = options.shard;
  if (value === undefined) return undefined;
  const match = typeof value === 'string' ? /^(\d+)\/(\d+)$/.exec(value) : null;
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new UsageError(`--shard needs I/N with 1 ≤ I ≤ N, e.g. --shard 2/4, not "${String(value)}".`);
  return { index, count };
}

function stringList(value: unknown): string[] {
  return value === undefined ? [] : ([] as unknown[]).concat(value).map(String);
}

function errorsOnly(report: LintReport): LintReport {
  const files = report.files.map((file) => ({ ...file, findings: file.findings.filter((finding) => finding.severity === 'error') }));
  return { files, summary: summarize(files) };
}

function listRules(all: readonly RuleMeta[] = RULES): string {
  const rules = [...all].sort((a, b) => (a.id < b.id ? -1 : 1));
  const idWidth = Math.max(...rules.map((rule) => rule.id.length));
  const editsWidth = Math.max(...rules.map((rule) => editsLabel(rule).length));
  const column = (rule: RuleMeta) => (editsWidth === 0 ? '' : `${editsLabel(rule).padEnd(editsWidth)}  `);
  return rules.map((rule) => `${rule.id.padEnd(idWidth)}  ${rule.severity.padEnd(7)}  ${column(rule)}${rule.description}\n`).join('');
}

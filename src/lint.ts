// Files in, results out: discover the inputs, read each one, hand its bytes to the engine
// (engine/lint-file.ts) and collect the results. Each file is finished (and its text dropped)
// before the next is read, so memory stays flat however many files there are.

import { builtinConfig } from './config/builtin.js';
import type { ResolvedConfig } from './config/types.js';
import { isNamed, lintFileContent, type FileOptions } from './engine/lint-file.js';
import { discover, type InputFile } from './input/discover.js';
import { readInput, type ReadOutcome } from './input/read.js';
import { summarize, type FileOutcome, type Kind, type LintReport } from './model.js';
import type { ResultCache } from './cache.js';
import { hasSafeFix } from './engine/fix-loop.js';
import { uptimeMs } from './uptime.js';

export interface LintOptions {
  cwd: string;
  paths: readonly string[];
  config?: ResolvedConfig;
  /** --kind: overrides every other way of telling the kind. */
  kind?: Kind;
  /** --skip-unknown-kind: a named file whose kind cannot be told is skipped, as if found in a directory. */
  skipUnknownKind?: boolean;
  stdinFilename?: string;
  readStdin?: () => Uint8Array;
  /** Skipped files and other detail for --debug. */
  debug?: (message: string) => void;
  /** Called after each file, for progress display. */
  onFile?: (done: number, total: number) => void;
  /** --cache: results of unchanged files from earlier runs. */
  cache?: ResultCache;
  /** --shard i/n: lint only the i-th of n disjoint parts of the file list (1-based). */
  shard?: { index: number; count: number };
  /**
   * --fix / --fix-dry-run: called for a linted file whose findings carry a safe fix, with the bytes
   * that were linted; gives the outcome to report and, when it wrote the file, the bytes written.
   */
  fix?: (file: InputFile, bytes: Uint8Array, outcome: LintedOutcome, options: FileOptions) => FixedFile;
}

export type LintedOutcome = Extract<FileOutcome, { status: 'linted' }>;

export interface FixedFile {
  outcome: FileOutcome;
  /** The new content, when the file was rewritten. */
  written?: Uint8Array;
  /** Why the fixed text could not be written (the run fails with exit code 2). */
  failure?: string;
  /** Why it was not written on purpose (the file is reported as it is). */
  warning?: string;
}

export interface LintRun {
  report: LintReport;
  /** Problems that make the run itself fail (exit code 2): unreadable paths, bad patterns. */
  failures: string[];
  /** Worth telling the user on stderr, but not a failure (a file vanished while linting). */
  warnings: string[];
}

export async function lint(options: LintOptions): Promise<LintRun> {
  const config = options.config ?? builtinConfig(options.cwd);
  const discovery = await discover(options.paths, { cwd: options.cwd, config, stdinFilename: options.stdinFilename });
  const debug = options.debug ?? (() => {});
  for (const skipped of discovery.skipped) debug(`skipped ${skipped.path}: ${skipped.reason}`);
  const run: LintRun = { report: { files: [], summary: summarize([]) }, failures: [...discovery.failures], warnings: [...discovery.warnings] };
  const readStdin = options.readStdin ?? (() => new Uint8Array());
  const files = options.shard ? inShard(discovery.files, options.shard) : discovery.files;
  const walked = discovery.directories > 0 ? ` (walked ${discovery.directories} director${discovery.directories === 1 ? 'y' : 'ies'})` : '';
  debug(`found ${files.length} file${files.length === 1 ? '' : 's'} to lint${options.shard ? ` in shard ${options.shard.index}/${options.shard.count}` : ''}${walked} at ${uptimeMs()} ms`);
  const { cache } = options;

  const fileOptions: FileOptions = { config, kind: options.kind, skipUnknownKind: options.skipUnknownKind };
  let fromCache = 0;
  files.forEach((file, index) => {
    const read = readInput(file, readStdin);
    const named = isNamed(file, fileOptions);
    const cached = cache?.lookup(file, named, read);
    let outcome: FileOutcome;
    if (cached && 'outcome' in cached) {
      outcome = cached.outcome;
      fromCache++;
    } else {
      outcome = lintContent(file, read, fileOptions);
      cache?.set(file, named, cached?.hash, outcome);
    }
    if (options.fix && outcome.status === 'linted' && read.status === 'read' && hasSafeFix(outcome.result)) {
      const fixed = options.fix(file, read.bytes, outcome, fileOptions);
      outcome = fixed.outcome;
      // The file on disk is now the fixed text: remember its result under its new content.
      if (fixed.written) cache?.setContent(file, named, fixed.written, outcome);
      if (fixed.failure) run.failures.push(fixed.failure);
      if (fixed.warning) run.warnings.push(fixed.warning);
    }
    if (outcome.status === 'linted') {
      run.report.files.push(outcome.result);
      for (const reason of outcome.skippedRequests ?? []) debug(`skipped a request in ${file.path}: ${reason}`);
    } else if (outcome.status === 'failed') run.failures.push(`Cannot read "${file.path}": ${outcome.reason}.`);
    else if (outcome.reason.startsWith('vanished')) run.warnings.push(`"${file.path}" ${outcome.reason}; nothing to lint.`);
    else debug(`skipped ${file.path}: ${outcome.reason}`);
    options.onFile?.(index + 1, files.length);
  });
  debug(`linted them at ${uptimeMs()} ms${cache ? ` (${fromCache} from the cache)` : ''}`);
  const cacheProblem = cache?.save();
  if (cacheProblem) run.warnings.push(cacheProblem);
  run.report.summary = summarize(run.report.files);
  return run;
}

/**
 * `--shard i/n`: the files whose path hash falls in shard i. Hashing each path (relative to the
 * configuration) keeps a file in the same shard when others are added or removed.
 */
export function inShard(files: readonly InputFile[], shard: { index: number; count: number }): InputFile[] {
  return files.filter((file) => fnv1a(file.configPath) % shard.count === shard.index - 1);
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Everything after reading: what could not be read is skipped or failed, the rest goes to the engine. */
export function lintContent(file: InputFile, read: ReadOutcome, options: FileOptions): FileOutcome {
  if (read.status === 'vanished') return { status: 'skipped', reason: 'vanished between listing and reading' };
  if (read.status === 'failed') return { status: 'failed', reason: read.reason };
  if (read.status === 'not-a-file') return { status: 'skipped', reason: read.reason };
  return lintFileContent(file, read, options);
}

// Files in, results out: discover the inputs, read and decode each one, split `.http` files into
// request bodies, lint every body, and collect sorted results. Each file is finished (and its
// text dropped) before the next is read, so memory stays flat however many files there are.

import { builtinConfig } from './config/builtin.js';
import type { ResolvedConfig } from './config/types.js';
import { lintBody, type FileSettings } from './engine/lint-body.js';
import { decodeBody } from './input/decode.js';
import { discover, type InputFile } from './input/discover.js';
import { parseHttpFile } from './input/http-file.js';
import { looksLikeRequest } from './input/kind.js';
import { formatBytes, MAX_FILE_BYTES, readInput, type ReadOutcome } from './input/read.js';
import { LineIndex } from './json/line-index.js';
import { compareFindings, summarize, type FileResult, type Finding, type Kind, type LintReport } from './model.js';
import parseInvalidJson, { invalidJsonMessage } from './rules/parse/invalid-json.js';
import inputUnknownKind, { unknownRequestFileMessage } from './rules/input/unknown-kind.js';
import type { ResultCache } from './cache.js';

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
}

export interface LintRun {
  report: LintReport;
  /** Problems that make the run itself fail (exit code 2): unreadable paths, bad patterns. */
  failures: string[];
  /** Worth telling the user on stderr, but not a failure (a file vanished while linting). */
  warnings: string[];
}

export type FileOutcome =
  | { status: 'linted'; result: FileResult; skippedRequests?: string[] }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; reason: string };

export async function lint(options: LintOptions): Promise<LintRun> {
  const config = options.config ?? builtinConfig(options.cwd);
  const discovery = await discover(options.paths, { cwd: options.cwd, config, stdinFilename: options.stdinFilename });
  const debug = options.debug ?? (() => {});
  for (const skipped of discovery.skipped) debug(`skipped ${skipped.path}: ${skipped.reason}`);
  const run: LintRun = { report: { files: [], summary: summarize([]) }, failures: [...discovery.failures], warnings: [] };
  const readStdin = options.readStdin ?? (() => new Uint8Array());
  const files = options.shard ? inShard(discovery.files, options.shard) : discovery.files;
  debug(`found ${files.length} file${files.length === 1 ? '' : 's'} to lint${options.shard ? ` in shard ${options.shard.index}/${options.shard.count}` : ''} at ${elapsed()}`);
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
    if (outcome.status === 'linted') {
      run.report.files.push(outcome.result);
      for (const reason of outcome.skippedRequests ?? []) debug(`skipped a request in ${file.path}: ${reason}`);
    } else if (outcome.status === 'failed') run.failures.push(`Cannot read "${file.path}": ${outcome.reason}.`);
    else if (outcome.reason.startsWith('vanished')) run.warnings.push(`"${file.path}" ${outcome.reason}; nothing to lint.`);
    else debug(`skipped ${file.path}: ${outcome.reason}`);
    options.onFile?.(index + 1, files.length);
  });
  debug(`linted them at ${elapsed()}${cache ? ` (${fromCache} from the cache)` : ''}`);
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

/** Milliseconds since the process started, for --debug timings. */
function elapsed(): string {
  return `${Math.round(performance.now())} ms`;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export interface FileOptions {
  config: ResolvedConfig;
  kind: Kind | undefined;
  skipUnknownKind?: boolean | undefined;
}

/** Named on the command line, and so reported even when its kind cannot be told (unless --skip-unknown-kind). */
function isNamed(file: InputFile, options: FileOptions): boolean {
  return file.explicit && !options.skipUnknownKind;
}

/** Everything after reading: decode, split `.http` requests, lint each body. */
export function lintContent(file: InputFile, read: ReadOutcome, options: FileOptions): FileOutcome {
  const { config } = options;
  const explicit = isNamed(file, options);
  const settings = config.settingsFor(file.configPath);
  const forcedKind = options.kind ?? config.kindFor(file.configPath);
  if (read.status === 'vanished') return { status: 'skipped', reason: 'vanished between listing and reading' };
  if (read.status === 'failed') return { status: 'failed', reason: read.reason };
  if (read.status === 'not-a-file') return { status: 'skipped', reason: read.reason };

  if (read.status === 'too-large') {
    const head = new TextDecoder().decode(read.head);
    const kind = forcedKind ?? looksLikeRequest(head);
    if (!explicit && !kind) return { status: 'skipped', reason: `larger than ${formatBytes(MAX_FILE_BYTES)} and not recognisably a request body` };
    const size = read.exact ? `the file is ${formatBytes(read.size)}` : 'the input goes on';
    const reason = `${size}, more than the ${formatBytes(MAX_FILE_BYTES)} elb-lint reads; a request body is a few kilobytes`;
    return linted(file, kind, fileLevelFinding(settings, parseInvalidJson.id, invalidJsonMessage(reason), { line: 1, column: 1 }));
  }

  const decoded = decodeBody(read.bytes);
  if (!decoded.ok) {
    const kind = forcedKind ?? looksLikeRequest(decoded.head);
    if (!explicit && !kind) return { status: 'skipped', reason: decoded.reason };
    return linted(file, kind, fileLevelFinding(settings, parseInvalidJson.id, invalidJsonMessage(decoded.reason), new LineIndex(decoded.prefix).position(decoded.offset)));
  }

  const lines = new LineIndex(decoded.text);
  // An .http file: its requests' bodies, with comment lines in them blanked (same offsets).
  const http = file.path.endsWith('.http') ? parseHttpFile(decoded.text) : undefined;
  const text = http?.text ?? decoded.text;
  const bodies = http?.requests ?? [{ start: 0, end: text.length, kind: undefined, skipped: undefined }];
  const findings: Finding[] = [];
  const kinds = new Set<Kind | null>();
  const skipped: string[] = [];
  for (const body of bodies) {
    const lintAnyway = forcedKind !== undefined && 'otherOperation' in body && body.otherOperation && body.end > body.start;
    if (body.skipped && !lintAnyway) {
      skipped.push(body.skipped);
      continue;
    }
    const result = lintBody(
      { fileText: text, lines, start: body.start, end: body.end, kind: forcedKind ?? body.kind, explicit },
      settings,
    );
    if (result.status === 'skipped') skipped.push(result.reason);
    else {
      kinds.add(result.kind);
      // Not push(...findings): a body with hundreds of thousands of findings would overflow the stack.
      for (const finding of result.findings) findings.push(finding);
    }
  }
  if (kinds.size === 0) {
    const reason = skipped.join('; ') || 'no request body';
    // A request file named on the command line with nothing to lint in it says so, like a JSON file of unknown kind.
    if (!explicit || !http) return { status: 'skipped', reason };
    return linted(file, null, fileLevelFinding(settings, inputUnknownKind.id, unknownRequestFileMessage(reason), { line: 1, column: 1 }));
  }
  findings.sort(compareFindings);
  const result = { path: file.path, kind: kinds.size === 1 ? ([...kinds][0] as Kind | null) : null, findings };
  return skipped.length > 0 ? { status: 'linted', result, skippedRequests: skipped } : { status: 'linted', result };
}

function linted(file: InputFile, kind: Kind | null, findings: Finding[]): FileOutcome {
  return { status: 'linted', result: { path: file.path, kind, findings } };
}

/** A finding about the file as a whole (undecodable, too large, nothing to lint in it), at the given position. */
function fileLevelFinding(settings: FileSettings, ruleId: string, message: string, at: { line: number; column: number }): Finding[] {
  const severity = settings.severity(ruleId);
  if (severity === 'off' || settings.suppressed('')) return [];
  return [{ ruleId, severity, message, pointer: '', line: at.line, column: at.column, endLine: at.line, endColumn: at.column }];
}

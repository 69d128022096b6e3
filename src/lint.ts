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
import { formatBytes, MAX_FILE_BYTES, readInput } from './input/read.js';
import { LineIndex } from './json/line-index.js';
import { compareFindings, summarize, type FileResult, type Finding, type Kind, type LintReport } from './model.js';
import parseInvalidJson, { invalidJsonMessage } from './rules/parse/invalid-json.js';

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
  let done = 0;
  for (const file of discovery.files) {
    const outcome = lintFile(file, { config, kind: options.kind, readStdin, skipUnknownKind: options.skipUnknownKind });
    if (outcome.status === 'linted') {
      run.report.files.push(outcome.result);
      for (const reason of outcome.skippedRequests ?? []) debug(`skipped a request in ${file.path}: ${reason}`);
    }
    else if (outcome.status === 'failed') run.failures.push(`Cannot read "${file.path}": ${outcome.reason}.`);
    else if (outcome.reason.startsWith('vanished')) run.warnings.push(`"${file.path}" ${outcome.reason}; nothing to lint.`);
    else debug(`skipped ${file.path}: ${outcome.reason}`);
    options.onFile?.(++done, discovery.files.length);
  }
  run.report.summary = summarize(run.report.files);
  return run;
}

export function lintFile(file: InputFile, options: { config: ResolvedConfig; kind: Kind | undefined; readStdin: () => Uint8Array; skipUnknownKind?: boolean }): FileOutcome {
  const { config } = options;
  const explicit = file.explicit && !options.skipUnknownKind;
  const settings = config.settingsFor(file.configPath);
  const forcedKind = options.kind ?? config.kindFor(file.configPath);
  const read = readInput(file, options.readStdin);
  if (read.status === 'vanished') return { status: 'skipped', reason: 'vanished between listing and reading' };
  if (read.status === 'failed') return { status: 'failed', reason: read.reason };
  if (read.status === 'not-a-file') return { status: 'skipped', reason: read.reason };

  if (read.status === 'too-large') {
    const head = new TextDecoder().decode(read.head);
    const kind = forcedKind ?? looksLikeRequest(head);
    if (!explicit && !kind) return { status: 'skipped', reason: `larger than ${formatBytes(MAX_FILE_BYTES)} and not recognisably a request body` };
    const size = read.exact ? `the file is ${formatBytes(read.size)}` : 'the input goes on';
    const reason = `${size}, more than the ${formatBytes(MAX_FILE_BYTES)} elb-lint reads; a request body is a few kilobytes`;
    return linted(file, kind, fileLevelFinding(settings, reason, { line: 1, column: 1 }));
  }

  const decoded = decodeBody(read.bytes);
  if (!decoded.ok) {
    const kind = forcedKind ?? looksLikeRequest(decoded.head);
    if (!explicit && !kind) return { status: 'skipped', reason: decoded.reason };
    return linted(file, kind, fileLevelFinding(settings, decoded.reason, new LineIndex(decoded.prefix).position(decoded.offset)));
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
    if (body.skipped) {
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
  if (kinds.size === 0) return { status: 'skipped', reason: skipped.join('; ') || 'no request body' };
  findings.sort(compareFindings);
  const result = { path: file.path, kind: kinds.size === 1 ? ([...kinds][0] as Kind | null) : null, findings };
  return skipped.length > 0 ? { status: 'linted', result, skippedRequests: skipped } : { status: 'linted', result };
}

function linted(file: InputFile, kind: Kind | null, findings: Finding[]): FileOutcome {
  return { status: 'linted', result: { path: file.path, kind, findings } };
}

/** A parse/invalid-json finding about the file as a whole (undecodable, too large). */
function fileLevelFinding(settings: FileSettings, reason: string, at: { line: number; column: number }): Finding[] {
  const severity = settings.severity(parseInvalidJson.id);
  if (severity === 'off' || settings.suppressed('')) return [];
  return [{
    ruleId: parseInvalidJson.id,
    severity,
    message: invalidJsonMessage(reason),
    pointer: '',
    line: at.line,
    column: at.column,
    endLine: at.line,
    endColumn: at.column,
  }];
}

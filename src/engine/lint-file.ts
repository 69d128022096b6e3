// One file's content to its result, with no file system in sight: decode the bytes, split an
// `.http` file into request bodies, lint each body, and sort the findings. The CLI reads files and
// hands their bytes here; the library and the language server hand a text.

import type { ResolvedConfig } from '../config/types.js';
import { decodeBody } from '../input/decode.js';
import { parseHttpFile } from '../input/http-file.js';
import { looksLikeRequest } from '../input/kind.js';
import { LineIndex } from '../json/line-index.js';
import { type FileOutcome, type Finding, type Kind, type TextEdit } from '../model.js';
import { FindingCap, MAX_FINDINGS_PER_FILE } from './cap.js';
import parseInvalidJson, { invalidJsonMessage } from '../rules/parse/invalid-json.js';
import inputUnknownKind, { unknownRequestFileMessage } from '../rules/input/unknown-kind.js';
import { formatBytes, HEAD_BYTES, MAX_FILE_BYTES } from './limits.js';
import { lintBody, type FileSettings } from './lint-body.js';

/** What the engine needs to know of a file besides its content. */
export interface FileIdentity {
  /** How reports name the file. */
  path: string;
  /** Path relative to the configuration's base directory, for its globs. */
  configPath: string;
  /** Named on the command line, and so reported even when its kind cannot be told. */
  explicit: boolean;
}

export interface FileOptions {
  config: ResolvedConfig;
  /** --kind: overrides every other way of telling the kind. */
  kind: Kind | undefined;
  /** --skip-unknown-kind: a named file whose kind cannot be told is skipped, as if found in a directory. */
  skipUnknownKind?: boolean | undefined;
}

/** The content of one input, as far as it was read. */
export type FileContent =
  | { status: 'read'; bytes: Uint8Array }
  /** Over the size limit: `size` is exact for a regular file; for a stream reading stopped at the limit. */
  | { status: 'too-large'; size: number; exact: boolean; head: Uint8Array };

/** Named on the command line, and so reported even when its kind cannot be told (unless --skip-unknown-kind). */
export function isNamed(file: FileIdentity, options: FileOptions): boolean {
  return file.explicit && !options.skipUnknownKind;
}

/** A text (an editor buffer, a string in a program) as if it were a file's UTF-8 content. */
export function lintFileText(file: FileIdentity, text: string, options: FileOptions): FileOutcome {
  const bytes = new TextEncoder().encode(text);
  const content: FileContent = bytes.length > MAX_FILE_BYTES
    ? { status: 'too-large', size: bytes.length, exact: true, head: bytes.subarray(0, HEAD_BYTES) }
    : { status: 'read', bytes };
  const outcome = lintFileContent(file, content, options);
  // Decoding drops a byte order mark (editors do not count it as a column), but the edits of a
  // text are offsets into the string given, mark included.
  return text.charCodeAt(0) === 0xfeff && outcome.status === 'linted' ? shiftEdits(outcome, 1) : outcome;
}

function shiftEdits(outcome: FileOutcome & { status: 'linted' }, by: number): FileOutcome {
  const shift = (edit: TextEdit): TextEdit => ({ range: [edit.range[0] + by, edit.range[1] + by], text: edit.text });
  const findings = outcome.result.findings.map((finding) => ({
    ...finding,
    ...(finding.fix && { fix: shift(finding.fix) }),
    ...(finding.suggestions && { suggestions: finding.suggestions.map((suggestion) => ({ ...suggestion, fix: shift(suggestion.fix) })) }),
  }));
  return { ...outcome, result: { ...outcome.result, findings } };
}

export function lintFileContent(file: FileIdentity, content: FileContent, options: FileOptions): FileOutcome {
  const { config } = options;
  const explicit = isNamed(file, options);
  const settings = config.settingsFor(file.configPath);
  const forcedKind = options.kind ?? config.kindFor(file.configPath);

  if (content.status === 'too-large') {
    const head = new TextDecoder().decode(content.head);
    const kind = forcedKind ?? looksLikeRequest(head)?.kind;
    if (!explicit && kind === undefined) return { status: 'skipped', reason: `larger than ${formatBytes(MAX_FILE_BYTES)} and not recognisably a request body` };
    const size = content.exact ? `the file is ${formatBytes(content.size)}` : 'the input goes on';
    const reason = `${size}, more than the ${formatBytes(MAX_FILE_BYTES)} elb-lint reads; a request body is a few kilobytes`;
    return linted(file, kind ?? null, fileLevelFinding(settings, parseInvalidJson.id, invalidJsonMessage(reason), { line: 1, column: 1 }));
  }

  const decoded = decodeBody(content.bytes);
  if (!decoded.ok) {
    const kind = forcedKind ?? looksLikeRequest(decoded.head)?.kind;
    if (!explicit && kind === undefined) return { status: 'skipped', reason: decoded.reason };
    return linted(file, kind ?? null, fileLevelFinding(settings, parseInvalidJson.id, invalidJsonMessage(decoded.reason), new LineIndex(decoded.prefix).position(decoded.offset)));
  }

  const lines = new LineIndex(decoded.text);
  if (!isHttpPath(file.path)) {
    // A JSON file is one body: its result is the file's (the path every large run takes).
    const result = lintBody({ fileText: decoded.text, lines, start: 0, end: decoded.text.length, kind: forcedKind, explicit }, settings);
    if (result.status === 'skipped') return { status: 'skipped', reason: result.reason };
    return linted(file, result.kind, result.findings.length <= MAX_FINDINGS_PER_FILE ? result.findings : capped(result.findings));
  }
  // An .http file: its requests' bodies, with comment lines in them blanked (same offsets).
  const http = parseHttpFile(decoded.text);
  const { text, requests: bodies } = http;
  const kept = new FindingCap();
  const kinds = new Set<Kind | null>();
  const skipped: string[] = [];
  for (const body of bodies) {
    const lintAnyway = forcedKind !== undefined && body.otherOperation && body.end > body.start;
    if (body.skipped && !lintAnyway) {
      skipped.push(body.skipped);
      continue;
    }
    // A request whose URL names no request (`POST {{token_url}}`) is reported only when its body
    // looks like a request body: another API's request in the same file is no finding.
    const fromBody = forcedKind === undefined && body.kindFromBody === true;
    const result = lintBody(
      { fileText: text, lines, start: body.start, end: body.end, kind: forcedKind ?? body.kind, explicit: explicit && !fromBody, original: decoded.text },
      settings,
    );
    if (result.status === 'skipped') skipped.push(fromBody ? `line ${body.line}: the URL does not say which request it is, and the body is ${result.reason}` : result.reason);
    else {
      kinds.add(result.kind);
      for (const finding of result.findings) kept.add(finding);
    }
  }
  if (kinds.size === 0) {
    const reason = skipped.join('; ') || 'no request body';
    // A request file named on the command line with nothing to lint in it says so, like a JSON file of unknown kind.
    if (!explicit) return { status: 'skipped', reason };
    return linted(file, null, fileLevelFinding(settings, inputUnknownKind.id, unknownRequestFileMessage(reason), { line: 1, column: 1 }));
  }
  // At most MAX_FINDINGS_PER_FILE, in report order, and one that counts the rest (cap.ts).
  const result = { path: file.path, kind: kinds.size === 1 ? ([...kinds][0] as Kind | null) : null, findings: kept.findings() };
  return skipped.length > 0 ? { status: 'linted', result, skippedRequests: skipped } : { status: 'linted', result };
}

/** `.rest` files are `.http` files (output.md). */
export function isHttpPath(path: string): boolean {
  return path.endsWith('.http') || path.endsWith('.rest');
}

/** At most MAX_FINDINGS_PER_FILE, in report order, and one that counts the rest (cap.ts). */
function capped(findings: readonly Finding[]): Finding[] {
  const kept = new FindingCap();
  for (const finding of findings) kept.add(finding);
  return kept.findings();
}

function linted(file: FileIdentity, kind: Kind | null, findings: Finding[]): FileOutcome {
  return { status: 'linted', result: { path: file.path, kind, findings } };
}

/** A finding about the file as a whole (undecodable, too large, nothing to lint in it), at the given position. */
function fileLevelFinding(settings: FileSettings, ruleId: string, message: string, at: { line: number; column: number }): Finding[] {
  const severity = settings.severity(ruleId);
  if (severity === 'off' || settings.suppressed('')) return [];
  return [{ ruleId, severity, message, pointer: '', line: at.line, column: at.column, endLine: at.line, endColumn: at.column }];
}

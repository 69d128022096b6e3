// `--cache`, as ESLint's: a file whose content has not changed since the last run is not linted
// again. Entries are keyed by the file's absolute path, whether it was named on the command line
// (that decides whether a body of unknown kind is skipped or reported), and the SHA-1 of its
// bytes; the whole cache is thrown away when anything else that could change a result changes:
// the elb-lint version, the working directory (messages name paths relative to it), the
// configuration files and flavor catalog (by content), and the options that shape results.
//
// The cache file usually lies in the linted tree, which is untrusted (docs/security.md): all of
// the above is predictable, so a pull request could commit a cache that says its bad templates
// are clean. The file's body is therefore authenticated with an HMAC-SHA256 under a key kept
// outside the tree (cache-secret.ts); a file that fails, or is not a regular file, or is over
// the size limit, is an empty cache.

import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { readConfigText } from './config/read-config.js';
import type { ResolvedConfig } from './config/types.js';
import { describeError } from './fs-errors.js';
import type { InputFile } from './input/discover.js';
import { MAX_FILE_BYTES } from './engine/limits.js';
import type { ReadOutcome } from './input/read.js';
import type { FileOutcome } from './model.js';
import type { FileResult } from './model.js';
import type { Tree } from './repository.js';
import { writeAtomically } from './write-file.js';

/** What is remembered of a file: its result without the path (paths depend on the working directory). */
type CachedOutcome =
  | { status: 'linted'; kind: FileResult['kind']; findings: FileResult['findings'] }
  | { status: 'skipped'; reason: string };

/** The authenticated body of a cache file. */
interface CacheBody {
  key: string;
  entries: Record<string, { hash: string; outcome: CachedOutcome }>;
}

export const CACHE_VERSION = 2;
/** A cache of 10,000 files with their findings is a few megabytes; this is far beyond any real one. */
export const MAX_CACHE_BYTES = 256 * 1024 * 1024;
/**
 * The file is `{"version":2,"mac":"<HMAC of BODY>","body":BODY}`: still JSON, and the body's bytes
 * are authenticated exactly as written, with no re-serialisation.
 */
const FILE_START = /^\{"version":2,"mac":"([A-Za-z0-9_-]{43})","body":/;

export class ResultCache {
  private readonly entries: Map<string, { hash: string; outcome: CachedOutcome }>;
  private changed = false;

  private constructor(
    private readonly location: string,
    private readonly key: string,
    private readonly secret: Buffer,
    private readonly tree: Tree,
    previous: CacheBody | undefined,
  ) {
    this.entries = new Map(previous?.key === key ? Object.entries(previous.entries).filter(([, entry]) => isEntry(entry)) : []);
    this.changed = previous?.key !== key;
  }

  /**
   * Opens the cache at `location`, authenticated with `secret`. A missing, unreadable, malformed
   * or unauthenticated file is an empty cache; `note` says which (for --debug).
   */
  static open(location: string, key: string, secret: Buffer, tree: Tree, note: (message: string) => void = () => {}): ResultCache {
    const read = readConfigText(location, MAX_CACHE_BYTES, 'a cache');
    let previous: CacheBody | undefined;
    if (!read.ok) {
      if (read.reason !== 'no such file or directory') note(`cannot read it (${read.reason}); starting with an empty cache`);
    } else {
      const body = authenticatedBody(read.text, secret);
      if (body === undefined) note('it was not written by elb-lint with this machine\'s cache key (its authentication failed); starting with an empty cache');
      else {
        try {
          const parsed = JSON.parse(body) as unknown;
          if (isCacheBody(parsed)) previous = parsed;
          else note('its body is not an elb-lint cache; starting with an empty cache');
        } catch {
          note('its body is not JSON; starting with an empty cache');
        }
      }
    }
    return new ResultCache(location, key, secret, tree, previous);
  }

  /**
   * Looks a file up by the hash of the bytes just read: the remembered outcome when they have not
   * changed, else the hash to store the new outcome under.
   */
  lookup(file: InputFile, named: boolean, read: ReadOutcome): { outcome: FileOutcome } | { hash: string | undefined } {
    const id = this.idOf(file, named);
    const hash = id === undefined ? undefined : hashOf(read);
    const entry = hash === undefined ? undefined : this.entries.get(id!);
    if (!entry || entry.hash !== hash) return { hash };
    const { outcome } = entry;
    return {
      outcome: outcome.status === 'linted'
        ? { status: 'linted', result: { path: file.path, kind: outcome.kind, findings: outcome.findings } }
        : outcome,
    };
  }

  set(file: InputFile, named: boolean, hash: string | undefined, outcome: FileOutcome): void {
    const id = this.idOf(file, named);
    if (id === undefined || hash === undefined || outcome.status === 'failed') return;
    // A file with skipped .http requests is linted again, so --debug can list them.
    if (outcome.status === 'linted' && outcome.skippedRequests) return;
    const cached: CachedOutcome = outcome.status === 'linted'
      ? { status: 'linted', kind: outcome.result.kind, findings: outcome.result.findings }
      : { status: 'skipped', reason: outcome.reason };
    this.entries.set(id, { hash, outcome: cached });
    this.changed = true;
  }

  /** After --fix rewrote a file: its result, under the hash of the bytes written. */
  setContent(file: InputFile, named: boolean, bytes: Uint8Array, outcome: FileOutcome): void {
    this.set(file, named, hashBytes(bytes), outcome);
  }

  /** Standard input and the cache file itself (when it lies among the files linted) are never cached. */
  private idOf(file: InputFile, named: boolean): string | undefined {
    if (file.absolute === undefined || file.absolute === this.location) return undefined;
    return named ? `${file.absolute}\u0000named` : file.absolute;
  }

  /** Writes the cache back (atomically) when anything changed; says why when it cannot. */
  save(): string | undefined {
    if (!this.changed) return undefined;
    const body: CacheBody = { key: this.key, entries: Object.fromEntries(this.entries) };
    try {
      writeAtomically(this.location, signed(JSON.stringify(body), this.secret), this.tree);
      return undefined;
    } catch (error) {
      return `Cannot write the cache to "${this.location}": ${describeError(error)}; the next run lints every file again.`;
    }
  }
}

/** A cache file's text for a body. */
export function signed(body: string, secret: Buffer): string {
  return `{"version":${CACHE_VERSION},"mac":"${macOf(body, secret)}","body":${body}}`;
}

/** The body of a cache file whose HMAC is right, else undefined. */
function authenticatedBody(text: string, secret: Buffer): string | undefined {
  const start = FILE_START.exec(text);
  if (!start || !text.endsWith('}')) return undefined;
  const body = text.slice(start[0].length, -1);
  const expected = Buffer.from(macOf(body, secret));
  const given = Buffer.from(start[1]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? body : undefined;
}

function macOf(body: string, secret: Buffer): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}

/**
 * Everything besides a file's bytes that decides its result. Configuration files are hashed by
 * content, so an edited rules.yaml or flavor catalog invalidates the cache even if its path does not change.
 */
export function cacheKey(version: string, config: ResolvedConfig, options: { kind: string | undefined; skipUnknownKind: boolean | undefined }): string {
  const hash = createHash('sha1');
  const shaping = { version, cwd: config.origin?.cwd ?? config.baseDir, rules: config.origin?.rules ?? [], kind: options.kind ?? null, skip: options.skipUnknownKind === true, source: config.source };
  hash.update(JSON.stringify(shaping));
  for (const source of config.sources ?? []) {
    hash.update(`\u0000${source}\u0000`);
    // Bounded and regular-only, like the configuration loading that read them a moment ago.
    const read = readConfigText(source, MAX_FILE_BYTES);
    hash.update(read.ok ? read.text : `(unreadable: ${read.reason})`);
  }
  return hash.digest('base64');
}

function hashOf(read: ReadOutcome): string | undefined {
  return read.status === 'read' ? hashBytes(read.bytes) : undefined;
}

function hashBytes(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64');
}

function isCacheBody(value: unknown): value is CacheBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Partial<CacheBody>;
  return typeof body.key === 'string' && typeof body.entries === 'object' && body.entries !== null && !Array.isArray(body.entries);
}

/** A cache file is an input like any other: use only entries of the right shape. */
function isEntry(value: unknown): value is { hash: string; outcome: CachedOutcome } {
  if (typeof value !== 'object' || value === null) return false;
  const { hash, outcome } = value as { hash?: unknown; outcome?: { status?: unknown; findings?: unknown; reason?: unknown } };
  if (typeof hash !== 'string' || typeof outcome !== 'object' || outcome === null) return false;
  if (outcome.status === 'skipped') return typeof outcome.reason === 'string';
  return outcome.status === 'linted' && Array.isArray(outcome.findings) && outcome.findings.every(isFinding);
}

function isFinding(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const finding = value as Record<string, unknown>;
  return typeof finding.ruleId === 'string' && typeof finding.message === 'string' && typeof finding.pointer === 'string' &&
    (finding.severity === 'error' || finding.severity === 'warning' || finding.severity === 'info') &&
    ['line', 'column', 'endLine', 'endColumn'].every((key) => Number.isInteger(finding[key])) &&
    (finding.suggestion === undefined || typeof finding.suggestion === 'string') &&
    (finding.fix === undefined || isTextEdit(finding.fix)) &&
    (finding.suggestions === undefined || (Array.isArray(finding.suggestions) && finding.suggestions.every(isSuggestion)));
}

/** A cached edit is applied to files: it must at least be an edit (applyFixes checks its range against the text). */
function isTextEdit(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { range, text } = value as { range?: unknown; text?: unknown };
  return typeof text === 'string' && Array.isArray(range) && range.length === 2 && range.every((offset) => Number.isInteger(offset));
}

function isSuggestion(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { desc?: unknown }).desc === 'string' && isTextEdit((value as { fix?: unknown }).fix);
}

// `--cache`, as ESLint's: a file whose content has not changed since the last run is not linted
// again. Entries are keyed by the file's absolute path, whether it was named on the command line
// (that decides whether a body of unknown kind is skipped or reported), and the SHA-1 of its
// bytes; the whole cache is thrown away when anything else that could change a result changes:
// the elb-lint version, the working directory (messages name paths relative to it), the
// configuration files and flavor catalog (by content), and the options that shape results.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ResolvedConfig } from './config/types.js';
import { describeError, type InputFile } from './input/discover.js';
import type { ReadOutcome } from './input/read.js';
import type { FileOutcome } from './model.js';
import type { FileResult } from './model.js';
import { writeAtomically } from './write-file.js';

/** What is remembered of a file: its result without the path (paths depend on the working directory). */
type CachedOutcome =
  | { status: 'linted'; kind: FileResult['kind']; findings: FileResult['findings'] }
  | { status: 'skipped'; reason: string };

interface CacheFile {
  version: 1;
  key: string;
  entries: Record<string, { hash: string; outcome: CachedOutcome }>;
}

export class ResultCache {
  private readonly entries: Map<string, { hash: string; outcome: CachedOutcome }>;
  private changed = false;

  private constructor(
    private readonly location: string,
    private readonly key: string,
    previous: CacheFile | undefined,
  ) {
    this.entries = new Map(previous?.key === key ? Object.entries(previous.entries).filter(([, entry]) => isEntry(entry)) : []);
    this.changed = previous?.key !== key;
  }

  /** Opens the cache at `location`; a missing, unreadable or foreign file is an empty cache. */
  static open(location: string, key: string): ResultCache {
    let previous: CacheFile | undefined;
    try {
      const parsed = JSON.parse(readFileSync(location, 'utf8')) as unknown;
      if (isCacheFile(parsed)) previous = parsed;
    } catch {
      previous = undefined;
    }
    return new ResultCache(location, key, previous);
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

  /** Standard input and the cache file itself (when it lies among the files linted) are never cached. */
  private idOf(file: InputFile, named: boolean): string | undefined {
    if (file.absolute === undefined || file.absolute === this.location) return undefined;
    return named ? `${file.absolute}\u0000named` : file.absolute;
  }

  /** Writes the cache back (atomically) when anything changed; says why when it cannot. */
  save(): string | undefined {
    if (!this.changed) return undefined;
    const file: CacheFile = { version: 1, key: this.key, entries: Object.fromEntries(this.entries) };
    try {
      writeAtomically(this.location, JSON.stringify(file));
      return undefined;
    } catch (error) {
      return `Cannot write the cache to "${this.location}": ${describeError(error)}; the next run lints every file again.`;
    }
  }
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
    try {
      hash.update(readFileSync(source));
    } catch {
      hash.update('(unreadable)');
    }
  }
  return hash.digest('base64');
}

function hashOf(read: ReadOutcome): string | undefined {
  return read.status === 'read' ? createHash('sha1').update(read.bytes).digest('base64') : undefined;
}

function isCacheFile(value: unknown): value is CacheFile {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Partial<CacheFile>;
  return file.version === 1 && typeof file.key === 'string' && typeof file.entries === 'object' && file.entries !== null && !Array.isArray(file.entries);
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
    (finding.suggestion === undefined || typeof finding.suggestion === 'string');
}

// Baselines (config.md): adopt elb-lint on an old estate without fixing every finding first.
// `--update-baseline` records the findings of the linted files in the `--baseline` file; later
// runs do not report them again, and list the entries that no longer occur (stale). Entries are
// keyed by file, rule ID and JSON pointer, never by line, so edits elsewhere in a file do not
// break them; a count covers the same finding occurring more than once (several requests of one
// .http file). The file is sorted, one entry per line, and written atomically, for clean diffs.

import { existsSync } from './node-fs.js';
import { readConfigText } from './config/read-config.js';
import { dirname, relative, resolve } from 'node:path';
import { compareStrings, findingIdentity, summarize, type LintReport } from './model.js';
import { describeError } from './fs-errors.js';
import { toPosix } from './paths.js';
import { isWithin, namesInside, realPathOf, treeOf } from './repository.js';
import { writeAtomically } from './write-file.js';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  /** Relative to the baseline file's directory, `/` separators ("<stdin>" for unnamed stdin). */
  path: string;
  ruleId: string;
  pointer: string;
  count: number;
}

export interface BaselineOptions {
  /** The --baseline FILE as the user wrote it, and resolved. */
  named: string;
  file: string;
  update: boolean;
  cwd: string;
}

export interface BaselineOutcome {
  /** The report without the baselined findings. */
  report: LintReport;
  /** Lines for stderr: stale entries, what was written. */
  messages: string[];
  /** Problems that make the run fail (exit code 2): unreadable or malformed baseline, failed write. */
  failures: string[];
}

/** Rule IDs never recorded: an internal error is a bug to report, not a finding to live with. */
const NEVER_BASELINED = /^internal\//;
const STDIN = '<stdin>';

export function runBaseline(report: LintReport, options: BaselineOptions): BaselineOutcome {
  const baseDir = dirname(options.file);
  const keyOf = (path: string) => (path === STDIN ? STDIN : toPosix(relative(baseDir, resolve(options.cwd, path))));
  const shown = (path: string) => (path === STDIN ? STDIN : toPosix(relative(options.cwd, resolve(baseDir, path))) || '.');

  let previous: BaselineEntry[] = [];
  if (existsSync(options.file) || !options.update) {
    try {
      previous = parseBaseline(readBaselineText(options));
    } catch (error) {
      const reason = error instanceof BaselineFormatError ? error.message : describeError(error);
      const hint = !options.update && !existsSync(options.file) ? ' Create it with --update-baseline.' : '';
      return { report, messages: [], failures: [`Cannot use the baseline "${options.named}": ${reason}.${hint}`] };
    }
  }

  const linted = new Set(report.files.map((file) => keyOf(file.path)));
  const gone = (entry: BaselineEntry) => entry.path !== STDIN && !existsSync(resolve(baseDir, entry.path));
  const messages: string[] = [];
  let baseline = previous;
  if (options.update) {
    const kept = previous.filter((entry) => !linted.has(entry.path) && !gone(entry));
    const current = entriesOf(report, keyOf);
    baseline = sortEntries([...kept, ...current]);
    const before = new Set(previous.map(entryKey));
    const after = new Set(baseline.map(entryKey));
    const added = baseline.filter((entry) => !before.has(entryKey(entry))).length;
    const removed = previous.filter((entry) => !after.has(entryKey(entry))).length;
    try {
      writeAtomically(options.file, formatBaseline(baseline), treeOf(options.cwd));
    } catch (error) {
      return { report, messages: [], failures: [`Cannot write the baseline "${options.named}": ${describeError(error)}.`] };
    }
    const total = baseline.reduce((sum, entry) => sum + entry.count, 0);
    messages.push(`wrote ${options.named}: ${plural(total, 'known finding')} (${added} new ${added === 1 ? 'entry' : 'entries'}, ${removed} removed).`);
  }

  const remaining = new Map(baseline.map((entry) => [entryKey(entry), entry.count]));
  const files = report.files.map((file) => {
    const path = keyOf(file.path);
    const findings = file.findings.filter((finding) => {
      const key = entryKey({ path, ruleId: finding.ruleId, pointer: finding.pointer });
      const left = remaining.get(key) ?? 0;
      if (left <= 0) return true;
      remaining.set(key, left - 1);
      return false;
    });
    return { ...file, findings };
  });

  const stale = baseline
    .map((entry) => ({ ...entry, count: remaining.get(entryKey(entry)) ?? 0 }))
    .filter((entry) => entry.count > 0 && (linted.has(entry.path) || gone(entry)));
  if (stale.length > 0) {
    const count = stale.reduce((sum, entry) => sum + entry.count, 0);
    messages.push(
      `${plural(count, 'baseline entry', 'baseline entries')} in ${options.named} no longer ${count === 1 ? 'occurs' : 'occur'}; run with --update-baseline to remove ${count === 1 ? 'it' : 'them'}:\n` +
        stale.map((entry) => `  ${shown(entry.path)}  ${entry.ruleId}  ${entry.pointer || '(whole body)'}${entry.count > 1 ? `  (${entry.count}×)` : ''}`).join('\n'),
    );
  }
  return { report: { files, summary: summarize(files) }, messages, failures: [] };
}

/** A baseline is as large as its findings; this is far beyond any real one. */
export const MAX_BASELINE_BYTES = 64 * 1024 * 1024;

/**
 * The baseline's text: a regular file (no FIFO, no device), within the size limit, and, when it
 * is named in the linted tree, not a symlink to a file outside it (docs/security.md).
 */
function readBaselineText(options: BaselineOptions): string {
  const tree = treeOf(options.cwd);
  const real = realPathOf(options.file);
  if (namesInside(tree, options.file) && real !== undefined && !isWithin(tree.real, real)) {
    throw new BaselineFormatError('it is a symlink to a file outside the repository');
  }
  const read = readConfigText(options.file, MAX_BASELINE_BYTES, 'a baseline');
  if (!read.ok) throw read.reason === 'no such file or directory' ? Object.assign(new Error(read.reason), { code: 'ENOENT' }) : new BaselineFormatError(read.reason);
  return read.text;
}

/** The findings of a report as sorted, counted entries. */
export function entriesOf(report: LintReport, keyOf: (path: string) => string = (path) => path): BaselineEntry[] {
  const counts = new Map<string, BaselineEntry>();
  for (const file of report.files) {
    const path = keyOf(file.path);
    for (const finding of file.findings) {
      if (NEVER_BASELINED.test(finding.ruleId)) continue;
      const entry = { path, ruleId: finding.ruleId, pointer: finding.pointer, count: 1 };
      const known = counts.get(entryKey(entry));
      if (known) known.count++;
      else counts.set(entryKey(entry), entry);
    }
  }
  return sortEntries([...counts.values()]);
}

/** One entry per line, sorted by path, rule and pointer: diffs show exactly what changed. */
export function formatBaseline(entries: readonly BaselineEntry[]): string {
  const lines = sortEntries(entries).map((entry) => {
    const { path, ruleId, pointer, count } = entry;
    return `    ${JSON.stringify(count > 1 ? { path, ruleId, pointer, count } : { path, ruleId, pointer })}`;
  });
  const findings = lines.length === 0 ? '[]' : `[\n${lines.join(',\n')}\n  ]`;
  return `{\n  "version": ${BASELINE_VERSION},\n  "tool": "elb-lint",\n  "findings": ${findings}\n}\n`;
}

class BaselineFormatError extends Error {}

export function parseBaseline(text: string): BaselineEntry[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new BaselineFormatError(`it is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const object = document as { version?: unknown; findings?: unknown };
  if (typeof document !== 'object' || document === null || object.version !== BASELINE_VERSION || !Array.isArray(object.findings)) {
    throw new BaselineFormatError(`it is not an elb-lint baseline (expected {"version": ${BASELINE_VERSION}, "findings": [...]}, as --update-baseline writes)`);
  }
  return object.findings.map((item, index) => {
    const entry = item as Partial<BaselineEntry>;
    const count = entry.count ?? 1;
    if (typeof entry !== 'object' || entry === null || typeof entry.path !== 'string' || typeof entry.ruleId !== 'string' || typeof entry.pointer !== 'string' || !Number.isInteger(count) || count < 1) {
      throw new BaselineFormatError(`findings[${index}] needs "path", "ruleId" and "pointer" strings (and an optional "count" of 1 or more)`);
    }
    return { path: entry.path, ruleId: entry.ruleId, pointer: entry.pointer, count };
  });
}

function entryKey(entry: { path: string; ruleId: string; pointer: string }): string {
  return findingIdentity(entry.path, entry);
}

function sortEntries(entries: readonly BaselineEntry[]): BaselineEntry[] {
  return [...entries].sort((a, b) => compareStrings(a.path, b.path) || compareStrings(a.ruleId, b.ruleId) || compareStrings(a.pointer, b.pointer));
}

function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

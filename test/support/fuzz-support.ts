// Shared by the fuzz, hostile and fault tests (docs/reliability.md): generators of request bodies
// and .http files, and one checker of everything a JSON report must satisfy whatever the input.
//
// Generated JSON is a small tagged tree rather than a JS value, so it can hold what JS objects
// cannot: duplicate keys, `__proto__` as a plain key, number texts such as `1e400` or `-0`.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import Ajv from 'ajv';
import fc from 'fast-check';
import { lintText as libraryLintText } from '../../src/engine/lint-text.js';
import { summarize, type FileResult, type Kind } from '../../src/model.js';
import jsonReporter from '../../src/reporters/json.js';
import { RULES, RULES_BY_ID } from '../../src/rules/index.js';
import { SCHEMAS } from '../../src/schema/schemas.js';
import type { Schema } from '../../src/schema/fields.js';
import { VERSION } from '../../src/version.js';
import { runCli, type CliResult, type JsonReport } from './helpers.js';

export const ROOT = join(import.meta.dirname, '..', '..');

// ---------------------------------------------------------------------------------------------
// How many cases. The default run stays in seconds; ELB_LINT_FUZZ_RUNS=100000 spreads that many
// cases over the same properties in the same proportions. ELB_LINT_FUZZ_SEED replays a failure.

/** The sum of the default runs of every property in test/fuzz*.test.ts. */
export const DEFAULT_TOTAL_RUNS = 13_912;

export function runs(defaultRuns: number): number {
  const total = Number(process.env.ELB_LINT_FUZZ_RUNS);
  return Number.isFinite(total) && total > 0 ? Math.max(1, Math.round((total * defaultRuns) / DEFAULT_TOTAL_RUNS)) : defaultRuns;
}

/** Per-test timeout: generous by default (slow machines), unlimited in practice for big runs. */
export const FUZZ_TIMEOUT = Number(process.env.ELB_LINT_FUZZ_RUNS) > 0 ? 24 * 60 * 60_000 : 120_000;

export function fuzzParameters(defaultRuns: number): fc.Parameters<unknown> {
  const seed = Number(process.env.ELB_LINT_FUZZ_SEED);
  return { numRuns: runs(defaultRuns), ...(Number.isInteger(seed) && { seed }), endOnFailure: true };
}

// ---------------------------------------------------------------------------------------------
// Tagged JSON trees and their text.

export type Json =
  | { t: 'lit'; text: string } // null, true, false, or a number's exact text
  | { t: 'str'; value: string }
  | { t: 'arr'; items: Json[] }
  | { t: 'obj'; pairs: [string, Json][] };

export interface TextStyle {
  indent: '' | '  ' | '\t';
  eol: '\n' | '\r\n' | '\r';
}

export const styleArb: fc.Arbitrary<TextStyle> = fc.record({
  indent: fc.constantFrom<TextStyle['indent']>('', '  ', '\t'),
  eol: fc.constantFrom<TextStyle['eol']>('\n', '\n', '\r\n', '\r'),
});

export function serialize(node: Json, style: TextStyle = { indent: '  ', eol: '\n' }, level = 0): string {
  const pad = (n: number) => (style.indent === '' ? '' : style.eol + style.indent.repeat(n));
  const colon = style.indent === '' ? ':' : ': ';
  switch (node.t) {
    case 'lit':
      return node.text;
    case 'str':
      return JSON.stringify(node.value);
    case 'arr':
      if (node.items.length === 0) return '[]';
      return `[${node.items.map((item) => pad(level + 1) + serialize(item, style, level + 1)).join(',')}${pad(level)}]`;
    case 'obj':
      if (node.pairs.length === 0) return '{}';
      return `{${node.pairs.map(([key, value]) => `${pad(level + 1)}${JSON.stringify(key)}${colon}${serialize(value, style, level + 1)}`).join(',')}${pad(level)}}`;
  }
}

export function fromValue(value: unknown): Json {
  if (value === null || typeof value === 'boolean') return { t: 'lit', text: String(value) };
  if (typeof value === 'number') return { t: 'lit', text: JSON.stringify(value) };
  if (typeof value === 'string') return { t: 'str', value };
  if (Array.isArray(value)) return { t: 'arr', items: value.map(fromValue) };
  return { t: 'obj', pairs: Object.keys(value as object).map((key) => [key, fromValue((value as Record<string, unknown>)[key])]) };
}

// ---------------------------------------------------------------------------------------------
// Vocabulary: field names and enum values of both request schemas, and hostile names.

interface Vocabulary {
  fields: string[];
  enums: string[];
}

function collectVocabulary(): Vocabulary {
  const fields = new Set<string>();
  const enums = new Set<string>();
  const walk = (schema: unknown): void => {
    if (typeof schema !== 'object' || schema === null) return;
    const node = schema as Schema;
    if (node.properties) for (const [name, child] of Object.entries(node.properties as Record<string, Schema>)) {
      fields.add(name);
      walk(child);
    }
    if (Array.isArray(node.enum)) for (const value of node.enum) if (typeof value === 'string') enums.add(value);
    if (node.items) walk(node.items);
    for (const keyword of ['anyOf', 'oneOf', 'allOf']) if (Array.isArray(node[keyword])) (node[keyword] as unknown[]).forEach(walk);
  };
  Object.values(SCHEMAS).forEach(walk);
  return { fields: [...fields].sort(), enums: [...enums].sort() };
}

export const VOCABULARY = collectVocabulary();

/** Keys that break naive code: prototype names, pointer escapes, empty, whitespace, non-BMP. */
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '', ' ', '~', '~0', '~1', '/', 'a/b', 'a~b', '0', '-1', '\u0000', '\ud800', '😀', 'pool', 'loadbalancer'];

export const NUMBER_TEXTS = ['0', '-0', '1', '-1', '0.5', '1.0', '1e400', '-1e400', '1E2', '2e-7', '2147483647', '2147483648', '-2147483649', '9007199254740993', '99999999999999999999', '65535', '65536', '3600', '86400', '4000', '4001', '50', '51', '300', '301'];

const keyArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...VOCABULARY.fields) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_KEYS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);

const stringArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...VOCABULARY.enums) },
  { weight: 2, arbitrary: fc.constantFrom(...VOCABULARY.enums).map((value) => value.toLowerCase()) },
  { weight: 2, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.ipV4() },
  { weight: 1, arbitrary: fc.ipV6() },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom('${VPC_ID}', '', ' ', '\ud800', '\udc00x', 'a'.repeat(256), '192.168.0.256', '::1', '0') },
);

const numberArb = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...NUMBER_TEXTS) },
  { weight: 2, arbitrary: fc.integer({ min: -10, max: 70_000 }).map(String) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)) },
);

const scalarArb: fc.Arbitrary<Json> = fc.oneof(
  { weight: 3, arbitrary: stringArb.map((value): Json => ({ t: 'str', value })) },
  { weight: 3, arbitrary: numberArb.map((text): Json => ({ t: 'lit', text })) },
  { weight: 1, arbitrary: fc.constantFrom('true', 'false', 'null').map((text): Json => ({ t: 'lit', text })) },
);

/** Any JSON, schema-flavoured: field names from the schemas, values that are nearly right. */
export const anyJsonArb: fc.Arbitrary<Json> = fc.letrec<{ node: Json }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: scalarArb },
    { weight: 1, arbitrary: fc.array(tie('node'), { maxLength: 4 }).map((items): Json => ({ t: 'arr', items })) },
    { weight: 2, arbitrary: fc.array(fc.tuple(keyArb, tie('node')), { maxLength: 6 }).map((pairs): Json => ({ t: 'obj', pairs })) },
  ),
})).node;

/** A body shaped by a request schema: each property present or not, values in, at and past their limits. */
export function schemaShapedArb(schema: Schema, depth = 0): fc.Arbitrary<Json> {
  const shaped = shapedBySchema(schema, depth);
  return fc.oneof({ weight: 12, arbitrary: shaped }, { weight: 1, arbitrary: depth > 3 ? scalarArb : anyJsonArb });
}

function shapedBySchema(schema: Schema, depth: number): fc.Arbitrary<Json> {
  if (Array.isArray(schema.enum)) {
    const values = schema.enum as unknown[];
    return fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...values).map(fromValue) },
      { weight: 1, arbitrary: scalarArb },
    );
  }
  const type = Array.isArray(schema.type) ? (schema.type[0] as string) : (schema.type as string | undefined);
  switch (type) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const names = Object.keys(properties);
      const entries = names.map((name) => fc.option(schemaShapedArb(properties[name] as Schema, depth + 1), { freq: 3, nil: undefined }).map((value) => [name, value] as const));
      return fc.tuple(fc.tuple(...entries), fc.array(fc.tuple(keyArb, scalarArb), { maxLength: 1 })).map(([present, extra]): Json => ({
        t: 'obj',
        pairs: [...present.filter((pair): pair is readonly [string, Json] => pair[1] !== undefined).map(([name, value]): [string, Json] => [name, value]), ...extra],
      }));
    }
    case 'array': {
      const items = (schema.items ?? {}) as Schema;
      return fc.array(schemaShapedArb(items, depth + 1), { maxLength: 3 }).map((list): Json => ({ t: 'arr', items: list }));
    }
    case 'integer':
    case 'number': {
      const min = typeof schema.minimum === 'number' ? schema.minimum : 0;
      const max = typeof schema.maximum === 'number' ? schema.maximum : 100;
      return fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min, max }).map(String) },
        { weight: 2, arbitrary: fc.constantFrom(min - 1, min, max, max + 1).map(String) },
        { weight: 1, arbitrary: numberArb },
      ).map((text): Json => ({ t: 'lit', text }));
    }
    case 'boolean':
      return fc.constantFrom('true', 'false').map((text): Json => ({ t: 'lit', text }));
    case 'string': {
      const format = schema.format;
      const base = format === 'uuid' ? fc.uuid() : format === 'ipv4' ? fc.ipV4() : format === 'ipv6' ? fc.ipV6() : format === 'ip' ? fc.oneof(fc.ipV4(), fc.ipV6()) : fc.stringMatching(/^[a-z0-9_.-]{1,16}$/);
      return fc.oneof({ weight: 4, arbitrary: base }, { weight: 1, arbitrary: stringArb }).map((value): Json => ({ t: 'str', value }));
    }
    default:
      return depth > 3 ? scalarArb : anyJsonArb;
  }
}

export const KIND_LIST = Object.keys(SCHEMAS) as Kind[];

/** A whole body of either kind, shaped by its schema. */
export const shapedBodyArb: fc.Arbitrary<Json> = fc.oneof(...KIND_LIST.map((kind) => schemaShapedArb(SCHEMAS[kind])));

// ---------------------------------------------------------------------------------------------
// The valid bodies of the case tree, and mutations of them.

export interface CaseBody {
  name: string;
  text: string;
  value: unknown;
}

/** test/cases/**\/valid/*.json that lint clean without options (no .args next to them). */
export function validCaseBodies(): CaseBody[] {
  const found: CaseBody[] = [];
  const walk = (directory: string): void => {
    for (const name of readdirSync(directory).sort()) {
      const path = join(directory, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/[/\\]valid$/.test(directory) && name.endsWith('.json') && !name.endsWith('.flavors.json') && !readdirSync(directory).includes(name.replace(/\.json$/, '.args'))) {
        const text = readFileSync(path, 'utf8');
        found.push({ name: relative(ROOT, path), text, value: JSON.parse(text) });
      }
    }
  };
  walk(join(ROOT, 'test/cases'));
  return found;
}

type Path = (string | number)[];

/** Every node of a tree with its path (arrays by index, objects by pair index). */
function nodes(node: Json, path: Path = [], out: { path: Path; node: Json }[] = []): { path: Path; node: Json }[] {
  out.push({ path, node });
  if (node.t === 'arr') node.items.forEach((item, index) => nodes(item, [...path, index], out));
  if (node.t === 'obj') node.pairs.forEach(([, value], index) => nodes(value, [...path, index], out));
  return out;
}

function replaceAt(node: Json, path: Path, change: (node: Json, parent: Json | undefined, index: number) => Json | undefined): Json {
  const clone = structuredClone(node);
  if (path.length === 0) return change(clone, undefined, -1) ?? clone;
  let parent = clone;
  for (const step of path.slice(0, -1)) parent = parent.t === 'arr' ? (parent.items[step as number] as Json) : ((parent as Extract<Json, { t: 'obj' }>).pairs[step as number]![1]);
  const index = path.at(-1) as number;
  const current = parent.t === 'arr' ? parent.items[index]! : (parent as Extract<Json, { t: 'obj' }>).pairs[index]![1];
  const next = change(current, parent, index);
  if (next === undefined) {
    if (parent.t === 'arr') parent.items.splice(index, 1);
    else (parent as Extract<Json, { t: 'obj' }>).pairs.splice(index, 1);
  } else if (parent.t === 'arr') parent.items[index] = next;
  else (parent as Extract<Json, { t: 'obj' }>).pairs[index]![1] = next;
  return clone;
}

export type Mutation =
  | { op: 'drop'; at: number }
  | { op: 'rename'; at: number; key: string }
  | { op: 'retype'; at: number; value: Json }
  | { op: 'number'; at: number; text: string }
  | { op: 'enum'; at: number; value: string }
  | { op: 'duplicate'; at: number; value: Json }
  | { op: 'add'; at: number; key: string; value: Json };

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('rename' as const), at: fc.nat(), key: keyArb }),
  fc.record({ op: fc.constant('retype' as const), at: fc.nat(), value: anyJsonArb }),
  fc.record({ op: fc.constant('number' as const), at: fc.nat(), text: numberArb }),
  fc.record({ op: fc.constant('enum' as const), at: fc.nat(), value: stringArb }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), value: scalarArb }),
  fc.record({ op: fc.constant('add' as const), at: fc.nat(), key: keyArb, value: anyJsonArb }),
);

export function mutate(tree: Json, mutation: Mutation): Json {
  const all = nodes(tree).filter((entry) => entry.path.length > 0);
  if (all.length === 0) return tree;
  const { path, node } = all[mutation.at % all.length]!;
  switch (mutation.op) {
    case 'drop':
      return replaceAt(tree, path, () => undefined);
    case 'retype':
      return replaceAt(tree, path, () => mutation.value);
    case 'number':
      return replaceAt(tree, path, () => ({ t: 'lit', text: mutation.text }));
    case 'enum':
      return replaceAt(tree, path, () => ({ t: 'str', value: mutation.value }));
    case 'rename':
    case 'duplicate': {
      // On the pair holding the node: rename its key, or repeat the key with another value.
      const parentPath = path.slice(0, -1);
      return replaceAt(tree, parentPath, (parent) => {
        if (parent.t !== 'obj') return parent;
        const index = path.at(-1) as number;
        const [key, value] = parent.pairs[index]!;
        if (mutation.op === 'rename') parent.pairs[index] = [mutation.key, value];
        else parent.pairs.push([key, mutation.value]);
        return parent;
      });
    }
    case 'add':
      return replaceAt(tree, path, (target) => {
        if (node.t === 'obj' && target.t === 'obj') target.pairs.push([mutation.key, mutation.value]);
        return target;
      });
  }
}

/** Changes to the text itself, after serializing: the parse/* paths. */
export type TextEdit = { op: 'truncate' | 'insert' | 'delete'; at: number; text: string };

export const textEditArb: fc.Arbitrary<TextEdit> = fc.record({
  op: fc.constantFrom('truncate' as const, 'insert' as const, 'delete' as const),
  at: fc.nat(),
  text: fc.oneof(
    fc.constantFrom(',', '}', ']', '{', '[', '"', ':', '/*', '*/', '// x\n', '#', "'", '\\', '\u0000', '\ud800', '\ufeff', '\u00a0', '\u000b', 'NaN', 'undefined', '\r', '\n', '\t', '0x1F', '.5', '+1', '01'),
    fc.string({ maxLength: 3 }),
    fc.string({ unit: 'binary', maxLength: 2 }),
  ),
});

export function applyTextEdit(text: string, edit: TextEdit): string {
  const at = text.length === 0 ? 0 : edit.at % (text.length + 1);
  if (edit.op === 'truncate') return text.slice(0, at);
  if (edit.op === 'insert') return text.slice(0, at) + edit.text + text.slice(at);
  return text.slice(0, at) + text.slice(at + Math.max(1, edit.text.length));
}

// ---------------------------------------------------------------------------------------------
// .http files around bodies.

export interface HttpPiece {
  separator: string;
  comments: string[];
  requestLine: string;
  headers: string[];
  blankLine: boolean;
  body: string;
  handler: string | undefined;
}

const targetArb = fc.constantFrom(
  'POST https://elb.example.com/v3/0123456789abcdef0123456789abcdef/elb/loadbalancers',
  'POST https://{{host}}/v3/{{project_id}}/elb/master-slave-pools HTTP/1.1',
  'POST {{base}}/elb/loadbalancers?dry_run=true',
  'post /v3/p/elb/master-slave-pools',
  'GET https://elb.example.com/v3/p/elb/loadbalancers',
  'PUT https://elb.example.com/v3/p/elb/loadbalancers/1',
  'POST https://elb.example.com/v2/p/elb/loadbalancers',
  'POST https://elb.example.com/v3/p/elb/listeners',
  '{ "pool": {} }',
  '',
  '###',
);

export const httpPieceArb = (bodyArb: fc.Arbitrary<string>): fc.Arbitrary<HttpPiece> =>
  fc.record({
    separator: fc.constantFrom('###', '### create', '####', ''),
    comments: fc.array(fc.constantFrom('# note', '// note', '@host = elb.example.com', '', '   '), { maxLength: 2 }),
    requestLine: targetArb,
    headers: fc.array(fc.constantFrom('Content-Type: application/json', 'X-Auth-Token: {{token}}', '    &more=1', '# header comment', 'Accept:*/*'), { maxLength: 3 }),
    blankLine: fc.boolean(),
    body: bodyArb,
    handler: fc.option(fc.constantFrom('> {% client.test("ok", () => {}); %}', '<> 2024-01-01T000000.200.json', '> ./handler.js', '< ./body.json'), { nil: undefined }),
  });

export function httpText(pieces: HttpPiece[], eol: string): string {
  const lines: string[] = [];
  for (const piece of pieces) {
    if (piece.separator) lines.push(piece.separator);
    lines.push(...piece.comments, piece.requestLine, ...piece.headers);
    if (piece.blankLine) lines.push('');
    lines.push(...piece.body.split(/\r\n|\r|\n/));
    if (piece.handler) lines.push(piece.handler);
  }
  return lines.join(eol);
}

// ---------------------------------------------------------------------------------------------
// Running the CLI on generated text, and checking the report.

/** Lints one text through standard input, as `elb-lint --format json --stdin-filename NAME -`. */
export async function lintText(cwd: string, text: string | Uint8Array, name: string, extra: string[] = []): Promise<CliResult> {
  return runCli(['--format', 'json', '--stdin-filename', name, ...extra, '-'], { cwd, stdin: text });
}

/**
 * A text through the library (lintText with the built-in preset), as the CLI lints it from
 * standard input named `name` in a directory without a configuration: the result, and the JSON
 * report the json reporter writes of it.
 */
export function lintWithLibrary(text: string, name: string): { result: FileResult; reportText: string } {
  const result = libraryLintText(text, { filePath: name });
  const report = { files: [result], summary: summarize([result]) };
  const reportText = [...jsonReporter(report, { rules: RULES, toolVersion: VERSION, color: false })].join('');
  return { result, reportText };
}

const ajv = new Ajv.default({ allErrors: true, strict: true });
export const validateReportSchema = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'test/fixtures/json-report.schema.json'), 'utf8')));

/** What the checker knows about one linted file. */
export interface Linted {
  /** The text positions refer to: the file decoded (leniently), without a UTF-8 byte order mark. */
  text: string;
  /** Candidate bodies (JSON.parse of each request body): pointers must resolve in one of them. */
  bodies: unknown[];
}

/** Decodes bytes as the checker sees them: lenient UTF-8, BOM dropped (positions do not count it). */
export function textOfBytes(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
  return text.startsWith('\ufeff') ? text.slice(1) : text;
}

export function parseOrUndefined(text: string): unknown[] {
  try {
    return [JSON.parse(text)];
  } catch {
    return [];
  }
}

/**
 * Everything a report must satisfy, whatever the input: exit code 0/1 matching the errors, the
 * JSON contract (schema), consistent summary, sort orders, positions inside the file that point
 * where the finding says, pointers that resolve, no internal errors, no half-built messages.
 * Throws an Error describing the first violation.
 */
export function checkReport(result: CliResult, files: Record<string, Linted>): JsonReport {
  const fail = failureOf(files, `exit ${result.code}\nstderr: ${result.stderr.slice(0, 2000)}`);
  if (result.code !== 0 && result.code !== 1) fail(`exit code ${result.code}, expected 0 or 1`);
  if (/internal error|\n\s+at /.test(result.stderr)) fail('internal error or stack trace on stderr');
  const { report, counts } = checkDocument(result.stdout, files, fail);
  const expectedCode = counts.errors > 0 ? 1 : 0;
  if (result.code !== expectedCode) fail(`exit code ${result.code} but ${counts.errors} errors`);
  return report;
}

/** The same checks of a library result, through the JSON report written of it (no exit code). */
export function checkLibraryResult(linted: { reportText: string }, files: Record<string, Linted>): JsonReport {
  return checkDocument(linted.reportText, files, failureOf(files, 'through the library')).report;
}

function failureOf(files: Record<string, Linted>, context: string): (why: string) => never {
  return (why) => {
    const inputs = Object.entries(files).map(([path, file]) => `--- ${path}\n${file.text.slice(0, 4000)}`).join('\n');
    throw new Error(`${why}\n${context}\ninput:\n${inputs}\n`);
  };
}

/** A JSON report against the contract, and every finding against the text it is about. */
function checkDocument(reportText: string, files: Record<string, Linted>, fail: (why: string) => never): { report: JsonReport; counts: { errors: number } } {
  let report: JsonReport;
  try {
    report = JSON.parse(reportText) as JsonReport;
  } catch {
    return fail('the report is not JSON');
  }
  if (!validateReportSchema(report)) fail(`report does not match the contract: ${ajv.errorsText(validateReportSchema.errors)}`);
  const counts = { files: report.files.length, errors: 0, warnings: 0, infos: 0 };
  for (let i = 1; i < report.files.length; i++) if (!(report.files[i - 1]!.path < report.files[i]!.path)) fail('files not in sorted path order');
  for (const file of report.files) {
    const linted = files[file.path] ?? fail(`unexpected file ${file.path} in the report`);
    const lines = textLines(linted.text);
    file.findings.forEach((finding, index) => {
      const where = `${file.path} finding ${index} ${JSON.stringify(finding)}`;
      if (finding.severity === 'error') counts.errors++;
      else if (finding.severity === 'warning') counts.warnings++;
      else counts.infos++;
      if (!RULES_BY_ID.has(finding.ruleId)) fail(`${where}: unknown rule ID`);
      if (finding.ruleId === 'internal/rule-error') fail(`${where}: a rule crashed`);
      if (/\[object Object\]|\bundefined\b|\bNaN\b/.test(finding.message) && !/\[object Object\]|undefined|NaN/.test(linted.text)) fail(`${where}: half-built message`);
      const previous = file.findings[index - 1];
      if (previous && (previous.line > finding.line || (previous.line === finding.line && (previous.column > finding.column || (previous.column === finding.column && previous.ruleId > finding.ruleId))))) {
        fail(`${where}: findings not sorted by line, column, ruleId`);
      }
      const start = offsetOf(lines, finding.line, finding.column) ?? fail(`${where}: start position outside the file`);
      const end = offsetOf(lines, finding.endLine, finding.endColumn) ?? fail(`${where}: end position outside the file`);
      if (end < start) fail(`${where}: end before start`);
      checkPointer(finding, start, linted, fail, where);
      for (const edit of [...(finding.fix ? [finding.fix] : []), ...(finding.suggestions ?? []).map((suggestion) => suggestion.fix)]) {
        const [from, to] = edit.range;
        if (!(from >= 0 && from <= to && to <= linted.text.length)) fail(`${where}: edit range outside the text`);
        if (linted.bodies.length === 0) fail(`${where}: an edit on text that is not JSON`);
      }
    });
  }
  if (JSON.stringify(counts) !== JSON.stringify(report.summary)) fail(`summary ${JSON.stringify(report.summary)} does not count the findings ${JSON.stringify(counts)}`);
  return { report, counts };
}

function checkPointer(finding: JsonReport['files'][number]['findings'][number], start: number, linted: Linted, fail: (why: string) => never, where: string): void {
  if (finding.ruleId === 'parse/invalid-json') {
    if (finding.pointer !== '') fail(`${where}: a parse error must be at pointer ""`);
    return;
  }
  // A named .http file without a create request is reported as a whole, at its start.
  if (finding.ruleId === 'input/unknown-kind' && start === 0 && finding.pointer === '') return;
  if (linted.bodies.length === 0) fail(`${where}: a finding other than parse/invalid-json on text that is not JSON`);
  const segments = finding.pointer === '' ? [] : finding.pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const char = linted.text[start] ?? '';
  const startsValue = /["{[\-0-9tfn]/.test(char);
  const literal = char === '"' ? /^"(?:[^"\\]|\\.)*"/.exec(linted.text.slice(start, start + 100_000))?.[0] : undefined;
  const keyThere = literal === undefined ? undefined : (JSON.parse(literal) as string);
  const fits = linted.bodies.some((body) => {
    const found = resolve(body, segments);
    if (found === 'no') return false;
    if (segments.length === 0) return startsValue;
    // A missing property is shown at the key of the object that should hold it (or its `{`).
    if (found === 'missing') return char === '"' || char === '{';
    // A present property at its key; an array element at the element.
    return found === 'in-object' ? keyThere === segments.at(-1) : startsValue;
  });
  if (!fits) fail(`${where}: the pointer resolves in no body, or the position (at ${JSON.stringify(char)}${keyThere === undefined ? '' : `, key ${JSON.stringify(keyThere)}`}) is not where it points`);
}

/** Where a pointer leads, own properties only: a present value (in an object or an array), an absent property of an object, or nowhere. */
function resolve(body: unknown, segments: string[]): 'in-object' | 'in-array' | 'missing' | 'no' {
  let current = body;
  let holder: 'in-object' | 'in-array' = 'in-object';
  for (const [index, segment] of segments.entries()) {
    if (Array.isArray(current)) {
      if (!/^(0|[1-9]\d*)$/.test(segment) || Number(segment) >= current.length) return 'no';
      current = current[Number(segment)];
      holder = 'in-array';
    } else if (typeof current === 'object' && current !== null) {
      if (!Object.hasOwn(current, segment)) return index === segments.length - 1 ? 'missing' : 'no';
      current = (current as Record<string, unknown>)[segment];
      holder = 'in-object';
    } else {
      return 'no';
    }
  }
  return holder;
}

/**
 * The oracle for positions: the text's lines, each with the offset it starts at and its length
 * without the line break. Made by splitting the text on its breaks (\r\n, a lone \r or \n), not by
 * scanning character codes as src/json/line-index.ts does, so a mistake there shows up here.
 */
export function textLines(text: string): { start: number; length: number }[] {
  const parts = text.split(/(\r\n|\r|\n)/);
  const lines: { start: number; length: number }[] = [];
  let start = 0;
  for (let index = 0; index < parts.length; index += 2) {
    const content = parts[index] as string;
    lines.push({ start, length: content.length });
    start += content.length + (parts[index + 1]?.length ?? 0);
  }
  return lines;
}

/** The offset of a 1-based line/column, or undefined when it is not inside the text (end of line allowed). */
export function offsetOf(lines: readonly { start: number; length: number }[], line: number, column: number): number | undefined {
  const found = lines[line - 1];
  if (found === undefined || column < 1 || column - 1 > found.length) return undefined;
  return found.start + column - 1;
}

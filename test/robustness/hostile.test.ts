// Hostile input files (issue 8, docs/reliability.md): each gives a finding or a clear message, the
// run goes on, and the other files are still reported. Found through a directory, a file that is
// not recognisably a request body is skipped (listed with --debug); named on the command line it
// always gets a finding (output.md, "Kinds").

import { spawnSync } from 'node:child_process';
import { closeSync, chmodSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync, writeSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';
import { builtinConfig } from '../../src/config/builtin.js';
import { MAX_FILE_BYTES } from '../../src/engine/limits.js';
import { MAX_DEPTH } from '../../src/json/parse.js';
import { MAX_FINDINGS_PER_FILE } from '../../src/engine/cap.js';
import { runCli, type JsonReport } from '../support/helpers.js';
import { validateReportSchema } from '../support/fuzz-support.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'bin/elb-lint.cjs');
const WORK = mkdtempSync(join(tmpdir(), 'elb-lint-hostile-'));
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

/** A valid pool body (no findings), one line per array element. */
const POOL_LINES = readFileSync(join(ROOT, 'test/cases/schema/required/valid/all-required-fields.json'), 'utf8').trimEnd().split('\n');
const POOL = `${POOL_LINES.join('\n')}\n`;
/** The same pool with an unknown field "colour" after "name" (line 4, column 5 of the file). */
const POOL_WITH_TYPO_LINES = POOL_LINES.flatMap((line) => (line.includes('"name"') && line.startsWith('    "name"') ? [line, '    "colour": "blue",'] : [line]));

let counter = 0;
/** A fresh directory under WORK with the given files (strings as UTF-8, or bytes). */
function tree(files: Record<string, string | Uint8Array>): string {
  const directory = join(WORK, `t${++counter}`);
  mkdirSync(directory, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(directory, name, '..'), { recursive: true });
    writeFileSync(join(directory, name), content);
  }
  return directory;
}

async function lintJson(args: string[], cwd: string, stdin?: string | Uint8Array) {
  const result = await runCli(['--format', 'json', ...args], { cwd, ...(stdin !== undefined && { stdin }) });
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  const report = JSON.parse(result.stdout) as JsonReport;
  expect(validateReportSchema(report), JSON.stringify(validateReportSchema.errors)).toBe(true);
  return { ...result, report };
}

function findingsOf(report: JsonReport, path: string) {
  const file = report.files.find((entry) => entry.path === path);
  if (!file) throw new Error(`${path} is not in the report: ${report.files.map((entry) => entry.path).join(', ')}`);
  return file.findings;
}

/** 1-based line and column of the first occurrence of `needle`, counted here independently of elb-lint. */
function where(text: string, needle: string): [number, number] {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`${needle} is not in the text`);
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return [before.length, before.at(-1)!.length + 1];
}

const utf16 = (text: string, order: 'le' | 'be') => {
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  return order === 'le' ? le : Buffer.from(le).swap16();
};

describe('hostile files: each gives a finding, and the others are still reported', () => {
  const files: Record<string, string | Uint8Array> = {
    'ok.json': POOL,
    'typo.json': `${POOL_WITH_TYPO_LINES.join('\n')}\n`,
    'invalid-utf8.json': Buffer.concat([Buffer.from('{\n  "pool": {\n    "name": "caf'), Buffer.from([0xe9]), Buffer.from('"\n  }\n}\n')]),
    'utf16le.json': utf16(POOL, 'le'),
    'utf16be.json': utf16(POOL, 'be'),
    'nul.json': Buffer.from('{\n  "pool": {\u0000}\n}\n'),
    'lone-surrogate-raw.json': Buffer.from([...Buffer.from('{"pool": {"name": "'), 0xed, 0xa0, 0x80, ...Buffer.from('"}}')]),
  };
  let directory: string;
  let run: Awaited<ReturnType<typeof lintJson>>;
  beforeAll(async () => {
    directory = tree(files);
    run = await lintJson(['.'], directory);
  });

  it('reports every file, in order, and exits 1', () => {
    expect(run.report.files.map((file) => file.path)).toEqual(Object.keys(files).sort());
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(findingsOf(run.report, 'ok.json')).toEqual([]);
    expect(findingsOf(run.report, 'typo.json').map((f) => [f.ruleId, f.pointer, f.line, f.column])).toEqual([['schema/unknown-field', '/pool/colour', 4, 5]]);
  });

  it('invalid UTF-8: parse/invalid-json at the bad byte, naming it', () => {
    const [finding, ...rest] = findingsOf(run.report, 'invalid-utf8.json');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'parse/invalid-json', pointer: '', line: 3, column: '    "name": "caf'.length + 1 });
    expect(finding!.message).toMatch(/invalid UTF-8 \(byte 0xE9 at byte offset 30\)/);
  });

  it('UTF-16 with a byte order mark (either order): recognised as a body, reported as not UTF-8', () => {
    for (const name of ['utf16le.json', 'utf16be.json']) {
      const findings = findingsOf(run.report, name);
      expect(findings.map((f) => [f.ruleId, f.line, f.column])).toEqual([['parse/invalid-json', 1, 1]]);
      expect(findings[0]!.message).toMatch(/UTF-16.*save it as UTF-8/);
      expect(run.report.files.find((file) => file.path === name)?.kind).toBe('create-master-slave-pool');
    }
  });

  it('NUL bytes: a binary file, at the NUL', () => {
    const findings = findingsOf(run.report, 'nul.json');
    expect(findings.map((f) => [f.ruleId, f.line, f.column])).toEqual([['parse/invalid-json', 2, 12]]);
    expect(findings[0]!.message).toMatch(/binary file \(it contains a NUL byte\)/);
  });

  it('a lone surrogate encoded in the bytes (CESU-8) is invalid UTF-8', () => {
    const findings = findingsOf(run.report, 'lone-surrogate-raw.json');
    expect(findings.map((f) => [f.ruleId, f.line, f.column])).toEqual([['parse/invalid-json', 1, 20]]);
    expect(findings[0]!.message).toMatch(/byte 0xED/);
  });
});

describe('encodings and line endings: positions stay exact', () => {
  const typo = POOL_WITH_TYPO_LINES;

  it('a UTF-8 byte order mark is accepted and not counted as a column', async () => {
    const directory = tree({ 'bom.json': `\ufeff${typo.join('\n')}\n`, 'plain.json': `${typo.join('\n')}\n`, 'bom-ok.json': `\ufeff${POOL}` });
    const { report, code } = await lintJson(['.'], directory);
    expect(code).toBe(1);
    const at = (path: string) => findingsOf(report, path).map((f) => [f.ruleId, f.line, f.column, f.endLine, f.endColumn]);
    expect(at('bom.json')).toEqual([['schema/unknown-field', 4, 5, 4, 5 + '"colour": "blue"'.length]]);
    expect(at('bom.json')).toEqual(at('plain.json'));
    expect(at('bom-ok.json')).toEqual([]);
    // On the first line too: the root is at column 1, not 2.
    const { report: rootReport } = await lintJson(['-', '--stdin-filename', 'x.json'], directory, '\ufeff{"x": 1, "y": 2}');
    expect(findingsOf(rootReport, 'x.json').map((f) => [f.ruleId, f.line, f.column])).toEqual([['input/unknown-kind', 1, 1]]);
  });

  it.each([
    ['CRLF', '\r\n'],
    ['CR', '\r'],
    ['mixed', null],
  ])('%s line endings: exact line and column', async (_name, eol) => {
    const text = eol === null ? typo.map((line, index) => line + ['\n', '\r\n', '\r'][index % 3]).join('') : typo.join(eol) + eol;
    const directory = tree({ 'body.json': text });
    const { report } = await lintJson(['body.json'], directory);
    expect(findingsOf(report, 'body.json').map((f) => [f.ruleId, f.line, f.column, f.endLine, f.endColumn])).toEqual([['schema/unknown-field', 4, 5, 4, 5 + '"colour": "blue"'.length]]);
  });

  it('a syntax error after CR line endings is on the right line', async () => {
    const directory = tree({ 'broken.json': '{\r  "pool": {\r    "name": "x",\r  }\r}\r' });
    const { report } = await lintJson(['broken.json'], directory);
    expect(findingsOf(report, 'broken.json').map((f) => [f.ruleId, f.line, f.column])).toEqual([['parse/invalid-json', 3, 16]]);
  });

  it('lone surrogates written as escapes are ordinary string content', async () => {
    const body = POOL.replace('"name": "web-tcp-ms"', '"name": "web-\\ud800-\\udc00x"').replace('"web-1"', '"\\udfff"');
    const { report, code } = await lintJson(['-', '--stdin-filename', 'surrogates.json'], WORK, body);
    expect(findingsOf(report, 'surrogates.json')).toEqual([]);
    expect(code).toBe(0);
  });
});

describe('numbers and prototype keys', () => {
  it('1e400 and -0 give range and type findings with readable messages', async () => {
    const body = POOL.replace('"delay": 5', '"delay": 1e400').replace('"protocol_port": 8080', '"protocol_port": -0').replace('"max_retries": 3,', '"max_retries": -1e400,');
    const { report } = await lintJson(['-', '--stdin-filename', 'numbers.json'], WORK, body);
    const findings = findingsOf(report, 'numbers.json');
    expect(findings.map((f) => [f.ruleId, f.pointer])).toEqual([
      ['schema/range', '/pool/members/0/protocol_port'],
      ['schema/type', '/pool/healthmonitor/delay'],
      ['schema/type', '/pool/healthmonitor/max_retries'],
    ]);
    expect(findings[0]!.message).toMatch(/protocol_port is 0, but must be between 1 and 65535/);
    expect(findings[1]!.message).toBe('healthmonitor.delay must be an integer, not a number too large to represent.');
  });

  it('__proto__, constructor and prototype are plain unknown keys, and pollute nothing', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const body = [
      '{',
      '  "pool": {',
      '    "__proto__": { "polluted": "yes", "type": "ip" },',
      '    "constructor": { "prototype": { "polluted": "yes" } },',
      '    "prototype": { "polluted": "yes" },',
      ...POOL_LINES.slice(2).map((line) => line.replace('"role": "master"', '"role": "master", "__proto__": { "polluted": "yes" }')),
    ].join('\n');
    const { report } = await lintJson(['-', '--stdin-filename', 'proto.json'], WORK, body);
    expect(findingsOf(report, 'proto.json').map((f) => [f.ruleId, f.pointer, f.line, f.column])).toEqual([
      ['schema/unknown-field', '/pool/__proto__', 3, 5],
      ['schema/unknown-field', '/pool/constructor', 4, 5],
      ['schema/unknown-field', '/pool/prototype', 5, 5],
      ['schema/unknown-field', '/pool/members/0/__proto__', ...where(body, '"__proto__": { "polluted": "yes" }\n')],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).type).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });

  it('a duplicated __proto__ key is a duplicate like any other', async () => {
    const { report } = await lintJson(['-', '--stdin-filename', 'dup.json'], WORK, '{"pool": {"__proto__": 1, "__proto__": 2}}');
    expect(findingsOf(report, 'dup.json').filter((f) => f.ruleId === 'parse/duplicate-key').map((f) => [f.pointer, f.column])).toEqual([['/pool/__proto__', '{"pool": {"__proto__": 1, '.length + 1]]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('size and depth limits hold on every path', () => {
  const deep = (depth: number) => `{"pool": {"members": ${'['.repeat(depth)}${']'.repeat(depth)}}}`;

  it(`a 50 MB body: over the ${MAX_FILE_BYTES / 1024 / 1024} MiB limit, reported without reading it`, async () => {
    const directory = tree({ 'ok.json': POOL });
    // Sparse: the head looks like a body, the rest is a hole (nothing is written).
    const fd = openSync(join(directory, 'huge.json'), 'w');
    writeSync(fd, '{\n  "pool": {\n');
    ftruncateSync(fd, 50 * 1000 * 1000);
    closeSync(fd);
    const { report, code } = await lintJson(['.'], directory);
    expect(report.files.map((file) => file.path)).toEqual(['huge.json', 'ok.json']);
    const [finding, ...rest] = findingsOf(report, 'huge.json');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'parse/invalid-json', line: 1, column: 1 });
    expect(finding!.message).toMatch(/the file is 47\.7 MiB, more than the 10\.0 MiB elb-lint reads/);
    expect(code).toBe(1);
  });

  it('a found file is read the same at every size around the reading buffer (64 KiB) as when named', async () => {
    // Found files are read without fstat into a 64 KiB buffer; larger ones, and empty ones, take
    // the named files' path. Padding on line 1 moves the body across that boundary.
    const body = `${POOL_WITH_TYPO_LINES.join('\n')}\n`;
    const sizes = [0, 1, 65_535, 65_536, 65_537, 300_000];
    const files = Object.fromEntries(sizes.map((size) => [`pad-${size}.json`, ' '.repeat(size) + body]));
    const directory = tree({ ...files, 'empty.json': '' });
    const found = await lintJson(['.'], directory);
    const named = await lintJson(Object.keys(files), directory);
    expect(found.report).toEqual(named.report);
    for (const size of sizes) {
      expect(findingsOf(found.report, `pad-${size}.json`).map((f) => [f.ruleId, f.pointer, f.line])).toEqual([['schema/unknown-field', '/pool/colour', POOL_WITH_TYPO_LINES.indexOf('    "colour": "blue",') + 1]]);
    }
    // An empty file found in a directory is not recognisably a body, so it is not reported.
    expect(found.report.files.map((file) => file.path)).not.toContain('empty.json');
  });

  it('standard input over the limit: read up to the limit only, then reported', async () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 100).fill(0x20);
    big.set(new TextEncoder().encode('{"pool": {'));
    const { report } = await lintJson(['-', '--stdin-filename', 'big.json'], WORK, big);
    expect(findingsOf(report, 'big.json')[0]!.message).toMatch(/more than the 10\.0 MiB elb-lint reads/);
  });

  it('endless standard input (`yes | elb-lint -`): the spawned CLI stops reading at the limit', () => {
    // Without the bound this would read until memory runs out; the timeout only stops a hang.
    const result = spawnSync('sh', ['-c', `yes | "${process.execPath}" "${CLI}" --format json --stdin-filename y.json -`], { cwd: WORK, encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(findingsOf(report, 'y.json').map((f) => f.message)).toEqual(['Not valid JSON: the input goes on, more than the 10.0 MiB elb-lint reads; a request body is a few kilobytes.']);
  });

  it(`nesting 100,000 deep: parse/invalid-json at level ${MAX_DEPTH + 1}, no stack overflow`, async () => {
    const directory = tree({ 'deep.json': deep(100_000), 'ok.json': POOL });
    const { report } = await lintJson(['.'], directory);
    expect(report.files.map((file) => file.path)).toEqual(['deep.json', 'ok.json']);
    const findings = findingsOf(report, 'deep.json');
    expect(findings.map((f) => [f.ruleId, f.line, f.column])).toEqual([['parse/invalid-json', 1, 22 + MAX_DEPTH - 2]]);
    expect(findings[0]!.message).toMatch(/nesting is deeper than 64 levels/);
  });

  it('nesting at the limit is fine; one more level is not', async () => {
    // The root object and "pool" are two levels; members' brackets make up the rest.
    const atLimit = await lintJson(['-', '--stdin-filename', 'a.json'], WORK, deep(MAX_DEPTH - 2));
    expect(findingsOf(atLimit.report, 'a.json').map((f) => f.ruleId)).not.toContain('parse/invalid-json');
    const over = await lintJson(['-', '--stdin-filename', 'b.json'], WORK, deep(MAX_DEPTH - 1));
    expect(findingsOf(over.report, 'b.json').map((f) => f.ruleId)).toEqual(['parse/invalid-json']);
  });

  it('deep nesting hidden from the fast scan (after a string broken by a line break) is still bounded', async () => {
    // JSON.parse fails on the raw line break; jsonc-parser, which locates the error, ends the
    // string there and would then recurse into 1,000,000 brackets.
    for (const [before, opener] of [['"x', '['], ['"x', '{"a":'], ['["x', '['], ['["x', '{"a":']]) {
      const text = `{"pool": ${before}\n${opener!.repeat(1_000_000)} "}`;
      const { report } = await lintJson(['-', '--stdin-filename', 'hidden.json'], WORK, text);
      const findings = findingsOf(report, 'hidden.json');
      expect(findings.map((f) => [f.ruleId, f.line, f.column])).toEqual([['parse/invalid-json', 1, 10 + before!.length - 2]]);
    }
  });

  it('a 10 MiB string value (valid or unterminated) is handled without regex backtracking', async () => {
    const long = 'a'.repeat(MAX_FILE_BYTES - 100);
    const valid = await lintJson(['-', '--stdin-filename', 'long.json'], WORK, `{"pool": {"name": "${long}"}}`);
    expect(findingsOf(valid.report, 'long.json').find((f) => f.pointer === '/pool/name')?.message).toMatch(/at most 255 characters/);
    const escapes = await lintJson(['-', '--stdin-filename', 'escapes.json'], WORK, `{"pool": {"name": "${'\\n'.repeat(3_000_000)}"}}`);
    expect(findingsOf(escapes.report, 'escapes.json').find((f) => f.pointer === '/pool/name')?.ruleId).toBe('schema/length');
    const open = await lintJson(['-', '--stdin-filename', 'open.json'], WORK, `{"pool": {"name": "${long}}}`);
    expect(findingsOf(open.report, 'open.json').map((f) => f.ruleId)).toEqual(['parse/invalid-json']);
  });

  it('.http bodies have the same depth limit, at the position in the .http file', async () => {
    const text = `### deep\nPOST https://elb.example.com/v3/p/elb/master-slave-pools\nContent-Type: application/json\n\n${deep(100_000)}\n`;
    const directory = tree({ 'deep.http': text });
    const { report } = await lintJson(['.'], directory);
    expect(findingsOf(report, 'deep.http').map((f) => [f.ruleId, f.line, f.column])).toEqual([['parse/invalid-json', 5, 22 + MAX_DEPTH - 2]]);
  });

  it('.http lines built to make regular expressions backtrack are read in linear time', async () => {
    // Each of these took hours (quadratic backtracking) before the .http parser was fixed.
    const million = 1_000_000;
    const cases = [
      `POST https://elb.example.com/v3/p/elb/loadbalancers\n\n< a${' '.repeat(million)}b${' '.repeat(million)}\u0001\n`,
      `POST {{${'{'.repeat(million)}/elb/loadbalancers\n\n{"loadbalancer": {}}\n`,
      `POST https://elb.example.com/v3/p${'/'.repeat(million)}x/elb/loadbalancers\n\n{"loadbalancer": {}}\n`,
    ];
    for (const text of cases) {
      const { code } = await lintJson(['-', '--stdin-filename', 'slow.http'], WORK, text);
      expect([0, 1]).toContain(code);
    }
  });

  it('100,000 keys in one object: the first 1,000 findings are kept, at their places, and one more counts the rest', async () => {
    const count = 100_000;
    const keys = Array.from({ length: count }, (_, index) => `"k${index}": ${index}`);
    const text = `{"pool": {\n${keys.join(',\n')}\n}}\n`;
    const { report } = await lintJson(['-', '--stdin-filename', 'keys.json'], WORK, text);
    const findings = findingsOf(report, 'keys.json');
    expect(findings.length).toBe(MAX_FINDINGS_PER_FILE + 1);
    const [more, ...reversed] = [...findings].reverse();
    const kept = reversed.reverse();
    const unknown = kept.filter((f) => f.ruleId === 'schema/unknown-field');
    // The kept ones are the first in report order: k0, k1, … each at its own line.
    unknown.forEach((finding, index) => expect(finding).toMatchObject({ pointer: `/pool/k${index}`, line: index + 2, column: 1 }));
    const dropped = count - unknown.length;
    expect(more).toMatchObject({ ruleId: 'schema/unknown-field', severity: 'error', pointer: `/pool/k${unknown.length}`, line: unknown.length + 2 });
    expect(more!.message).toBe(`${dropped.toLocaleString('en-US')} more findings in this file not shown (${dropped.toLocaleString('en-US')} schema/unknown-field): elb-lint keeps the first 1,000 per file. Fix these and lint again.`);
  });
});

describe('files that are not plain files', () => {
  it('a file that disappears between listing and reading: a warning, the others are linted', async () => {
    const directory = tree({ 'a.json': POOL, 'b.json': POOL, 'c.json': `${POOL_WITH_TYPO_LINES.join('\n')}\n` });
    const run = await lint({
      cwd: directory,
      paths: ['.'],
      config: builtinConfig(directory),
      onFile: (done) => {
        if (done === 1) unlinkSync(join(directory, 'b.json'));
      },
    });
    expect(run.report.files.map((file) => file.path)).toEqual(['a.json', 'c.json']);
    expect(run.failures).toEqual([]);
    expect(run.warnings).toEqual(['"b.json" vanished between listing and reading; nothing to lint.']);
    // Through the CLI, the warning goes to stderr and does not fail the run.
  });

  it('a file replaced by a FIFO between listing and reading is skipped, not waited on', async () => {
    const directory = tree({ 'a.json': POOL, 'b.json': POOL });
    const run = await lint({
      cwd: directory,
      paths: ['.'],
      config: builtinConfig(directory),
      onFile: (done) => {
        if (done !== 1) return;
        unlinkSync(join(directory, 'b.json'));
        expect(spawnSync('mkfifo', [join(directory, 'b.json')]).status).toBe(0);
      },
      debug: () => {},
    });
    expect(run.report.files.map((file) => file.path)).toEqual(['a.json']);
    expect(run.failures).toEqual([]);
  });

  it('a directory named x.json: not a file in a listing; named, it is a directory to expand', async () => {
    const directory = tree({ 'x.json/inner.json': POOL, 'ok.json': POOL });
    const viaDirectory = await lintJson(['.'], directory);
    expect(viaDirectory.report.files.map((file) => file.path)).toEqual(['ok.json', 'x.json/inner.json']);
    const viaGlob = await lintJson(['*.json'], directory);
    expect(viaGlob.report.files.map((file) => file.path)).toEqual(['ok.json']);
    const named = await lintJson(['x.json'], directory);
    expect(named.report.files.map((file) => file.path)).toEqual(['x.json/inner.json']);
    expect(named.code).toBe(0);
  });

  it('a permission-denied file: a clear message, exit 2, the others still reported', async () => {
    const directory = tree({ 'ok.json': POOL, 'secret.json': POOL });
    const secret = join(directory, 'secret.json');
    chmodSync(secret, 0o000);
    let readable = false;
    try {
      readFileSync(secret);
      readable = true;
    } catch {
      // Expected for an ordinary user.
    }
    const named = await lintJson(['ok.json', 'secret.json'], directory);
    const listed = await lintJson(['.'], directory);
    chmodSync(secret, 0o644);
    if (readable) {
      // Running as root (as in this container): chmod 000 does not stop root from reading, so
      // there is no unreadable file to test with. Only this assertion is skipped.
      console.warn('hostile.test.ts: running as root, chmod 000 does not make a file unreadable; permission-denied assertions skipped');
      expect(named.report.files.map((file) => file.path)).toEqual(['ok.json', 'secret.json']);
      return;
    }
    for (const run of [named, listed]) {
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('elb-lint: Cannot read "secret.json": permission denied.');
      expect(run.report.files.map((file) => file.path)).toEqual(['ok.json']);
    }
  });

  it('a symlink loop: skipped in a listing, a clear message when named', async () => {
    const directory = tree({ 'ok.json': POOL });
    symlinkSync('loop-b.json', join(directory, 'loop-a.json'));
    symlinkSync('loop-a.json', join(directory, 'loop-b.json'));
    const listed = await lintJson(['.'], directory);
    expect(listed.report.files.map((file) => file.path)).toEqual(['ok.json']);
    expect(listed.code).toBe(0);
    const named = await lintJson(['ok.json', 'loop-a.json'], directory);
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('elb-lint: Cannot read "loop-a.json": too many levels of symbolic links (a symlink loop).');
    expect(named.report.files.map((file) => file.path)).toEqual(['ok.json']);
  });

  it('directory symlinks that loop back are not followed (each file once, no 2^40 walk)', async () => {
    const directory = tree({ 'd/a.json': POOL, 'e/b.json': POOL });
    symlinkSync('..', join(directory, 'd/up'));
    symlinkSync('..', join(directory, 'd/up-again'));
    symlinkSync('../e', join(directory, 'd/to-e'));
    symlinkSync('../d', join(directory, 'e/to-d'));
    const debug: string[] = [];
    const run = await lint({ cwd: directory, paths: ['.'], config: builtinConfig(directory), debug: (message) => debug.push(message) });
    // Each real directory is walked once (by device and inode), under its own name: d/to-e and
    // e/to-d are second names for directories already walked.
    expect(run.report.files.map((file) => file.path)).toEqual(['d/a.json', 'e/b.json']);
    expect(debug.filter((message) => message.includes('which is walked already; not walked again'))).toHaveLength(4);
    expect(debug).toContainEqual(expect.stringMatching(/^found 2 files to lint \(walked 3 directories\)/));
  });

  it('a FIFO in a directory is skipped and never blocks the run', async () => {
    const directory = tree({ 'ok.json': POOL });
    expect(spawnSync('mkfifo', [join(directory, 'pipe.json')]).status).toBe(0);
    const { report, code } = await lintJson(['.'], directory);
    expect(report.files.map((file) => file.path)).toEqual(['ok.json']);
    expect(code).toBe(0);
  });

  it('a FIFO named explicitly is read (as with `elb-lint <(…)`)', () => {
    // Spawned, with a timeout: opening a FIFO waits for its writer, which must not hang vitest.
    const directory = tree({});
    expect(spawnSync('mkfifo', [join(directory, 'pipe.json')]).status).toBe(0);
    const body = JSON.stringify({ pool: { colour: 'blue' } }).replace(/"/g, '\\"');
    const result = spawnSync('sh', ['-c', `printf '%s' "${body}" > pipe.json & exec node "${CLI}" --format json pipe.json`], { cwd: directory, encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(findingsOf(report, 'pipe.json').map((f) => f.pointer)).toContain('/pool/colour');
  });

  it('devices named explicitly are read with the same bound: /dev/null is empty, /dev/zero too large', async () => {
    const { report } = await lintJson(['/dev/null'], WORK);
    expect(report.files[0]!.findings.map((f) => f.ruleId)).toEqual(['parse/invalid-json']);
    expect(report.files[0]!.findings[0]!.message).toMatch(/empty/);
    if (statSync('/dev/zero', { throwIfNoEntry: false })?.isCharacterDevice()) {
      const zero = await lintJson(['/dev/zero'], WORK);
      expect(zero.report.files[0]!.findings.map((f) => f.ruleId)).toEqual(['parse/invalid-json']);
      expect(zero.report.files[0]!.findings[0]!.message).toMatch(/more than the 10\.0 MiB elb-lint reads/);
    }
  });
});

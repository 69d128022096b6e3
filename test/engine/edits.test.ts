// Edits touch only the tokens they must (api.md): a renamed key is its key string, a changed value
// its value token, a removed member goes with one comma and with its line when it stands alone on
// one. Byte-exact, in a 4-space file, a CRLF file, a tab-indented one, a minified one and an .http
// file; and what is never edited: placeholders, bodies with a duplicate key, .http comment lines.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toTextEdit, type EditSource } from '../../src/engine/edits.js';
import { childPointer } from '../../src/json/pointer.js';
import { fixText } from '../../src/engine/fix-loop.js';
import { applyFixes, lintText, type Finding, type TextEdit } from '../../src/index.js';
import type { DocumentEdit, DocumentFix } from '../../src/rules/rule.js';

const ROOT = join(import.meta.dirname, '..', '..');
const POOL = JSON.parse(readFileSync(join(ROOT, 'examples/templates/web-tcp-pool.json'), 'utf8')) as { pool: Record<string, unknown> };
const PLACEHOLDER = /^\$\{[A-Za-z0-9_]+\}$/;

function apply(text: string, edit: TextEdit | undefined): string {
  if (!edit) throw new Error('no edit');
  return text.slice(0, edit.range[0]) + edit.text + text.slice(edit.range[1]);
}

function edited(text: string, fix: DocumentFix): string {
  const source: EditSource = { text, offset: 0, isPlaceholder: (value) => typeof value === 'string' && PLACEHOLDER.test(value), value: JSON.parse(text) };
  return apply(text, toTextEdit(source, fix));
}

/** A pool body with `protocol: "tcp"` and `lb_algorithm` spelled camelCase, in a given layout. */
function typoPool(indent: string | number, eol = '\n'): string {
  const { protocol: _, lb_algorithm: algorithm, ...rest } = POOL.pool;
  const body = { pool: { name: rest.name, protocol: 'tcp', lbAlgorithm: algorithm, ...rest } };
  return `${JSON.stringify(body, null, indent).replaceAll('\n', eol)}${indent === 0 ? '' : eol}`;
}

function findingOf(findings: Finding[], ruleId: string, pointer: string): Finding {
  const found = findings.find((finding) => finding.ruleId === ruleId && finding.pointer === pointer);
  if (!found) throw new Error(`no ${ruleId} at ${pointer} in ${JSON.stringify(findings.map((f) => [f.ruleId, f.pointer]))}`);
  return found;
}

describe('safe fixes keep every other byte', () => {
  const layouts: [string, string][] = [
    ['a 4-space file', typoPool(4)],
    ['a CRLF file', typoPool(2, '\r\n')],
    ['a tab-indented file', typoPool('\t')],
    ['a minified file', typoPool(0)],
  ];
  it.each(layouts)('in %s', (_, text) => {
    const { findings } = lintText(text, { filePath: 'pool.json' });
    const protocol = findingOf(findings, 'schema/enum', '/pool/protocol').fix!;
    const algorithm = findingOf(findings, 'schema/unknown-field', '/pool/lbAlgorithm').fix!;
    expect(text.slice(...protocol.range)).toBe('"tcp"');
    expect(protocol.text).toBe('"TCP"');
    expect(text.slice(...algorithm.range)).toBe('"lbAlgorithm"');
    expect(algorithm.text).toBe('"lb_algorithm"');
    const { output, remaining } = applyFixes(text, findings);
    expect(output).toBe(text.replace('"tcp"', '"TCP"').replace('"lbAlgorithm"', '"lb_algorithm"'));
    // lb_algorithm was missing until the rename: nothing to fix there, and gone after it.
    expect(remaining.map((finding) => [finding.ruleId, finding.pointer])).toEqual([['schema/required', '/pool/lb_algorithm']]);
    expect(lintText(output, { filePath: 'pool.json' }).findings).toEqual([]);
  });

  it('in an .http file: offsets into the whole file, comment lines kept', () => {
    const body = typoPool(2, '\r\n').replace('"name": "web-tcp-ms",\r\n', '"name": "web-tcp-ms",\r\n    # a comment line inside the body\r\n');
    const text = `### the pool\r\nPOST https://elb.example.com/v3/p/elb/master-slave-pools\r\nContent-Type: application/json\r\n\r\n${body}\r\n> {% client.test("ok", () => {}); %}\r\n`;
    const result = fixText(text, lintText(text, { filePath: 'pool.http' }), (next) => lintText(next, { filePath: 'pool.http' }));
    expect(result.output).toBe(text.replace('"tcp"', '"TCP"').replace('"lbAlgorithm"', '"lb_algorithm"'));
    expect(result.fixed).toBe(2);
    expect(result.result.findings).toEqual([]);
  });

  it('in one edit from the first changed token to the last, the bytes between as they were (lb/prepaid-period)', () => {
    const lb = readFileSync(join(ROOT, 'test/cases/lb/prepaid-period/invalid/twelve-months.json'), 'utf8').replace('"period_type": "month",', '"period_type"  :  "month" ,\t');
    const http = `POST https://elb.example.com/v3/p/elb/loadbalancers\n\n${lb.replace('"period_num": 12', '# billed monthly until now\n      "period_num": 24')}`;
    const { findings } = lintText(http, { filePath: 'lb.http' });
    const fix = findingOf(findings, 'lb/prepaid-period', '/loadbalancer/prepaid_options/period_num').fix!;
    expect(http.slice(...fix.range)).toBe('"month" ,\t\n      # billed monthly until now\n      "period_num": 24');
    expect(fix.text).toBe('"year" ,\t\n      # billed monthly until now\n      "period_num": 2');
  });
});

describe('removing a member', () => {
  const cases: [string, string, string, string][] = [
    ['the first of three, alone on its line', '{\n    "a": 1,\n    "b": 2,\n    "c": 3\n}', '/a', '{\n    "b": 2,\n    "c": 3\n}'],
    ['the middle one', '{\n    "a": 1,\n    "b": 2,\n    "c": 3\n}', '/b', '{\n    "a": 1,\n    "c": 3\n}'],
    ['the last one, with the comma before it', '{\n    "a": 1,\n    "b": 2,\n    "c": 3\n}', '/c', '{\n    "a": 1,\n    "b": 2\n}'],
    ['a middle one, CRLF', '{\r\n  "a": 1,\r\n  "b": 2,\r\n  "c": 3\r\n}\r\n', '/b', '{\r\n  "a": 1,\r\n  "c": 3\r\n}\r\n'],
    ['the last one, CRLF', '{\r\n  "a": 1,\r\n  "b": 2\r\n}\r\n', '/b', '{\r\n  "a": 1\r\n}\r\n'],
    ['a tab-indented one', '{\n\t"a": {\n\t\t"x": 1,\n\t\t"y": 2\n\t},\n\t"b": 3\n}', '/a/x', '{\n\t"a": {\n\t\t"y": 2\n\t},\n\t"b": 3\n}'],
    ['one whose value spans lines', '{\n  "a": {\n    "x": 1\n  },\n  "b": 2\n}', '/a', '{\n  "b": 2\n}'],
    ['the first, minified', '{"a":1,"b":2,"c":3}', '/a', '{"b":2,"c":3}'],
    ['the middle, minified', '{"a":1,"b":2,"c":3}', '/b', '{"a":1,"c":3}'],
    ['the last, minified', '{"a":1,"b":2,"c":3}', '/c', '{"a":1,"b":2}'],
    ['the first on a spaced line', '{ "a": 1, "b": 2 }', '/a', '{ "b": 2 }'],
    ['one sharing its line with the one before', '{\n  "a": 1, "b": 2,\n  "c": 3\n}', '/b', '{\n  "a": 1,\n  "c": 3\n}'],
    ['the only member', '{\n  "x": {\n    "a": 1\n  }\n}', '/x/a', '{\n  "x": {}\n}'],
    ['an array element', '{"ids": ["a", "b", "c"]}', '/ids/1', '{"ids": ["a", "c"]}'],
    ['one with a blank line after it (kept)', '{\n  "a": 1,\n\n  "b": 2\n}', '/a', '{\n\n  "b": 2\n}'],
  ];
  it.each(cases)('%s', (_, text, pointer, expected) => {
    expect(edited(text, { remove: pointer })).toBe(expected);
  });

  it('is not offered when it would take an .http comment line with it', () => {
    const pool = JSON.stringify({ pool: { ...POOL.pool, project_id: '0123456789abcdef0123456789abcdef' } }, null, 2);
    const text = `POST https://elb.example.com/v3/p/elb/master-slave-pools\n\n${pool.replace('    "project_id"', '    # keep me\n    "project_id"')}\n`;
    const { findings } = lintText(text, { filePath: 'pool.http' });
    expect(findingOf(findings, 'api/discouraged-field', '/pool/project_id').suggestions).toBeUndefined();
    // With the comment line elsewhere, the removal is offered, and leaves the comment.
    const apart = text.replace('    # keep me\n', '').replace('    "name"', '    # keep me\n    "name"');
    const suggestion = findingOf(lintText(apart, { filePath: 'pool.http' }).findings, 'api/discouraged-field', '/pool/project_id').suggestions![0]!;
    expect(suggestion.desc).toBe('Remove project_id');
    expect(apply(apart, suggestion.fix)).toBe(apart.replace(/,\n {4}"project_id": "[0-9a-f]+"/, ''));
  });
});

describe('what is never edited', () => {
  const source = (text: string): EditSource => ({ text, offset: 0, isPlaceholder: (value) => typeof value === 'string' && PLACEHOLDER.test(value), value: JSON.parse(text) });

  it('a placeholder value or key', () => {
    expect(toTextEdit(source('{"a": "${A}"}'), { replaceValue: '/a', json: 'x' })).toBeUndefined();
    expect(toTextEdit(source('{"${A}": 1}'), { renameKey: '/${A}', key: 'a' })).toBeUndefined();
    const lb = readFileSync(join(ROOT, 'test/cases/lb/prepaid-period/invalid/twelve-months.json'), 'utf8').replace('"period_type": "month"', '"period_type": "${PERIOD}"');
    expect(lintText(lb).findings.filter((finding) => finding.fix !== undefined)).toEqual([]);
  });

  it('a rename onto a key the object has, or two renames onto one key', () => {
    expect(toTextEdit(source('{"Name": 1, "name": 2}'), { renameKey: '/Name', key: 'name' })).toBeUndefined();
    const body = JSON.stringify({ pool: { ...POOL.pool, name: undefined, Name: 'a', NAME: 'b' } });
    const findings = lintText(body).findings.filter((finding) => finding.ruleId === 'schema/unknown-field');
    expect(findings.map((finding) => [finding.pointer, finding.fix])).toEqual([['/pool/Name', undefined], ['/pool/NAME', undefined]]);
  });

  it('a body with a duplicate key', () => {
    const text = '{"pool": {"protocol": "tcp", "protocol": "tcp"}}';
    expect(lintText(text).findings.filter((finding) => finding.fix !== undefined || finding.suggestions !== undefined)).toEqual([]);
  });

  it('a fix that would bring a new schema finding: it stays a suggestion', () => {
    // "5" is an integer in quotes, but 5 is no ip_version either: no safe fix.
    const lb = readFileSync(join(ROOT, 'test/cases/schema/type/invalid/eip-ip-version-as-string.json'), 'utf8');
    const text = lb.replace('"ip_version": "4"', '"ip_version": "5"');
    const finding = findingOf(lintText(text).findings, 'schema/type', '/loadbalancer/publicip/ip_version');
    expect(finding.suggestion).toBe('5');
    expect(finding.fix).toBeUndefined();
  });

  it('past a budget, in a hostile body with thousands of findings: the first ones get edits, the rest none', () => {
    const keys = Array.from({ length: 20_000 }, (_, index) => `"unknown_${index}": ${index}`);
    const findings = lintText(`{"pool": {\n${keys.join(',\n')}\n}}\n`).findings.filter((finding) => finding.ruleId === 'schema/unknown-field');
    // The report keeps the first findings of a file (src/engine/cap.ts); the budget is smaller still.
    expect(findings.length).toBeGreaterThan(100);
    const edited = findings.filter((finding) => finding.suggestions !== undefined).length;
    expect(edited).toBeGreaterThan(0);
    expect(edited).toBeLessThan(findings.length);
  });

  it('a change that changes nothing, or an edit that does not parse', () => {
    expect(toTextEdit(source('{"a": "x"}'), { replaceValue: '/a', json: 'x' })).toBeUndefined();
    expect(toTextEdit(source('{"a": 1}'), { replaceValue: '/b', json: 2 })).toBeUndefined();
    expect(toTextEdit(source('{"a": 1, "b": 2}'), [{ replaceValue: '/a', json: 3 }, { remove: '/a' }])).toBeUndefined();
  });
});

describe('a fix of replaced values and renamed keys', () => {
  /** Every member's pointer in a parsed value (object keys and array indexes, RFC 6901 escaped). */
  function pointersOf(value: unknown, at = ''): string[] {
    if (typeof value !== 'object' || value === null) return [];
    const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
    return entries.flatMap(([key, item]) => {
      const pointer = childPointer(at, key);
      return [pointer, ...pointersOf(item, pointer)];
    });
  }
  const keyArb = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('__proto__', 'constructor', 'a/b', 'x~y'));
  const jsonArb = fc.letrec<{ node: unknown }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.oneof(fc.integer(), fc.string({ maxLength: 5 }), fc.boolean(), fc.constant(null)),
      fc.array(tie('node'), { maxLength: 4 }),
      fc.uniqueArray(fc.tuple(keyArb, tie('node')), { maxLength: 4, selector: ([key]) => key }).map((entries) => Object.fromEntries(entries)),
    ),
  })).node;
  const caseArb = fc
    .tuple(jsonArb.filter((value) => pointersOf(value).length > 0), fc.nat(), fc.nat(), jsonArb, keyArb, fc.constantFrom(0, 2))
    .map(([body, first, second, json, key, indent]) => {
      const pointers = pointersOf(body);
      const edit = (pick: number, rename: boolean): DocumentEdit => {
        const pointer = pointers[pick % pointers.length] as string;
        return rename ? { renameKey: pointer, key } : { replaceValue: pointer, json };
      };
      return { text: JSON.stringify(body, null, indent), fix: [edit(first, first % 2 === 0), edit(second, false)] };
    });

  it('is checked on the same body as a parse of the edited text would give', () => {
    fc.assert(
      fc.property(caseArb, ({ text, fix }) => {
        const seen: unknown[] = [];
        const source: EditSource = { text, offset: 0, isPlaceholder: () => false, value: JSON.parse(text) };
        const checked = toTextEdit(source, fix, (fixed) => (seen.push(fixed), true));
        // A check that passes changes nothing: the edit is the one a suggestion (no check) gets.
        expect(checked).toEqual(toTextEdit(source, fix));
        if (checked === undefined) return;
        expect(seen).toHaveLength(1);
        // Compared as JSON text: key order counts, and an own "constructor" key would confuse toStrictEqual.
        expect(JSON.stringify(seen[0])).toBe(JSON.stringify(JSON.parse(apply(text, checked))));
      }),
      { numRuns: 500 },
    );
  });
});

// Properties of fixes (api.md), over valid bodies mutated the ways people get them wrong (an enum
// value in the wrong case, a field spelled camelCase or capitalised, a number or boolean in quotes,
// twelve months for a year) plus random damage, in any indentation and line ending, alone or in an
// .http file with comment lines. Run in-process through the library (lintText, applyFixes):
// - applying the safe fixes keeps every byte outside their ranges, and gives parseable JSON;
// - the fixed findings are gone, and a rule whose finding was fixed reports nothing new, except
//   where another rule's fix changed a value (a value the schema now accepts is judged);
// - --fix (the fix loop) ends with no safe fix left, and a second run changes nothing.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixText } from '../../src/engine/fix-loop.js';
import { applyFixes, lintText, type FileResult, type Finding } from '../../src/index.js';
import { parentPointer } from '../../src/json/pointer.js';
import { fromValue, fuzzParameters, FUZZ_TIMEOUT, mutate, mutationArb, serialize, validCaseBodies, VOCABULARY, type Json, type TextStyle } from '../support/fuzz-support.js';

const VALID = validCaseBodies();
const KNOWN_FIELDS = new Set(VOCABULARY.fields);
const ENUM_VALUES = new Set(VOCABULARY.enums);

/** A mistake that has a safe fix, applied to the first node it fits from position `at` on. */
type Slip = { op: 'case'; at: number; how: 'lower' | 'upper' | 'title' } | { op: 'respell'; at: number; how: 'camel' | 'title' | 'kebab' } | { op: 'quote'; at: number } | { op: 'months'; years: 1 | 2 | 3 };

const slipArb: fc.Arbitrary<Slip> = fc.oneof(
  fc.record({ op: fc.constant('case' as const), at: fc.nat(), how: fc.constantFrom('lower' as const, 'upper' as const, 'title' as const) }),
  fc.record({ op: fc.constant('respell' as const), at: fc.nat(), how: fc.constantFrom('camel' as const, 'title' as const, 'kebab' as const) }),
  fc.record({ op: fc.constant('quote' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('months' as const), years: fc.constantFrom(1 as const, 2 as const, 3 as const) }),
);

type Obj = Extract<Json, { t: 'obj' }>;

/** Every object pair of a tree, in document order, with the object holding it. */
function pairs(node: Json, out: { holder: Obj; index: number }[] = []): { holder: Obj; index: number }[] {
  if (node.t === 'obj') node.pairs.forEach(([, value], index) => {
    out.push({ holder: node, index });
    pairs(value, out);
  });
  if (node.t === 'arr') for (const item of node.items) pairs(item, out);
  return out;
}

function slip(tree: Json, mistake: Slip): Json {
  const copy = structuredClone(tree);
  if (mistake.op === 'months') {
    const lb = copy.t === 'obj' ? copy.pairs.find(([key]) => key === 'loadbalancer')?.[1] : undefined;
    if (lb?.t === 'obj') lb.pairs.push(['prepaid_options', fromValue({ period_type: 'month', period_num: mistake.years * 12, auto_renew: true })]);
    return copy;
  }
  const all = pairs(copy);
  const fits = (entry: { holder: Obj; index: number }) => {
    const [key, value] = entry.holder.pairs[entry.index]!;
    if (mistake.op === 'case') return value.t === 'str' && ENUM_VALUES.has(value.value);
    if (mistake.op === 'respell') return KNOWN_FIELDS.has(key) && respell(key, mistake.how) !== key;
    return value.t === 'lit' && value.text !== 'null';
  };
  const rotated = [...all.slice(mistake.at % Math.max(all.length, 1)), ...all.slice(0, mistake.at % Math.max(all.length, 1))];
  const target = rotated.find(fits);
  if (!target) return copy;
  const pair = target.holder.pairs[target.index]!;
  if (mistake.op === 'case' && pair[1].t === 'str') pair[1] = { t: 'str', value: recase(pair[1].value, mistake.how) };
  if (mistake.op === 'respell') pair[0] = respell(pair[0], mistake.how);
  if (mistake.op === 'quote' && pair[1].t === 'lit') pair[1] = { t: 'str', value: pair[1].text };
  return copy;
}

function recase(value: string, how: 'lower' | 'upper' | 'title'): string {
  if (how === 'lower') return value.toLowerCase();
  if (how === 'upper') return value.toUpperCase();
  return value.charAt(0).toUpperCase() + value.slice(1).toLowerCase();
}

function respell(key: string, how: 'camel' | 'title' | 'kebab'): string {
  if (how === 'camel') return key.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
  if (how === 'kebab') return key.replaceAll('_', '-');
  return key.charAt(0).toUpperCase() + key.slice(1);
}

const fixStyleArb: fc.Arbitrary<TextStyle> = fc.record({
  indent: fc.constantFrom<TextStyle['indent']>('', '  ', '\t', '    ' as TextStyle['indent']),
  eol: fc.constantFrom<TextStyle['eol']>('\n', '\r\n'),
});

/** A text to lint and the name it is linted under: the body alone, or in an .http file with comment lines in it. */
const inputArb = fc
  .tuple(
    fc.constantFrom(...VALID).map((body) => fromValue(body.value)),
    fc.array(slipArb, { minLength: 1, maxLength: 3 }),
    fc.array(mutationArb, { maxLength: 1 }),
    fixStyleArb,
    fc.option(fc.array(fc.nat(), { minLength: 1, maxLength: 2 }), { nil: undefined }),
  )
  .map(([tree, slips, mutations, style, commentsAt]) => {
    let changed = tree;
    for (const mistake of slips) changed = slip(changed, mistake);
    for (const mutation of mutations) changed = mutate(changed, mutation);
    const body = serialize(changed, style);
    if (commentsAt === undefined || style.indent === '') return { name: 'body.json', text: body };
    const kind = changed.t === 'obj' && changed.pairs[0]?.[0] === 'pool' ? 'master-slave-pools' : 'loadbalancers';
    const lines = body.split(style.eol);
    for (const at of commentsAt) lines.splice(1 + (at % Math.max(lines.length - 1, 1)), 0, '# a comment line, not sent');
    return { name: 'requests.http', text: [`POST https://elb.example.com/v3/p/elb/${kind}`, 'Content-Type: application/json', '', ...lines, ''].join(style.eol) };
  });

const lint = (name: string) => (text: string): FileResult => lintText(text, { filePath: name });

/** Where a fixed finding's fix leaves its value: a rename's new pointer, else its own. */
function touched(finding: Finding): string {
  if (finding.ruleId === 'schema/unknown-field' && finding.fix) return `${parentPointer(finding.pointer)}/${JSON.parse(finding.fix.text) as string}`;
  return finding.pointer;
}

/** Exactly one JSON string, no space around it; exactly one JSON scalar. */
const STRING_TOKEN = /^"(?:[^"\\\u0000-\u001f]|\\.)*"$/;
const SCALAR_TOKEN = /^(?:"(?:[^"\\\u0000-\u001f]|\\.)*"|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)$/;

const under = (pointer: string, root: string) => pointer === root || pointer.startsWith(`${root}/`);

describe('fuzz: safe fixes', () => {
  let withFixes = 0;
  let cases = 0;
  const fixedRuleIds = new Set<string>();

  it('keep every byte outside their ranges, parse, remove what they fix and bring no new finding of a fixed rule', () => {
    fc.assert(
      fc.property(inputArb, ({ name, text }) => {
        cases++;
        const before = lintText(text, { filePath: name });
        const { output, fixed } = applyFixes(text, before.findings);
        if (fixed.length === 0) return;
        withFixes++;
        for (const finding of fixed) fixedRuleIds.add(finding.ruleId);
        // Outside the ranges, the same bytes in the same order.
        const taken = fixed.map((finding) => finding.fix!).sort((a, b) => a.range[0] - b.range[0]);
        let cursor = 0;
        let outCursor = 0;
        for (const { range: [start, end], text: replacement } of taken) {
          expect(output.slice(outCursor, outCursor + start - cursor)).toBe(text.slice(cursor, start));
          outCursor += start - cursor;
          expect(output.slice(outCursor, outCursor + replacement.length)).toBe(replacement);
          outCursor += replacement.length;
          cursor = end;
        }
        expect(output.slice(outCursor)).toBe(text.slice(cursor));
        // A fix of one token replaces one token: a key or a string value by another JSON scalar.
        for (const finding of fixed) {
          const [start, end] = finding.fix!.range;
          if (finding.ruleId === 'lb/prepaid-period') {
            // Two tokens, and what lies between them as it was.
            expect(text.slice(start, end)).toMatch(/^"month"[\s\S]*\d$/);
            expect(finding.fix!.text).toBe(`"year"${text.slice(start + 7, end - 2)}${finding.fix!.text.at(-1)}`);
            continue;
          }
          expect(text.slice(start, end), finding.ruleId).toMatch(STRING_TOKEN);
          expect(finding.fix!.text, finding.ruleId).toMatch(SCALAR_TOKEN);
        }
        const after = lintText(output, { filePath: name });
        expect(after.findings.filter((finding) => finding.ruleId.startsWith('parse/')).map((finding) => finding.ruleId)).toEqual(
          before.findings.filter((finding) => finding.ruleId.startsWith('parse/')).map((finding) => finding.ruleId),
        );
        const seen = new Set(before.findings.map((finding) => `${finding.ruleId} ${finding.pointer}`));
        const fixedRules = new Set(fixed.map((finding) => finding.ruleId));
        for (const finding of fixed) {
          expect(after.findings.some((left) => left.ruleId === finding.ruleId && left.pointer === finding.pointer), `${finding.ruleId} ${finding.pointer} is still there`).toBe(false);
        }
        for (const left of after.findings) {
          if (!fixedRules.has(left.ruleId) || seen.has(`${left.ruleId} ${left.pointer}`)) continue;
          const revealed = fixed.some((finding) => finding.ruleId !== left.ruleId && under(left.pointer, touched(finding)));
          expect(revealed, `new ${left.ruleId} at ${left.pointer}`).toBe(true);
        }
      }),
      fuzzParameters(1000),
    );
    // The generator is about fixes: most cases must have one, or the property says little.
    expect(withFixes).toBeGreaterThan(cases / 2);
    expect([...fixedRuleIds].sort()).toEqual(expect.arrayContaining(['lb/prepaid-period', 'schema/enum', 'schema/type', 'schema/unknown-field']));
  }, FUZZ_TIMEOUT);

  it('--fix leaves no safe fix, reports what is left, and a second --fix changes nothing', () => {
    fc.assert(
      fc.property(inputArb, ({ name, text }) => {
        const once = fixText(text, lintText(text, { filePath: name }), lint(name));
        expect(once.result).toEqual(lintText(once.output, { filePath: name }));
        expect(once.result.findings.filter((finding) => finding.fix !== undefined)).toEqual([]);
        const twice = fixText(once.output, once.result, lint(name));
        expect(twice.output).toBe(once.output);
        expect(twice.fixed).toBe(0);
      }),
      fuzzParameters(300),
    );
  }, FUZZ_TIMEOUT);
});

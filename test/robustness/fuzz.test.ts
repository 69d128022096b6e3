// Property-based tests of the whole pipeline (issue 8, docs/reliability.md): whatever the input,
// the engine's result keeps the JSON report's contract, and every finding's position and pointer
// are where it says. Texts go through the library (lintText) and the JSON report written of the
// result; bytes go through the CLI in-process (main(), standard input), since decoding them is
// the input layer's work. test/robustness/fuzz-cli.test.ts spawns the built CLI on real files
// with the same generators, for the CLI's side of the contract (exit codes, the directory walk).
//
// Default: 12,600 cases here and 12 spawned trees in fuzz-cli.test.ts, in seconds. More, spread
// the same way: ELB_LINT_FUZZ_RUNS=200000 npx vitest run test/fuzz
// Replay a failure: ELB_LINT_FUZZ_SEED=<seed printed by fast-check>.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/json/line-index.js';
import { locate } from '../../src/json/locate.js';
import { memberBeside } from '../../src/json/members.js';
import { childPointer } from '../../src/json/pointer.js';
import { parseJson } from '../../src/json/parse.js';
import { JsonTree } from '../../src/json/tree.js';
import { SCHEMAS } from '../../src/schema/schemas.js';
import type { Schema } from '../../src/schema/fields.js';
import {
  anyJsonArb,
  applyTextEdit,
  checkLibraryResult,
  checkReport,
  fromValue,
  fuzzParameters,
  FUZZ_TIMEOUT,
  httpPieceArb,
  httpText,
  HOSTILE_KEYS,
  lintText,
  lintWithLibrary,
  mutate,
  mutationArb,
  offsetOf,
  parseOrUndefined,
  serialize,
  shapedBodyArb,
  styleArb,
  textEditArb,
  textLines,
  textOfBytes,
  validCaseBodies,
  type Json,
} from '../support/fuzz-support.js';

// A working directory without rules.yaml anywhere above it: the built-in preset applies.
const CWD = mkdtempSync(join(tmpdir(), 'elb-lint-fuzz-'));
afterAll(() => rmSync(CWD, { recursive: true, force: true }));

const VALID = validCaseBodies();
const validTreeArb = fc.constantFrom(...VALID).map((body) => fromValue(body.value));

/** Lints a text as NAME through the library and checks the report written of it; returns the report. */
async function lintAndCheck(text: string, name = 'body.json', bodies?: unknown[]) {
  const plain = text.startsWith('\ufeff') ? text.slice(1) : text;
  return checkLibraryResult(lintWithLibrary(text, name), { [name]: { text: plain, bodies: bodies ?? parseOrUndefined(plain) } });
}

describe('fuzz: the engine never crashes and its results keep the report contract', () => {
  it('has valid bodies to mutate', () => {
    expect(VALID.length).toBeGreaterThan(5);
  });

  it('random JSON values, bare or under a request wrapper', async () => {
    const wrapped = fc.oneof(
      anyJsonArb,
      fc.tuple(fc.constantFrom('pool', 'loadbalancer'), anyJsonArb).map(([key, value]): Json => ({ t: 'obj', pairs: [[key, value]] })),
    );
    await fc.assert(
      fc.asyncProperty(wrapped, styleArb, async (tree, style) => {
        await lintAndCheck(serialize(tree, style));
      }),
      fuzzParameters(2000),
    );
  }, FUZZ_TIMEOUT);

  it('bodies shaped by the request schemas, with values in, at and past their limits', async () => {
    await fc.assert(
      fc.asyncProperty(shapedBodyArb, styleArb, async (tree, style) => {
        await lintAndCheck(serialize(tree, style));
      }),
      fuzzParameters(2500),
    );
  }, FUZZ_TIMEOUT);

  it('valid bodies with fields dropped, renamed, retyped, out of range, swapped or repeated', async () => {
    await fc.assert(
      fc.asyncProperty(validTreeArb, fc.array(mutationArb, { minLength: 1, maxLength: 3 }), styleArb, async (tree, mutations, style) => {
        const mutated = mutations.reduce(mutate, tree);
        await lintAndCheck(serialize(mutated, style));
      }),
      fuzzParameters(2500),
    );
  }, FUZZ_TIMEOUT);

  it('broken text: truncated, with stray characters, comments, BOMs and control characters', async () => {
    await fc.assert(
      fc.asyncProperty(validTreeArb, fc.array(textEditArb, { minLength: 1, maxLength: 3 }), styleArb, async (tree, edits, style) => {
        await lintAndCheck(edits.reduce(applyTextEdit, serialize(tree, style)));
      }),
      fuzzParameters(1200),
    );
  }, FUZZ_TIMEOUT);

  it('random bytes, alone or spliced into a valid body', async () => {
    const bytesArb = fc.oneof(
      fc.uint8Array({ maxLength: 64 }),
      fc.tuple(validTreeArb, fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 4 })).map(([tree, at, bytes]) => {
        const body = new TextEncoder().encode(serialize(tree));
        const cut = at % (body.length + 1);
        return Uint8Array.from([...body.subarray(0, cut), ...bytes, ...body.subarray(cut)]);
      }),
      fc.tuple(validTreeArb, fc.constantFrom([0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0x00], [0xc3], [0xed, 0xa0, 0x80])).map(([tree, prefix]) =>
        Uint8Array.from([...prefix, ...new TextEncoder().encode(serialize(tree))]),
      ),
    );
    await fc.assert(
      fc.asyncProperty(bytesArb, async (bytes) => {
        const result = await lintText(CWD, bytes, 'bytes.json');
        const text = textOfBytes(bytes);
        checkReport(result, { 'bytes.json': { text, bodies: parseOrUndefined(text) } });
      }),
      fuzzParameters(1000),
    );
  }, FUZZ_TIMEOUT);

  it('.http files: separators, comments, request lines, headers, handlers around any body', async () => {
    const bodyArb = fc.oneof(
      validTreeArb.map((tree) => serialize(tree)),
      fc.tuple(validTreeArb, mutationArb).map(([tree, mutation]) => serialize(mutate(tree, mutation))),
      anyJsonArb.map((tree) => serialize(tree)),
      fc.tuple(validTreeArb, textEditArb).map(([tree, edit]) => applyTextEdit(serialize(tree), edit)),
      fc.constant(''),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(httpPieceArb(bodyArb), { minLength: 1, maxLength: 3 }), fc.constantFrom('\n', '\r\n', '\r'), async (pieces, eol) => {
        const text = httpText(pieces, eol);
        // Pointers must resolve in one of the bodies written into the file (whose comment lines
        // the .http clients do not send).
        const bodies = pieces.flatMap((piece) => parseOrUndefined(piece.body.split(/\r\n|\r|\n/).filter((line) => !/^\s*(#|\/\/)/.test(line)).join('\n')));
        const report = checkLibraryResult(lintWithLibrary(text, 'requests.http'), { 'requests.http': { text, bodies } });
        expect(report.files.length).toBeLessThanOrEqual(1);
      }),
      fuzzParameters(1000),
    );
  }, FUZZ_TIMEOUT);

  it('a valid body with one unknown field added gets exactly one more finding, schema/unknown-field at that field', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...VALID),
        fc.nat(),
        fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom(...HOSTILE_KEYS)),
        anyJsonArb,
        async (body, pick, key, value) => {
          const targets = objectPointers(body.value).filter((target) => target.pointer !== '');
          const target = targets[pick % targets.length]!;
          fc.pre(!Object.hasOwn(target.object, key) && !knownFields(body.value, target.pointer).has(key));
          const before = await lintAndCheck(body.text);
          const changed = structuredClone(body.value) as Record<string, unknown>;
          const holder = target.pointer.slice(1).split('/').map(unescape).reduce<Record<string, unknown>>((node, segment) => node[segment] as Record<string, unknown>, changed);
          Object.defineProperty(holder, key, { value: JSON.parse(serialize(value)), enumerable: true, configurable: true, writable: true });
          const text = JSON.stringify(changed, null, 2);
          const after = await lintAndCheck(text);
          const pointer = `${target.pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
          const without = (findings: { ruleId: string; pointer: string; message: string }[]) => findings.map((finding) => `${finding.ruleId} ${finding.pointer} ${finding.message}`).sort();
          const added = after.files[0]!.findings.filter((finding) => finding.pointer === pointer);
          expect(added.map((finding) => finding.ruleId)).toEqual(['schema/unknown-field']);
          expect(without(after.files[0]!.findings.filter((finding) => finding.pointer !== pointer))).toEqual(without(before.files[0]!.findings));
        },
      ),
      fuzzParameters(1000),
    );
  }, FUZZ_TIMEOUT);

  it('is deterministic: the same input gives the same report, byte for byte', async () => {
    const textArb = fc.oneof(
      fc.tuple(validTreeArb, fc.array(mutationArb, { maxLength: 3 })).map(([tree, mutations]) => serialize(mutations.reduce(mutate, tree))),
      fc.tuple(anyJsonArb, styleArb).map(([tree, style]) => serialize(tree, style)),
      shapedBodyArb.map((tree) => serialize(tree)),
    );
    await fc.assert(
      fc.asyncProperty(textArb, fc.constantFrom('a.json', 'b.http'), async (text, name) => {
        const input = name.endsWith('.http') ? `POST /v3/p/elb/loadbalancers\n\n${text}` : text;
        // Through the library and through the CLI: the same report text, run after run.
        const first = lintWithLibrary(input, name).reportText;
        expect(lintWithLibrary(input, name).reportText).toBe(first);
        expect((await lintText(CWD, input, name)).stdout).toBe(first);
      }),
      fuzzParameters(200),
    );
  }, FUZZ_TIMEOUT);
});

describe('fuzz: the strict parser', () => {
  it('bracket soup: deep, mismatched, hidden in broken strings; never throws, always says where', () => {
    // Segments repeated thousands of times: what makes a recursive parser overflow its stack.
    const segment = fc.constantFrom('[', ']', '{', '}', '{"a":', '"x\n', '["x\n', '"', '\\', ',', ':', '1', ' ', '\n', '/*', '*/', '//', 'true', '"a":[', '],');
    const times = fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 100_000 }));
    const soup = fc.array(fc.tuple(segment, times), { minLength: 1, maxLength: 6 }).map((parts) => parts.map(([text, count]) => text.repeat(count)).join(''));
    fc.assert(
      fc.property(soup, (text) => {
        const result = parseJson(text);
        if (result.ok) return;
        const { range, reason } = result.error;
        expect(range.offset).toBeGreaterThanOrEqual(0);
        expect(range.end).toBeLessThanOrEqual(text.length + 1);
        // Not the fallback that only a crash while locating the error would give.
        expect(reason).not.toMatch(/Maximum call stack|^(Unexpected|Expected|Bad control|Unterminated)/);
        if (/nesting/.test(reason)) expect('[{').toContain(text[range.offset]);
      }),
      fuzzParameters(200),
    );
  }, FUZZ_TIMEOUT);
});

describe('fuzz: positions', () => {
  it('the line index gives every offset the line and column the split-based oracle gives', () => {
    const piece = fc.constantFrom('a', 'é', '😀', ' ', '\n', '\r', '\r\n', '\n\r', '\u2028', '\t');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join('')), (text) => {
        const index = new LineIndex(text);
        const lines = textLines(text);
        for (let offset = 0; offset <= text.length; offset++) expectPositionOf(index, lines, text, offset);
      }),
      fuzzParameters(1000),
    );
  }, FUZZ_TIMEOUT);

  it('the line index answers the same whatever order the offsets are asked in (it scans only as far as asked)', () => {
    const piece = fc.constantFrom('a', ' ', '\n', '\r', '\r\n', '😀');
    const textArb = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(textArb, fc.array(fc.nat(), { maxLength: 12 }), (text, picks) => {
        const shared = new LineIndex(text);
        const lines = textLines(text);
        for (const pick of picks) expectPositionOf(shared, lines, text, pick % (text.length + 1));
      }),
      fuzzParameters(1000),
    );
  }, FUZZ_TIMEOUT);

  it('the members beside a member are its container\'s, where the tree has them, up to the one after it', () => {
    const caseArb = fc.tuple(anyJsonArb, styleArb).map(([tree, style]) => ({ tree, text: serialize(tree, style) }));
    fc.assert(
      fc.property(caseArb, ({ tree, text }) => {
        if (parseOrUndefined(text).length === 0) return;
        const jsonTree = new JsonTree(text);
        if (jsonTree.duplicateKeys().length > 0) return;
        for (const { members: siblings, closer } of containersOf(tree)) {
          siblings.forEach((pointer, index) => {
            const beside = memberBeside(text, pointer);
            expect([pointer, beside?.index]).toEqual([pointer, index]);
            // Through the one after it, or all when it is the last; the closing bracket only then.
            const through = index === siblings.length - 1 ? siblings.length : index + 2;
            const expected = siblings.slice(0, through).map((sibling) => jsonTree.rangeOf(sibling));
            expect(beside!.members.map((member) => ({ offset: member.start, end: member.end }))).toEqual(expected);
            if (index === siblings.length - 1) expect(text[beside!.close]).toBe(closer);
            else expect(beside!.close).toBe(-1);
          });
        }
      }),
      fuzzParameters(1000),
    );
  }, FUZZ_TIMEOUT);

  it('the scanning locator finds every pointer, present or missing, where the tree does', () => {
    const pointersArb = (tree: Json) => {
      const present = treePointers(tree);
      const missing = present.flatMap((pointer) => [`${pointer}/missing`, `${pointer}/0`, `${pointer}/7`, `${pointer}/01`, `${pointer}/~0`, `${pointer}/a~1b`]);
      return fc.constant([...present, ...missing]);
    };
    const caseArb = fc.tuple(anyJsonArb, styleArb, fc.constantFrom('', ' ', '\n\t ')).chain(([tree, style, space]) =>
      pointersArb(tree).map((pointers) => ({ text: `${space}${serialize(tree, style)}${space}`, pointers })),
    );
    fc.assert(
      fc.property(caseArb, ({ text, pointers }) => {
        if (parseOrUndefined(text).length === 0) return;
        const tree = new JsonTree(text);
        // Without duplicate keys the scan may stop at the first match, and must find the same.
        const unique = tree.duplicateKeys().length === 0;
        for (const pointer of pointers) {
          expect([pointer, locate(text, pointer)]).toEqual([pointer, tree.rangeOf(pointer)]);
          if (unique) expect([pointer, locate(text, pointer, true)]).toEqual([pointer, tree.rangeOf(pointer)]);
        }
      }),
      fuzzParameters(1000),
    );
  }, FUZZ_TIMEOUT);
});

/** Every value's pointer in a tagged tree, duplicate keys included. */
/** Every object and array of a tagged tree: its members' pointers in text order, and its closing bracket. */
/** The line index's position of `offset` leads back to it through the independent oracle. */
function expectPositionOf(index: LineIndex, lines: ReturnType<typeof textLines>, text: string, offset: number): void {
  // Inside a \r\n pair is no position of its own: it belongs to the line the pair ends.
  if (text[offset - 1] === '\r' && text[offset] === '\n') return;
  const { line, column } = index.position(offset);
  expect([offset, offsetOf(lines, line, column)]).toEqual([offset, offset]);
}

function containersOf(node: Json, pointer = '', out: { members: string[]; closer: string }[] = []): { members: string[]; closer: string }[] {
  if (node.t === 'arr') {
    out.push({ members: node.items.map((_, index) => childPointer(pointer, index)), closer: ']' });
    node.items.forEach((item, index) => containersOf(item, childPointer(pointer, index), out));
  }
  if (node.t === 'obj') {
    out.push({ members: node.pairs.map(([key]) => childPointer(pointer, key)), closer: '}' });
    for (const [key, value] of node.pairs) containersOf(value, childPointer(pointer, key), out);
  }
  return out;
}

function treePointers(node: Json, pointer = '', out: string[] = []): string[] {
  out.push(pointer);
  if (node.t === 'arr') node.items.forEach((item, index) => treePointers(item, `${pointer}/${index}`, out));
  if (node.t === 'obj') for (const [key, value] of node.pairs) treePointers(value, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, out);
  return out;
}

function unescape(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Every object in a body with its pointer. */
function objectPointers(value: unknown, pointer = '', out: { pointer: string; object: Record<string, unknown> }[] = []) {
  if (Array.isArray(value)) value.forEach((item, index) => objectPointers(item, `${pointer}/${index}`, out));
  else if (typeof value === 'object' && value !== null) {
    out.push({ pointer, object: value as Record<string, unknown> });
    for (const key of Object.keys(value)) objectPointers((value as Record<string, unknown>)[key], `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, out);
  }
  return out;
}

/** The properties the schema declares for the object at `pointer` (an unknown field must not be one). */
function knownFields(body: unknown, pointer: string): Set<string> {
  const kind = Object.keys(body as object)[0] === 'pool' ? 'create-master-slave-pool' : 'create-loadbalancer';
  let schema: Schema | undefined = SCHEMAS[kind];
  for (const segment of pointer.slice(1).split('/').map(unescape)) {
    if (!schema) break;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    schema = schema.type === 'array' ? (schema.items as Schema) : Object.hasOwn(properties, segment) ? properties[segment] : undefined;
  }
  return new Set(Object.keys((schema?.properties as object | undefined) ?? {}));
}

// The same report properties as test/robustness/fuzz.test.ts, through the built CLI in a child process, on
// real files found through a directory: generated trees of bodies, broken text, bytes and .http
// files. Fewer cases (each spawns node), counted in DEFAULT_TOTAL_RUNS.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, expect, it } from 'vitest';
import {
  anyJsonArb,
  applyTextEdit,
  checkReport,
  fromValue,
  fuzzParameters,
  FUZZ_TIMEOUT,
  httpPieceArb,
  httpText,
  mutate,
  mutationArb,
  parseOrUndefined,
  ROOT,
  serialize,
  shapedBodyArb,
  styleArb,
  textEditArb,
  textOfBytes,
  validCaseBodies,
  type Linted,
} from '../support/fuzz-support.js';

const CLI = join(ROOT, 'bin/elb-lint.cjs');
const WORK = mkdtempSync(join(tmpdir(), 'elb-lint-fuzz-cli-'));
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

const VALID = validCaseBodies();
const validTreeArb = fc.constantFrom(...VALID).map((body) => fromValue(body.value));

const fileArb: fc.Arbitrary<{ extension: string; content: string | Uint8Array; bodies?: unknown[] }> = fc.oneof(
  fc.tuple(validTreeArb, fc.array(mutationArb, { maxLength: 3 }), styleArb).map(([tree, mutations, style]) => ({ extension: 'json', content: serialize(mutations.reduce(mutate, tree), style) })),
  fc.tuple(shapedBodyArb, styleArb).map(([tree, style]) => ({ extension: 'json', content: serialize(tree, style) })),
  fc.tuple(validTreeArb, textEditArb).map(([tree, edit]) => ({ extension: 'json', content: applyTextEdit(serialize(tree), edit) })),
  anyJsonArb.map((tree) => ({ extension: 'json', content: serialize(tree) })),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => ({ extension: 'json', content: bytes })),
  fc.array(httpPieceArb(validTreeArb.map((tree) => serialize(tree))), { minLength: 1, maxLength: 2 }).map((pieces) => ({
    extension: 'http',
    content: httpText(pieces, '\n'),
    bodies: pieces.flatMap((piece) => parseOrUndefined(piece.body)),
  })),
);

it('the spawned CLI keeps the report contract on generated trees of files', () => {
  fc.assert(
    fc.property(fc.array(fileArb, { minLength: 1, maxLength: 25 }), (generated) => {
      const directory = mkdtempSync(join(WORK, 'tree-'));
      const files: Record<string, Linted> = {};
      const mustAppear: string[] = [];
      generated.forEach((file, index) => {
        const path = `${index % 3 === 0 ? 'nested/' : ''}file-${index}.${file.extension}`;
        mkdirSync(join(directory, 'nested'), { recursive: true });
        writeFileSync(join(directory, path), file.content);
        const text = typeof file.content === 'string' ? file.content.replace(/^\ufeff/, '') : textOfBytes(file.content);
        const bodies = file.extension === 'json' ? parseOrUndefined(text) : [];
        files[path] = { text, bodies: file.bodies ?? bodies };
        const only = bodies[0];
        if (typeof only === 'object' && only !== null && !Array.isArray(only) && Object.keys(only).length === 1 && ['pool', 'loadbalancer'].includes(Object.keys(only)[0]!)) {
          mustAppear.push(path);
        }
      });
      const sarif = join(directory, '..', `${directory.split('/').pop()}.sarif`);
      const result = spawnSync(process.execPath, [CLI, '--format', 'json', '--format', `sarif=${sarif}`, '.'], { cwd: directory, encoding: 'utf8', timeout: 60_000 });
      const report = checkReport({ code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr }, files);
      const reported = report.files.map((file) => file.path);
      for (const path of mustAppear) expect(reported).toContain(path);
      expect(result.stderr).toBe('');
    }),
    fuzzParameters(12),
  );
}, FUZZ_TIMEOUT);

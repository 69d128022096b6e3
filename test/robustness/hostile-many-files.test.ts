// 10,000 files in one run (issue 8, docs/reliability.md, "Resource bounds"): every file is
// reported, each with exactly its own findings, and none is lost or reported twice. lint() keeps
// only each file's result (no text, no parsed document), so memory follows the findings, not the
// files; docs/reliability.md records what was measured. No timing or memory assertions here.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { builtinConfig } from '../../src/config/builtin.js';
import { lint } from '../../src/lint.js';

const ROOT = join(import.meta.dirname, '..', '..');
const WORK = mkdtempSync(join(tmpdir(), 'elb-lint-many-'));
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

const POOL = readFileSync(join(ROOT, 'test/cases/schema/required/valid/all-required-fields.json'), 'utf8');

/** Five kinds of file, in turn: what each must give. */
const VARIANTS: { name: string; text: (index: number) => string; findings: string[] | 'skipped' }[] = [
  { name: 'valid.json', text: (index) => POOL.replace('"web-tcp-ms"', `"pool-${index}"`), findings: [] },
  { name: 'typo.json', text: (index) => POOL.replace('"name": "web-tcp-ms",', `"name": "pool-${index}", "colour_${index}": 1,`), findings: ['schema/unknown-field'] },
  { name: 'broken.json', text: () => POOL.slice(0, 200), findings: ['parse/invalid-json'] },
  { name: 'other.json', text: (index) => JSON.stringify({ name: `not a request ${index}` }), findings: 'skipped' },
  { name: 'request.http', text: () => `POST https://elb.example.com/v3/p/elb/master-slave-pools\n\n${POOL.replace('"delay": 5', '"delay": 99')}`, findings: ['pool/healthmonitor-range'] },
];

it('lints a tree of 10,000 small files and reports every one of them', async () => {
  const count = 10_000;
  const expected = new Map<string, string[]>();
  for (let index = 0; index < count; index++) {
    const variant = VARIANTS[index % VARIANTS.length]!;
    const directory = `d${Math.floor(index / 100)}`;
    mkdirSync(join(WORK, directory), { recursive: true });
    const path = `${directory}/f${index}-${variant.name}`;
    writeFileSync(join(WORK, path), variant.text(index));
    if (variant.findings !== 'skipped') expected.set(path, variant.findings);
  }
  const run = await lint({ cwd: WORK, paths: ['.'], config: builtinConfig(WORK) });
  expect(run.failures).toEqual([]);
  expect(run.warnings).toEqual([]);
  expect(run.report.files.length).toBe(expected.size);
  const actual = new Map(run.report.files.map((file) => [file.path, file.findings.map((finding) => finding.ruleId)]));
  expect(actual.size).toBe(expected.size);
  for (const [path, findings] of expected) expect(actual.get(path), path).toEqual(findings);
  expect(run.report.summary.files).toBe(expected.size);
  // Results hold no file text or parsed body, only findings.
  expect(Object.keys(run.report.files[0]!).sort()).toEqual(['findings', 'kind', 'path']);
});

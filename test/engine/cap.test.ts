// The findings kept per file: the first MAX_FINDINGS_PER_FILE in report order, and one more that
// counts the rest, under the dropped rule with the highest severity.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinConfig } from '../../src/config/builtin.js';
import { FindingCap, MAX_FINDINGS_PER_FILE } from '../../src/engine/cap.js';
import { lint } from '../../src/lint.js';
import { compareFindings, type Finding, type Severity } from '../../src/model.js';

function finding(line: number, ruleId = 'schema/unknown-field', severity: Severity = 'error'): Finding {
  return { ruleId, severity, message: `m${line}`, pointer: `/k${line}`, line, column: 1, endLine: line, endColumn: 2 };
}

describe('FindingCap', () => {
  it('keeps the first `limit` findings in report order, whatever order they arrive in', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 500 }), { maxLength: 300 }), fc.integer({ min: 1, max: 50 }), (lines, limit) => {
      const cap = new FindingCap(limit);
      const all = lines.map((line) => finding(line));
      for (const item of all) cap.add(item);
      const kept = cap.findings();
      const expected = [...all].sort(compareFindings).slice(0, limit);
      if (all.length <= limit) expect(kept).toEqual(expected);
      else {
        expect(kept.slice(0, limit)).toEqual(expected);
        expect(kept.length).toBe(limit + 1);
        expect(cap.droppedCount).toBe(all.length - limit);
        expect(kept[limit]!.message).toMatch(new RegExp(`^${(all.length - limit).toLocaleString('en-US')} more findings? in this file not shown`));
      }
    }));
  });

  it('the counting finding has the highest dropped severity, so the exit code is unchanged', () => {
    const cap = new FindingCap(2);
    cap.add(finding(1, 'lb/single-az', 'info'));
    cap.add(finding(2, 'lb/single-az', 'info'));
    for (let line = 3; line < 10; line++) cap.add(finding(line, 'lb/single-az', 'info'));
    cap.add(finding(10, 'pool/any-port', 'error'));
    const kept = cap.findings();
    expect(kept.map((item) => item.severity)).toEqual(['info', 'info', 'error']);
    expect(kept[2]).toMatchObject({ ruleId: 'pool/any-port', line: 10, pointer: '/k10' });
    expect(kept[2]!.message).toBe('8 more findings in this file not shown (1 pool/any-port, 7 lb/single-az): elb-lint keeps the first 2 per file. Fix these and lint again.');
  });

  it('holds at most `limit` findings however many arrive', () => {
    const cap = new FindingCap(10);
    for (let line = 100_000; line > 0; line--) cap.add(finding(line));
    expect((cap as unknown as { heap: Finding[] }).heap.length).toBe(10);
    expect(cap.findings().slice(0, 10).map((item) => item.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});

describe('the cap in a run', () => {
  const directory = mkdtempSync(join(tmpdir(), 'elb-lint-cap-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('an .http file with thousands of requests keeps 1,000 findings and counts the rest', async () => {
    const requests = 3000;
    const request = 'POST https://elb.example.com/v3/p/elb/master-slave-pools\nContent-Type: application/json\n\n{"pool": {"typo": 1}}\n';
    writeFileSync(join(directory, 'many.http'), Array.from({ length: requests }, (_, index) => `### ${index}\n${request}`).join('\n'));
    const run = await lint({ cwd: directory, paths: ['many.http'], config: builtinConfig(directory) });
    const findings = run.report.files[0]!.findings;
    expect(findings.length).toBe(MAX_FINDINGS_PER_FILE + 1);
    // Each body has the same findings; the counting one says how many of the whole file were left out.
    const perBody = 6; // five missing required fields and the unknown one
    const dropped = requests * perBody - MAX_FINDINGS_PER_FILE;
    expect(findings.at(-1)!.message).toContain(`${dropped.toLocaleString('en-US')} more findings in this file not shown`);
    expect(findings.slice(0, -1).every((item, index, all) => index === 0 || compareFindings(all[index - 1]!, item) <= 0)).toBe(true);
    expect(run.report.summary.errors).toBe(MAX_FINDINGS_PER_FILE + 1);
  });
});

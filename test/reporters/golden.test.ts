// Golden files: the human, compact and github reports of one shared results fixture, byte for
// byte. The fixture has messages of every length (ASCII, wide CJK characters, longer than a line),
// a clean file, and keys and a path full of control characters. `UPDATE_GOLDEN=1` rewrites them.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LintReport } from '../../src/model.js';
import { loadReporter, type FormatName } from '../../src/reporters/index.js';
import type { ReporterContext } from '../../src/reporters/types.js';
import { RULES } from '../../src/rules/index.js';
import { inPieces } from '../../src/write-file.js';
import { displayWidth } from '../../src/text/width.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'reporters');
const report = JSON.parse(readFileSync(join(FIXTURES, 'results.json'), 'utf8')) as LintReport;
const context: ReporterContext = { rules: RULES, toolVersion: '0.0.0-test', color: false };

async function render(format: FormatName, report: LintReport, extra: Partial<ReporterContext> = {}): Promise<string> {
  const reporter = await loadReporter(format);
  return [...inPieces(reporter(report, { ...context, ...extra }))].join('');
}

describe('golden reports from one results fixture', () => {
  for (const format of ['human', 'compact', 'github'] as const) {
    it(`${format}`, async () => {
      const text = await render(format, report);
      const golden = join(FIXTURES, `${format}.txt`);
      if (process.env.UPDATE_GOLDEN) writeFileSync(golden, text);
      expect(existsSync(golden), `${golden} is missing: run UPDATE_GOLDEN=1 npx vitest run test/reporters`).toBe(true);
      expect(text).toBe(readFileSync(golden, 'utf8'));
    });
  }

  it('human: the rule IDs of a file start in one column, counted in terminal columns', async () => {
    const text = await render('human', report);
    const lines = text.split('\n').filter((line) => line.startsWith('  '));
    const lb = lines.slice(0, 4);
    const columns = lb.map((line) => displayWidth(line.slice(0, line.lastIndexOf('  ') + 2)));
    expect(new Set(columns).size).toBe(1);
    // Place and severity columns too.
    expect(new Set(lb.map((line) => line.indexOf('error') >= 0 ? line.indexOf('error') : line.search(/warning|info/))).size).toBe(1);
  });

  it('human: the summary says how many files have problems out of how many were linted', async () => {
    expect((await render('human', report)).split('\n').at(-2)).toBe('✖ 6 problems (4 errors, 1 warning, 1 info) in 2 of 3 files');
  });
});

describe('control characters from the input are escaped', () => {
  const RAW = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

  for (const format of ['human', 'compact', 'github'] as const) {
    it(`${format}: no raw control character (but the line ends), one line per finding`, async () => {
      const text = await render(format, report, { color: false });
      expect(text).not.toMatch(RAW);
      expect(text).toContain('\\u001B[2K');
      expect(text).toContain('\\u202Etxt.exe');
      expect(text).toContain('\\u001B[31mred\\u0007.json');
      // The forged workflow command stays inside its own line, after the real one's "::".
      for (const line of text.split('\n')) expect(line.indexOf('::error file=ok.json')).not.toBe(0);
    });
  }

  it('human with colours: the only escape sequences are elb-lint\'s own colours', async () => {
    const text = await render('human', report, { color: true });
    const sequences = text.match(/\u001b\[[0-9;]*[A-Za-z]/g) ?? [];
    expect(sequences.length).toBeGreaterThan(0);
    for (const sequence of sequences) expect(sequence).toMatch(/^\u001b\[(?:[0-9]|[1-4][0-9])m$/);
    expect(text).not.toContain('\u001b[2K');
    expect(text).not.toContain('\u001b[31mred');
  });
});

describe('how the run ended, in the human summary', () => {
  const clean: LintReport = { files: [{ path: 'a.json', kind: 'create-master-slave-pool', findings: [] }], summary: { files: 1, errors: 0, warnings: 0, infos: 0 } };
  const none: LintReport = { files: [], summary: { files: 0, errors: 0, warnings: 0, infos: 0 } };

  it('a failed run never says "No problems"', async () => {
    expect(await render('human', none, { outcome: { failed: true, hiddenWarnings: 0 } })).toBe('✖ The run failed (exit code 2): nothing was linted; see the elb-lint messages on stderr.\n');
    expect(await render('human', clean, { outcome: { failed: true, hiddenWarnings: 0 } })).toBe('✖ The run failed (exit code 2): the 1 file that was linted has no problems; see the elb-lint messages on stderr.\n');
  });

  it('warnings over --max-warnings, hidden by --quiet: says so instead of "No problems"', async () => {
    const text = await render('human', clean, { outcome: { failed: false, hiddenWarnings: 3, warningsOverLimit: { warnings: 3, limit: 0 } } });
    expect(text).toBe('✖ 3 warnings (not shown: --quiet), more than --max-warnings 0 allows.\n');
  });

  it('warnings over --max-warnings, shown: the counts, then the limit', async () => {
    const warned: LintReport = { files: [{ path: 'a.json', kind: null, findings: [{ ruleId: 'lb/ipv6-bandwidth', severity: 'warning', message: 'w', pointer: '', line: 1, column: 1, endLine: 1, endColumn: 1 }] }], summary: { files: 1, errors: 0, warnings: 1, infos: 0 } };
    const text = await render('human', warned, { outcome: { failed: false, hiddenWarnings: 0, warningsOverLimit: { warnings: 1, limit: 0 } } });
    expect(text.split('\n').slice(-3)).toEqual(['✖ 1 problem (0 errors, 1 warning, 0 infos) in 1 of 1 file', '✖ 1 warning, more than --max-warnings 0 allows.', '']);
  });
});

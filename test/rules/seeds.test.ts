// The seed API pages' own request examples (examples/seed-*.json) lint as the design expects:
// both load-balancer examples have no error; the master-slave example breaks the timeout-below-
// delay advice (timeout 30, delay 1) and nothing else of the core rules.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintToJson, runCli } from '../support/helpers.js';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');
const CORE_RULES = /^(parse|input|internal|schema)\/|^(lb\/flavor-billing|lb\/prepaid-period|pool\/healthmonitor-range|pool\/healthmonitor-timeout|pool\/any-port|pool\/any-port-ports)$/;

describe('seed examples', () => {
  for (const name of ['seed-lb-private-ipv4.json', 'seed-lb-public-ipv4.json']) {
    it(`${name} has no error`, async () => {
      const { report } = await lintToJson([name], { cwd: EXAMPLES });
      expect(report.files[0]?.kind).toBe('create-loadbalancer');
      expect(report.files[0]?.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    });
  }

  it('seed-master-slave-pool.json breaks only the timeout-below-delay advice among the core rules', async () => {
    const { report } = await lintToJson(['seed-master-slave-pool.json'], { cwd: EXAMPLES });
    const core = report.files[0]?.findings.filter((finding) => CORE_RULES.test(finding.ruleId));
    expect(core?.map(({ ruleId, pointer, severity, line }) => ({ ruleId, pointer, severity, line }))).toEqual([
      { ruleId: 'pool/healthmonitor-timeout', pointer: '/pool/healthmonitor/timeout', severity: 'warning', line: 25 },
    ]);
  });
});

describe('README quick start', () => {
  it('shows output that `elb-lint examples` really prints', async () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const sample = /npx elb-lint examples[\s\S]*?```text\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const { stdout, code } = await runCli(['examples'], { cwd: join(import.meta.dirname, '..', '..'), env: { NO_COLOR: '1' } });
    expect(code).toBe(1);
    const printed = stdout.split('\n');
    const shown = sample.split('\n').filter((line) => line.trim() !== '' && line.trim() !== '…');
    expect(shown.length).toBeGreaterThan(3);
    for (const line of shown) expect(printed, line).toContain(line);
  });
});

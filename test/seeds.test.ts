// The seed API pages' own request examples (examples/seed-*.json) lint as the design expects:
// both load-balancer examples have no error; the master-slave example breaks the timeout-below-
// delay advice (timeout 30, delay 1) and nothing else of the core rules.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintToJson } from './helpers.js';

const EXAMPLES = join(import.meta.dirname, '..', 'examples');
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

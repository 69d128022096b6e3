// A rule or policy that throws must not take the body down with it: the engine reports one
// internal/rule-error finding naming the culprit, at pointer "" positioned at the body's first
// `{`, and every other rule still reports. No request body can make a real rule crash, so this
// test injects failing ones (docs/rules/internal/rule-error.md points here).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinConfig } from '../../src/config/builtin.js';
import { lintBody, type BodyResult, type BodySource, type FileSettings, type PolicyCheck } from '../../src/engine/lint-body.js';
import { LineIndex } from '../../src/json/line-index.js';
import type { Finding } from '../../src/model.js';
import { RULES_BY_ID } from '../../src/rules/index.js';
import { defineRule, isSemanticRule, type SemanticRule } from '../../src/rules/rule.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** A realistic pool whose health check waits 60 s between checks (pool/healthmonitor-range). */
const POOL_WITH_LONG_DELAY = `
  {
  "pool": {
    "name": "web-tcp-ms",
    "protocol": "TCP",
    "lb_algorithm": "ROUND_ROBIN",
    "type": "instance",
    "vpc_id": "3b0bd3c9-3d12-4e4e-a9cc-32d3bd1f6f39",
    "members": [
      { "address": "192.168.1.10", "protocol_port": 8080, "subnet_cidr_id": "a3e8bd3d-9d4c-4c5c-8e3a-4b3b5d6c7e8f", "role": "master" },
      { "address": "192.168.1.11", "protocol_port": 8080, "subnet_cidr_id": "a3e8bd3d-9d4c-4c5c-8e3a-4b3b5d6c7e8f", "role": "slave" }
    ],
    "healthmonitor": { "type": "TCP", "delay": 60, "timeout": 3, "max_retries": 3 }
  }
}
`;

const VALID_POOL = readFileSync(join(ROOT, 'test/cases/internal/rule-error/valid/tcp-pool-with-http-check.json'), 'utf8');

function source(text: string): BodySource {
  return { fileText: text, lines: new LineIndex(text), start: 0, end: text.length, kind: undefined, explicit: true };
}

function settings(overrides: Partial<FileSettings> = {}): FileSettings {
  return { ...builtinConfig(ROOT).settingsFor('x.json'), ...overrides };
}

function findings(result: BodyResult): Finding[] {
  expect(result.status).toBe('linted');
  return result.status === 'linted' ? result.findings : [];
}

const throwing: SemanticRule = defineRule({
  id: 'pool/test-throws',
  severity: 'error',
  description: 'A rule that always fails, standing in for a bug.',
  kinds: ['create-master-slave-pool'],
  check() {
    throw new Error('cannot read the health check');
  },
});

const healthmonitorRange = RULES_BY_ID.get('pool/healthmonitor-range');
if (!healthmonitorRange || !isSemanticRule(healthmonitorRange)) throw new Error('pool/healthmonitor-range is not a registered semantic rule');

describe('a rule that throws', () => {
  it('becomes one internal/rule-error at the body, and the other rules still report', () => {
    const result = findings(lintBody(source(POOL_WITH_LONG_DELAY), settings(), [throwing, healthmonitorRange]));

    const errors = result.filter((finding) => finding.ruleId === 'internal/rule-error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ pointer: '', severity: 'error', line: 2, column: 3 });
    expect(errors[0]?.message).toContain('pool/test-throws');
    expect(errors[0]?.message).toContain('cannot read the health check');

    const real = result.filter((finding) => finding.ruleId === 'pool/healthmonitor-range');
    expect(real.map((finding) => finding.pointer)).toEqual(['/pool/healthmonitor/delay']);
    expect(result).toHaveLength(2);
  });

  it('is positioned at the body, not at the start of the file, when the body comes later', () => {
    const prefix = 'POST https://elb.example.com/v3/0123456789abcdef0123456789abcdef/elb/master-slave-pools\nContent-Type: application/json\n\n';
    const text = prefix + VALID_POOL;
    const body: BodySource = { ...source(text), start: prefix.length, kind: 'create-master-slave-pool' };
    const result = findings(lintBody(body, settings(), [throwing, healthmonitorRange]));
    expect(result).toEqual([expect.objectContaining({ ruleId: 'internal/rule-error', pointer: '', line: 4, column: 1 })]);
  });
});

describe('a policy that throws', () => {
  const failingPolicy: PolicyCheck = {
    ruleId: 'policy/name-prefix',
    kind: undefined,
    run() {
      throw new Error('JSONPath evaluation failed');
    },
  };

  it('becomes internal/rule-error naming the policy, and the rules still report', () => {
    const result = findings(lintBody(source(POOL_WITH_LONG_DELAY), settings({ policies: [failingPolicy] }), [healthmonitorRange]));

    const errors = result.filter((finding) => finding.ruleId === 'internal/rule-error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ pointer: '', severity: 'error', line: 2, column: 3 });
    expect(errors[0]?.message).toContain('policy/name-prefix');
    expect(errors[0]?.message).toContain('JSONPath evaluation failed');
    expect(result.map((finding) => finding.ruleId)).toContain('pool/healthmonitor-range');
  });

  it('is the only finding on an otherwise valid body', () => {
    const result = findings(lintBody(source(VALID_POOL), settings({ policies: [failingPolicy] })));
    expect(result).toEqual([expect.objectContaining({ ruleId: 'internal/rule-error', pointer: '', line: 1, column: 1 })]);
  });
});

// docs/spec/output.md and the "Positions" parts of docs/spec/rules.md, checked literally through the
// CLI: the JSON report contract field for field, exit codes, kind detection precedence, and
// positions counted by hand (CRLF line breaks, UTF-16 columns, .http files, array elements).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintToJson, runCli, type JsonFinding, useWorkspace } from '../support/helpers.js';

const workspace = useWorkspace('elb-lint-spec-');
const { write } = workspace;

const VPC = '3b0bd3c9-3d12-4e4e-a9cc-32d3bd1f6f39';
const SUBNET = '5f7d4c3b-2a19-4e8f-9d6c-1b2a3c4d5e6f';

/** A create-load-balancer body with no finding. */
const LB_VALID = `{
  "loadbalancer": {
    "vpc_id": "${VPC}",
    "vip_subnet_cidr_id": "${SUBNET}",
    "availability_zone_list": ["az1", "az2"]
  }
}
`;

/** A create-master-slave-pool body with no finding. */
const POOL_VALID = `{
  "pool": {
    "protocol": "TCP",
    "lb_algorithm": "ROUND_ROBIN",
    "type": "ip",
    "members": [
      {"address": "10.0.0.1", "protocol_port": 80, "role": "master"},
      {"address": "10.0.0.2", "protocol_port": 80, "role": "slave"}
    ],
    "healthmonitor": {"type": "TCP", "delay": 5, "timeout": 3, "max_retries": 3}
  }
}
`;

function where(finding: JsonFinding): string {
  return `${finding.ruleId} ${finding.pointer} ${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn}`;
}

describe('JSON report (output.md)', () => {
  it('has the documented fields in the documented order, files sorted by path, every linted file listed', async () => {
    write('templates/b-pool.json', POOL_VALID);
    // An unknown enum value of a discouraged field: schema/enum with a suggestion, and nothing else.
    write('templates/A-lb.json', LB_VALID.replace('"availability_zone_list"', '"charge_mode": "LCU",\n    "availability_zone_list"'));
    write('other.json', '{"name": "not a request"}\n');
    const { code, report } = await lintToJson(['templates', 'other.json'], { cwd: workspace.dir });
    expect(code).toBe(1);
    expect(Object.keys(report)).toEqual(['version', 'tool', 'files', 'summary']);
    expect(report.version).toBe(1);
    expect(Object.keys(report.tool)).toEqual(['name', 'version']);
    expect(report.tool.name).toBe('elb-lint');
    // Sorted by path (code units: "A" < "b"), relative, "/" separators; a valid file is listed too.
    expect(report.files.map((file) => [file.path, file.kind])).toEqual([
      ['other.json', null],
      ['templates/A-lb.json', 'create-loadbalancer'],
      ['templates/b-pool.json', 'create-master-slave-pool'],
    ]);
    for (const file of report.files) expect(Object.keys(file)).toEqual(['path', 'kind', 'findings']);
    expect(report.files[2]!.findings).toEqual([]);

    const [unknown] = report.files[0]!.findings;
    expect(unknown).toMatchObject({ ruleId: 'input/unknown-kind', severity: 'error', pointer: '', line: 1, column: 1 });

    const findings = report.files[1]!.findings;
    expect(findings.map((finding) => finding.ruleId)).toEqual(['schema/enum']);
    // "LCU" differs from "lcu" only in case: a safe fix (api.md), after the suggestion.
    expect(Object.keys(findings[0]!)).toEqual(['ruleId', 'severity', 'message', 'pointer', 'line', 'column', 'endLine', 'endColumn', 'suggestion', 'fix']);
    expect(findings[0]).toMatchObject({ pointer: '/loadbalancer/charge_mode', line: 5, column: 5, endLine: 5, endColumn: 25, suggestion: 'lcu', fix: { text: '"lcu"' } });
    const text = readFileSync(join(workspace.dir, 'templates/A-lb.json'), 'utf8');
    expect(text.slice(...findings[0]!.fix!.range)).toBe('"LCU"');
    expect(report.summary).toEqual({ files: 3, errors: 2, warnings: 0, infos: 0 });
  });

  it('leaves out "suggestion" when there is none, and counts each severity in the summary', async () => {
    write('lb.json', LB_VALID.replace('["az1", "az2"]', '["az1"]').replace('"vpc_id"', '"charge_mode": "flavor",\n    "vpc_id"'));
    const { code, report } = await lintToJson(['lb.json'], { cwd: workspace.dir });
    expect(code).toBe(0);
    const findings = report.files[0]!.findings;
    expect(findings.map(where)).toEqual([
      'api/discouraged-field /loadbalancer/charge_mode 3:5-3:28',
      'lb/single-az /loadbalancer/availability_zone_list 6:5-6:38',
    ]);
    for (const finding of findings) expect(Object.keys(finding)).not.toContain('suggestion');
    expect(findings.map((finding) => finding.severity)).toEqual(['warning', 'info']);
    expect(report.summary).toEqual({ files: 1, errors: 0, warnings: 1, infos: 1 });
  });
});

describe('positions (rules.md, Principles and "Positions")', () => {
  it('counts CRLF line breaks once and columns in UTF-16 code units; a missing property in an array element is shown at its {', async () => {
    const lines = [
      '{',
      '  "pool": {',
      '    "protocol": "UDP",',
      '    "lb_algorithm": "QUIC_CID",',
      '    "type": "ip",',
      '    "members": [',
      '      {"address": "10.0.0.1", "role": "master"},',
      '      {"address": "10.0.0.2", "protocol_port": 80, "role": "slave"}',
      '    ],',
      '    "healthmonitor": {"name": "\u{1F600}x", "type": "TCP", "delay": 5, "timeout": 3, "max_retries": 3}',
      '  }',
      '}',
    ];
    write('pool.json', `${lines.join('\r\n')}\r\n`);
    const { report } = await lintToJson(['pool.json'], { cwd: workspace.dir });
    expect(report.files[0]!.findings.map(where)).toEqual([
      // key of the property through the end of its value
      'pool/algorithm /pool/lb_algorithm 4:5-4:31',
      // would-be pointer inside members[0]: that element's "{"
      'pool/any-port /pool/members/0/protocol_port 7:7-7:8',
      // after an emoji (two UTF-16 code units)
      'pool/healthmonitor-protocol /pool/healthmonitor/type 10:38-10:51',
    ]);
  });

  it('shows a missing property at the key of the object that should hold it, and a missing wrapper at the root {', async () => {
    write('pool.json', POOL_VALID.replace('"delay": 5, ', '').replace('"type": "ip"', '"type": "instance"'));
    write('empty.json', '{}\n');
    const pool = await lintToJson(['pool.json'], { cwd: workspace.dir });
    expect(pool.report.files[0]!.findings.map(where)).toEqual([
      'pool/type-vpc /pool/vpc_id 2:3-2:9',
      'schema/required /pool/healthmonitor/delay 10:5-10:20',
    ]);
    const empty = await lintToJson(['--kind', 'create-master-slave-pool', 'empty.json'], { cwd: workspace.dir });
    expect(empty.report.files[0]!.findings.map(where)).toEqual(['schema/required /pool 1:1-1:2']);
  });

  it('puts parse/duplicate-key at the later occurrence', async () => {
    write('lb.json', LB_VALID.replace('"vip_subnet_cidr_id"', `"vpc_id": "${VPC}",\n    "vip_subnet_cidr_id"`));
    const { report } = await lintToJson(['lb.json'], { cwd: workspace.dir });
    expect(report.files[0]!.findings.map(where)).toEqual(['parse/duplicate-key /loadbalancer/vpc_id 4:5-4:53']);
  });

  it('gives positions in the .http file, not in the body', async () => {
    write('requests/create.http', [
      '### create a load balancer',
      '# a comment before the request line',
      'POST https://elb.example.com/v3/0123456789abcdef0123456789abcdef/elb/loadbalancers HTTP/1.1',
      'Content-Type: application/json',
      '',
      '{',
      '  "loadbalancer": {',
      `    "vpc_id": "${VPC}",`,
      '    "availability_zone_list": ["az1"]',
      '  }',
      '}',
      '',
    ].join('\n'));
    const { code, report } = await lintToJson(['requests/create.http'], { cwd: workspace.dir });
    expect(code).toBe(0);
    expect(report.files[0]!.kind).toBe('create-loadbalancer');
    expect(report.files[0]!.findings.map(where)).toEqual(['lb/single-az /loadbalancer/availability_zone_list 9:5-9:38']);
  });
});

describe('exit codes (output.md)', () => {
  it('0 without errors, 1 with an error or a file that is not JSON, 2 when the run fails', async () => {
    write('ok.json', LB_VALID);
    write('info.json', LB_VALID.replace('["az1", "az2"]', '["az1"]'));
    write('error.json', LB_VALID.replace('"vpc_id"', '"guaranteed": false,\n    "vpc_id"'));
    write('broken.json', '{"loadbalancer": {,}}\n');
    write('bad-config.yaml', 'rules:\n  no/such-rule: error\n');
    const code = async (...args: string[]) => (await runCli(['--format', 'json', ...args], { cwd: workspace.dir })).code;
    expect(await code('ok.json')).toBe(0);
    expect(await code('info.json')).toBe(0);
    expect(await code('error.json')).toBe(1);
    expect(await code('broken.json')).toBe(1);
    expect(await code('--no-such-option', 'ok.json')).toBe(2);
    expect(await code('missing.json')).toBe(2);
    expect(await code('--config', 'bad-config.yaml', 'ok.json')).toBe(2);
    expect(await code('--kind', 'create-listener', 'ok.json')).toBe(2);
  });

  it('1 when the warnings exceed --max-warnings, 0 when they do not', async () => {
    write('warn.json', LB_VALID.replace('"vpc_id"', '"charge_mode": "flavor",\n    "vpc_id"'));
    expect((await runCli(['--format', 'json', 'warn.json'], { cwd: workspace.dir })).code).toBe(0);
    expect((await runCli(['--format', 'json', '--max-warnings', '1', 'warn.json'], { cwd: workspace.dir })).code).toBe(0);
    expect((await runCli(['--format', 'json', '--max-warnings', '0', 'warn.json'], { cwd: workspace.dir })).code).toBe(1);
  });
});

describe('kind detection (output.md, "Kinds")', () => {
  it('--kind > kinds glob in rules.yaml > .http request line > top-level key', async () => {
    write('rules.yaml', 'kinds:\n  "mapped/*.json": create-master-slave-pool\n  "mapped/*.http": create-master-slave-pool\n');
    write('mapped/lb.json', LB_VALID);
    write('mapped/lb.http', `POST https://elb.example.com/v3/p/elb/loadbalancers\n\n${LB_VALID}`);
    write('plain/pool-body.http', `POST https://elb.example.com/v3/p/elb/loadbalancers\n\n${POOL_VALID}`);
    write('plain/lb.json', LB_VALID);

    const mapped = await lintToJson(['mapped/lb.json', 'mapped/lb.http'], { cwd: workspace.dir });
    for (const file of mapped.report.files) {
      expect(file.kind).toBe('create-master-slave-pool');
      expect(file.findings.map((finding) => `${finding.ruleId} ${finding.pointer}`)).toEqual(['schema/required /pool', 'schema/unknown-field /loadbalancer']);
    }

    const forced = await lintToJson(['--kind', 'create-loadbalancer', 'mapped/lb.json', 'mapped/lb.http'], { cwd: workspace.dir });
    expect(forced.report.files.map((file) => [file.kind, file.findings.length])).toEqual([['create-loadbalancer', 0], ['create-loadbalancer', 0]]);

    const requestLine = await lintToJson(['plain/pool-body.http', 'plain/lb.json'], { cwd: workspace.dir });
    expect(requestLine.report.files.map((file) => [file.path, file.kind])).toEqual([
      ['plain/lb.json', 'create-loadbalancer'],
      ['plain/pool-body.http', 'create-loadbalancer'],
    ]);
    expect(requestLine.report.files[1]!.findings.map((finding) => `${finding.ruleId} ${finding.pointer}`)).toEqual(['schema/required /loadbalancer', 'schema/unknown-field /pool']);
  });

  it('skips a file of unknown kind found through a directory or glob, and reports one named explicitly', async () => {
    write('dir/lb.json', LB_VALID);
    write('dir/package.json', '{"name": "infra"}\n');
    const throughDirectory = await lintToJson(['dir'], { cwd: workspace.dir });
    expect(throughDirectory.code).toBe(0);
    expect(throughDirectory.report.files.map((file) => file.path)).toEqual(['dir/lb.json']);
    const throughGlob = await lintToJson(['dir/*.json'], { cwd: workspace.dir });
    expect(throughGlob.report.files.map((file) => file.path)).toEqual(['dir/lb.json']);
    const named = await lintToJson(['dir/package.json'], { cwd: workspace.dir });
    expect(named.code).toBe(1);
    expect(named.report.files).toHaveLength(1);
    expect(named.report.files[0]).toMatchObject({ path: 'dir/package.json', kind: null });
    expect(named.report.files[0]!.findings.map(where)).toEqual(['input/unknown-kind  1:1-1:2']);
  });
});

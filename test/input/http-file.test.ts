// `.http` request files (output.md): the request line picks the kind, headers are skipped, and
// positions are those of the .http file. Unit tests of the splitter, then whole runs of the CLI
// with exact lines and columns.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseHttpFile } from '../../src/input/http-file.js';
import { LineIndex } from '../../src/json/line-index.js';
import { lintToJson } from '../support/helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
/** Runs happen in an empty directory: no rules.yaml, the built-in recommended preset. */
const WORK = mkdtempSync(join(tmpdir(), 'elb-lint-http-'));
afterAll(() => rmSync(WORK, { recursive: true, force: true }));
const POOL = readFileSync(join(ROOT, 'examples/templates/web-tcp-pool.json'), 'utf8').trimEnd().split('\n');
const LB = readFileSync(join(ROOT, 'examples/templates/web-private-lb.json'), 'utf8').trimEnd().split('\n');

/** The pool template with healthmonitor.delay 60 (out of range: one pool/healthmonitor-range finding). */
const SLOW_POOL = POOL.map((line) => line.replace('"delay": 5', '"delay": 60'));
/** The load balancer template with a typo'd field after "name" (one schema/unknown-field finding). */
const TYPO_LB = LB.flatMap((line) => (line.includes('"name"') ? [line, '    "descripton": "typo",'] : [line]));

/** 1-based line and column of the first occurrence of `needle` in `lines`. */
function where(lines: readonly string[], needle: string): { line: number; column: number } {
  const index = lines.findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`${needle} not in the fixture`);
  return { line: index + 1, column: lines[index]!.indexOf(needle) + 1 };
}

async function lintHttp(text: string, extra: string[] = []) {
  return lintToJson([...extra, '-', '--stdin-filename', 'requests/create.http'], { cwd: WORK, stdin: text });
}

function findingsOf(report: Awaited<ReturnType<typeof lintHttp>>['report']) {
  return (report.files[0]?.findings ?? []).map(({ ruleId, line, column }) => ({ ruleId, line, column }));
}

describe('parseHttpFile', () => {
  it('finds the body after the headers, and its kind from the request line', () => {
    const lines = [
      '### Create a master-slave pool',
      '# @name createPool',
      'POST https://{ELB_Endpoint}/v3/{project_id}/elb/master-slave-pools',
      'Content-Type: application/json',
      'X-Auth-Token: {{token}}',
      '',
      '{"pool": {}}',
      '',
    ];
    const text = lines.join('\n');
    const { requests, text: masked } = parseHttpFile(text);
    expect(masked).toBe(text);
    expect(requests).toEqual([{ start: text.indexOf('{"pool"'), end: text.lastIndexOf('}}') + 2, kind: 'create-master-slave-pool', line: 3 }]);
    const index = new LineIndex(text);
    expect(index.position(requests[0]!.start)).toEqual({ line: 7, column: 1 });
    expect(index.position(requests[0]!.end)).toEqual({ line: 7, column: 13 });
  });

  it('splits requests at ### lines (with or without a title) and tells each request apart', () => {
    const text = [
      '@host = elb.example.com',
      'POST https://{{host}}/v3/p1/elb/loadbalancers HTTP/1.1',
      '',
      '{"loadbalancer": {}}',
      '###',
      'GET https://{{host}}/v3/p1/elb/loadbalancers?limit=10',
      '### update',
      'PUT https://{{host}}/v3/p1/elb/loadbalancers/1a2b',
      '',
      '{"loadbalancer": {}}',
      '####### with more hashes',
      '// comment only',
      '###',
      'post {{base}}/elb/master-slave-pools/',
      '',
      '{"pool": {}}',
      '###',
      'POST https://elb.example.com/v2/p1/elb/loadbalancers',
      '',
      '{"loadbalancer": {}}',
    ].join('\n');
    const requests = parseHttpFile(text).requests.map(({ kind, line, skipped }) => ({ kind, line, ...(skipped && { skipped }) }));
    expect(requests).toEqual([
      { kind: 'create-loadbalancer', line: 2 },
      { kind: undefined, line: 6, skipped: 'line 6: GET https://{{host}}/v3/p1/elb/loadbalancers?limit=10 is not a create-loadbalancer or create-master-slave-pool request' },
      { kind: undefined, line: 8, skipped: 'line 8: PUT https://{{host}}/v3/p1/elb/loadbalancers/1a2b is not a create-loadbalancer or create-master-slave-pool request' },
      { kind: 'create-master-slave-pool', line: 14 },
      { kind: undefined, line: 18, skipped: 'line 18: POST https://elb.example.com/v2/p1/elb/loadbalancers is not a create-loadbalancer or create-master-slave-pool request' },
    ]);
  });

  it('reads the request target across indented continuation lines, and skips a request without a method (GET)', () => {
    const text = [
      'POST https://elb.example.com',
      '    /v3/p1/elb',
      '    /loadbalancers',
      '    ?dry_run=true',
      '',
      '{"loadbalancer": {}}',
      '###',
      'https://elb.example.com/v3/p1/elb/loadbalancers',
    ].join('\n');
    expect(parseHttpFile(text).requests.map((request) => request.kind)).toEqual(['create-loadbalancer', undefined]);
  });

  it('ends the body at a response handler or response reference', () => {
    const text = [
      'POST /v3/p1/elb/loadbalancers',
      'Host: elb.example.com',
      '',
      '{"loadbalancer": {}}',
      '',
      '> {%',
      '  client.test("created", function () {',
      '    client.assert(response.status === 201);',
      '  });',
      '%}',
      '<> 2024-05-01T101010.201.json',
    ].join('\n');
    const [request] = parseHttpFile(text).requests;
    expect(text.slice(request!.start, request!.end)).toBe('{"loadbalancer": {}}');
  });

  it('blanks comment lines inside a body, keeping every offset and line break', () => {
    const text = 'POST /v3/p/elb/loadbalancers\r\n\r\n{\r\n  # the VPC\r\n  // still a comment\r\n  "loadbalancer": {}\r\n}\r\n# after the body\r\n';
    const { text: masked, requests } = parseHttpFile(text);
    expect(masked).toHaveLength(text.length);
    expect(masked).toBe(text.replace('# the VPC', '         ').replace('  // still a comment', '                    '));
    expect(JSON.parse(masked.slice(requests[0]!.start, requests[0]!.end))).toEqual({ loadbalancer: {} });
  });

  it('skips a body read from another file, and lints a create request without a body', () => {
    const text = [
      'POST /v3/p/elb/master-slave-pools',
      'Content-Type: application/json',
      '',
      '< ./templates/pool.json',
      '###',
      'POST /v3/p/elb/loadbalancers',
      'Content-Type: application/json',
    ].join('\n');
    const requests = parseHttpFile(text).requests;
    expect(requests[0]).toMatchObject({ kind: 'create-master-slave-pool', skipped: 'line 1: the body is read from ./templates/pool.json; lint that file instead' });
    expect(requests[1]).toEqual({ start: text.lastIndexOf('POST'), end: text.lastIndexOf('POST'), kind: 'create-loadbalancer', line: 6 });
  });

  it('takes a body that follows the headers without a blank line', () => {
    const text = 'POST /v3/p/elb/loadbalancers\nContent-Type: application/json\n{"loadbalancer": {}}\n';
    const [request] = parseHttpFile(text).requests;
    expect(text.slice(request!.start, request!.end)).toBe('{"loadbalancer": {}}');
  });
});

describe('linting .http files', () => {
  const seedRequest = [
    '### Create a master-slave pool (the API reference example, with a slow health check)',
    'POST https://{ELB_Endpoint}/v3/{project_id}/elb/master-slave-pools',
    'Content-Type: application/json',
    'X-Auth-Token: {{token}}',
    '',
    ...SLOW_POOL,
  ];

  it('reports at the lines and columns of the .http file', async () => {
    const { report, code } = await lintHttp(`${seedRequest.join('\n')}\n`);
    expect(code).toBe(1);
    expect(report.files[0]).toMatchObject({ path: 'requests/create.http', kind: 'create-master-slave-pool' });
    expect(findingsOf(report)).toEqual([{ ruleId: 'pool/healthmonitor-range', ...where(seedRequest, '"delay"') }]);
    expect(where(seedRequest, '"delay"')).toEqual({ line: 33, column: 7 });
  });

  it('counts lines the same with CRLF line endings', async () => {
    const { report } = await lintHttp(`${seedRequest.join('\r\n')}\r\n`);
    expect(findingsOf(report)).toEqual([{ ruleId: 'pool/healthmonitor-range', line: 33, column: 7 }]);
  });

  it('lints every request of the file, each at its own place, and skips other operations', async () => {
    const lines = [
      ...seedRequest,
      '',
      '> {% client.global.set("pool_id", response.body.pool.id); %}',
      '',
      '### List the load balancers (skipped)',
      'GET https://{ELB_Endpoint}/v3/{project_id}/elb/loadbalancers?limit=10 HTTP/1.1',
      '',
      '### Create the load balancer',
      '# @name createLb',
      'POST https://{ELB_Endpoint}/v3/{project_id}/elb/loadbalancers HTTP/1.1',
      'Content-Type: application/json',
      '// a header comment',
      '',
      ...TYPO_LB,
      '',
      '<> 2024-05-01T101010.201.json',
    ];
    const { report, stderr } = await lintHttp(`${lines.join('\n')}\n`, ['--debug']);
    expect(report.files[0]?.kind).toBeNull(); // two kinds in one file
    const typo = lines.findIndex((line) => line.includes('"descripton"'));
    expect(findingsOf(report)).toEqual([
      { ruleId: 'pool/healthmonitor-range', line: 33, column: 7 },
      { ruleId: 'schema/unknown-field', line: typo + 1, column: 5 },
    ]);
    expect(lines.findIndex((line) => line.startsWith('GET')) + 1).toBe(44);
    expect(stderr).toContain('skipped a request in requests/create.http: line 44: GET https://{ELB_Endpoint}/v3/{project_id}/elb/loadbalancers?limit=10 HTTP/1.1 is not a create-loadbalancer or create-master-slave-pool request');
  });

  it('takes comment lines in a body as the HTTP clients do (not sent), and keeps positions after them', async () => {
    const lines = ['POST /v3/p/elb/master-slave-pools', 'Host: elb.example.com', '', ...SLOW_POOL.flatMap((line) => (line.includes('"healthmonitor"') ? ['    # checked every minute', line] : [line]))];
    const { report } = await lintHttp(lines.join('\n'));
    expect(findingsOf(report)).toEqual([{ ruleId: 'pool/healthmonitor-range', ...where(lines, '"delay"') }]);
  });

  it('reports a create request without a body at its request line', async () => {
    const { report, code } = await lintHttp('# create\nPOST https://{ELB_Endpoint}/v3/{project_id}/elb/loadbalancers\nContent-Type: application/json\n\n###\n');
    expect(code).toBe(1);
    expect(report.files[0]?.findings).toMatchObject([{ ruleId: 'parse/invalid-json', line: 2, column: 1, message: expect.stringContaining('empty') }]);
  });

  it('gives a named file with no create request input/unknown-kind, saying which requests it skipped', async () => {
    const { report, code } = await lintHttp('GET https://{ELB_Endpoint}/v3/{project_id}/elb/loadbalancers\n###\nPOST /v3/p/elb/loadbalancers\n\n< ./lb.json\n', ['--debug']);
    expect(code).toBe(1);
    expect(report.files[0]?.kind).toBeNull();
    expect(report.files[0]?.findings.map(({ ruleId, pointer, line, column }) => ({ ruleId, pointer, line, column }))).toEqual([
      { ruleId: 'input/unknown-kind', pointer: '', line: 1, column: 1 },
    ]);
    expect(report.files[0]?.findings[0]?.message).toContain('line 1: GET https://{ELB_Endpoint}/v3/{project_id}/elb/loadbalancers is not a create-loadbalancer or create-master-slave-pool request; line 3: the body is read from ./lb.json; lint that file instead');
  });

  it('skips a file with no create request when it was found through a directory, saying why with --debug', async () => {
    const directory = mkdtempSync(join(WORK, 'found-'));
    writeFileSync(join(directory, 'listeners.http'), 'POST https://{ELB_Endpoint}/v3/{project_id}/elb/listeners\n\n{"listener": {}}\n');
    const { report, code, stderr } = await lintToJson(['--debug', '.'], { cwd: directory });
    expect(code).toBe(0);
    expect(report.files).toEqual([]);
    expect(stderr).toContain('skipped listeners.http: line 1: POST https://{ELB_Endpoint}/v3/{project_id}/elb/listeners is not a create-loadbalancer or create-master-slave-pool request');
  });

  it('lints the body of another operation as the kind --kind names', async () => {
    const { report } = await lintHttp('POST https://{ELB_Endpoint}/v3/{project_id}/elb/listeners\n\n{"pool": {}}\n', ['--kind', 'create-master-slave-pool']);
    expect(report.files[0]?.kind).toBe('create-master-slave-pool');
    expect(report.files[0]?.findings.map((finding) => finding.ruleId)).toContain('schema/required');
  });

  it('lints the valid .http example of the case corpus clean', async () => {
    const file = join(ROOT, 'test/cases/valid/create-web-stack.http');
    const { report, code } = await lintToJson([file], { cwd: WORK });
    expect(code).toBe(0);
    expect(report.files[0]?.kind).toBeNull();
    expect(report.files[0]?.findings).toEqual([]);
  });
});

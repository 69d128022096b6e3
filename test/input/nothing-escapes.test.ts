// The gate holds (issue 12, "nothing that looks like a request body escapes"): a misspelt wrapper
// key or both keys is reported wherever the file was found, a body with an extra top-level key is
// still linted, dotfiles and dot-folders are linted, `.http`/`.rest` request lines are read as a
// client sends them, and --debug names every file left out and why.

import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nearWrapper } from '../../src/input/kind.js';
import { parseHttpFile } from '../../src/input/http-file.js';
import { isUnquotedVariable } from '../../src/input/http-variables.js';
import { lintToJson, runCli, useWorkspace, type JsonReport } from '../support/helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const POOL = readFileSync(join(ROOT, 'examples/templates/web-tcp-pool.json'), 'utf8');
const LB = readFileSync(join(ROOT, 'examples/templates/web-private-lb.json'), 'utf8');
/** One error (pool/healthmonitor-range) and nothing else. */
const SLOW_POOL = POOL.replace('"delay": 5', '"delay": 60');
const LB_FIELDS = JSON.stringify((JSON.parse(LB) as { loadbalancer: unknown }).loadbalancer);
const POOL_FIELDS = JSON.stringify((JSON.parse(POOL) as { pool: unknown }).pool);

const workspace = useWorkspace('elb-lint-escapes-');
const { write } = workspace;

function byPath(report: JsonReport) {
  return Object.fromEntries(
    report.files.map((file) => [file.path, { kind: file.kind, findings: file.findings.map(({ ruleId, pointer, line, column, suggestion }) => ({ ruleId, pointer, line, column, ...(suggestion !== undefined && { suggestion }) })) }]),
  );
}

describe('a body that looks like a request is never skipped', () => {
  const writeTemplates = () => {
    write('templates/plural.json', `{"loadbalancers": ${LB_FIELDS}}\n`);
    write('templates/capital.json', `{"Pool": ${POOL_FIELDS}}\n`);
    write('templates/underscore.json', `{"load_balancer": ${LB_FIELDS}}\n`);
    write('templates/dashed-plural.json', `{"Load-Balancers": ${LB_FIELDS}}\n`);
    write('templates/both.json', `{"loadbalancer": ${LB_FIELDS}, "pool": ${POOL_FIELDS}}\n`);
    write('templates/commented.json', `{\n  "_comment": "the web tier",\n  "loadbalancer": ${LB_FIELDS}\n}\n`);
    // Other JSON files of a repository: skipped, not failed.
    write('package.json', '{ "name": "infra" }\n');
    write('settings/port.json', '{"port": {"http": 80}}\n');
    write('settings/root.json', '{"root": {}}\n');
  };
  const unknownKind = (suggestion?: string) => ({
    kind: null,
    findings: [{ ruleId: 'input/unknown-kind', pointer: '', line: 1, column: 1, ...(suggestion !== undefined && { suggestion }) }],
  });
  const expected = {
    'templates/both.json': unknownKind(),
    'templates/capital.json': unknownKind('pool'),
    'templates/commented.json': { kind: 'create-loadbalancer', findings: [{ ruleId: 'schema/unknown-field', pointer: '/_comment', line: 2, column: 3 }] },
    'templates/dashed-plural.json': unknownKind('loadbalancer'),
    'templates/plural.json': unknownKind('loadbalancer'),
    'templates/underscore.json': unknownKind('loadbalancer'),
  };

  it('in a directory run: input/unknown-kind with "did you mean", and the other JSON files skipped with a reason', async () => {
    writeTemplates();
    const { code, report, stderr } = await lintToJson(['--debug', '.'], { cwd: workspace.dir });
    expect(code).toBe(1);
    expect(byPath(report)).toEqual(expected);
    for (const path of ['package.json', 'settings/port.json', 'settings/root.json']) {
      expect(stderr).toContain(`skipped ${path}: not a create-loadbalancer or create-master-slave-pool body`);
    }
  });

  it('with --skip-unknown-kind and every file named, as pre-commit runs it', async () => {
    writeTemplates();
    const named = [...Object.keys(expected), 'package.json', 'settings/port.json', 'settings/root.json'];
    const { code, report } = await lintToJson(['--skip-unknown-kind', ...named], { cwd: workspace.dir });
    expect(code).toBe(1);
    expect(byPath(report)).toEqual(expected);
    const compact = await runCli(['--skip-unknown-kind', '--format', 'compact', 'templates/both.json', 'templates/plural.json'], { cwd: workspace.dir });
    expect(compact.stdout).toContain('templates/plural.json:1:1: error: Cannot tell which request this is: its one top-level key is "loadbalancers".');
    expect(compact.stdout).toContain('Did you mean "loadbalancer"?');
    expect(compact.stdout).toContain('templates/both.json:1:1: error: Cannot tell which request this is: the body has both "loadbalancer" and "pool".');
  });

  it('reports a broken body whose first key is a near miss, wherever found', async () => {
    write('templates/broken.json', '{"Pools": {"name": "web",}}\n');
    const { code, report } = await lintToJson(['.'], { cwd: workspace.dir });
    expect(code).toBe(1);
    expect(report.files.map((file) => [file.path, file.kind, file.findings.map((finding) => finding.ruleId)])).toEqual([['templates/broken.json', null, ['parse/invalid-json']]]);
  });

  it('takes near misses of the wrapper keys, and not everyday keys', () => {
    const near = ['loadbalancers', 'LoadBalancer', 'load_balancer', 'load-balancers', 'Load Balancer', 'loadbalncer', 'laodbalancer', 'Pool', 'POOLS', 'pools', 'pool_', 'poll', 'pol'];
    expect(near.map((key) => [key, nearWrapper(key)])).toEqual(near.map((key) => [key, key.toLowerCase().startsWith('p') ? 'pool' : 'loadbalancer']));
    const far = ['loadbalancer', 'pool', 'port', 'root', 'post', 'book', 'name', 'listener', 'member', 'lb', 'po', 'master_slave_pool_id'];
    expect(far.map((key) => [key, nearWrapper(key)])).toEqual(far.map((key) => [key, undefined]));
  });
});

describe('dotfiles and dot-folders', () => {
  it('are linted in a directory run and by a glob; only .git and node_modules are left out, and --debug says so', async () => {
    write('.deploy/lb.json', SLOW_POOL);
    write('.github/elb/pool.json', SLOW_POOL);
    write('.requests/create.rest', `POST {{base}}/elb/master-slave-pools\n\n${SLOW_POOL}`);
    write('.hidden.json', SLOW_POOL);
    write('.git/lb.json', SLOW_POOL);
    write('node_modules/templates/pool.json', SLOW_POOL);
    const { code, report, stderr } = await lintToJson(['--debug', '.'], { cwd: workspace.dir });
    expect(code).toBe(1);
    expect(report.files.map((file) => [file.path, file.findings.map((finding) => finding.ruleId)])).toEqual([
      ['.deploy/lb.json', ['pool/healthmonitor-range']],
      ['.github/elb/pool.json', ['pool/healthmonitor-range']],
      ['.hidden.json', ['pool/healthmonitor-range']],
      ['.requests/create.rest', ['pool/healthmonitor-range']],
    ]);
    expect(stderr).toContain('skipped .git: .git is always left out');
    expect(stderr).toContain('skipped node_modules: node_modules is always left out');

    const glob = await lintToJson(['**/*.json'], { cwd: workspace.dir });
    expect(glob.report.files.map((file) => file.path)).toEqual(['.deploy/lb.json', '.github/elb/pool.json', '.hidden.json']);

    const printed = JSON.parse((await runCli(['--print-config', '.deploy/lb.json'], { cwd: workspace.dir })).stdout) as { ignored: boolean; include: string[] };
    expect(printed.ignored).toBe(false);
    expect(printed.include).toContain('**/*.rest');
  });
});

describe('--debug lists every file left out, with the reason', () => {
  it('ignored by the configuration (walked or globbed), a broken symlink, not JSON, no create request', async () => {
    write('rules.yaml', 'ignore: ["legacy/**", "old.json"]\n');
    write('legacy/pool.json', SLOW_POOL);
    write('old.json', SLOW_POOL);
    write('tsconfig.json', '{\n  // not strict JSON\n}\n');
    write('listeners.http', 'POST https://{{host}}/v3/{{project}}/elb/listeners\n\n{"listener": {}}\n');
    write('token.http', 'POST {{iam_url}}\n\n{"auth": {}}\n');
    symlinkSync(join(workspace.dir, 'missing.json'), join(workspace.dir, 'broken.json'));
    const walked = await lintToJson(['--debug', '.'], { cwd: workspace.dir });
    expect(walked.code).toBe(0);
    expect(walked.report.files).toEqual([]);
    const skipped = walked.stderr.split('\n').filter((line) => line.includes(' skipped ')).sort();
    expect(skipped).toEqual([
      'elb-lint: skipped broken.json: a symlink to nothing or to something that is not a regular file',
      'elb-lint: skipped legacy: matches an ignore glob in the configuration',
      'elb-lint: skipped listeners.http: line 1: POST https://{{host}}/v3/{{project}}/elb/listeners is not a create-loadbalancer or create-master-slave-pool request',
      'elb-lint: skipped old.json: matches an ignore glob in the configuration',
      expect.stringMatching(/^elb-lint: skipped token\.http: line 1: the URL does not say which request it is, and the body is not a create-loadbalancer or create-master-slave-pool body$/),
      expect.stringMatching(/^elb-lint: skipped tsconfig\.json: not JSON \(.*\) and not recognisably a request body$/),
    ]);
    const globbed = await runCli(['--debug', '-f', 'json', '**/pool.json', 'old.json'], { cwd: workspace.dir });
    expect(globbed.stderr).toContain('skipped legacy/pool.json: matches an ignore glob in the configuration');
    expect(globbed.stderr).toContain('skipped old.json: matches an ignore glob in the configuration');
  });
});

describe('.http and .rest request lines, read as a client sends them', () => {
  const kindOf = (line: string, body = '{"pool": {}}') => {
    const [request] = parseHttpFile(`${line}\n\n${body}\n`).requests;
    return request!.skipped ? 'skipped' : request!.kindFromBody ? 'from the body' : request!.kind;
  };

  it('collapses // and /./, resolves .., decodes percent-escapes, drops ;params, query and fragment', () => {
    expect(kindOf('POST https://h/v3/p//elb/master-slave-pools')).toBe('create-master-slave-pool');
    expect(kindOf('POST https://h/v3/p/elb/./master-slave-pools')).toBe('create-master-slave-pool');
    expect(kindOf('POST https://h/v3/p/x/../elb/master-slave-pools')).toBe('create-master-slave-pool');
    expect(kindOf('POST https://h/v3/p/elb;v=1/master-slave-pools;x=1')).toBe('create-master-slave-pool');
    expect(kindOf('POST https://h/v3/p/el%62/loadbalancers%2F')).toBe('create-loadbalancer');
    expect(kindOf('POST https://h/v3/p/elb/loadbalancers?x=1#y')).toBe('create-loadbalancer');
  });

  it('leaves the kind to the body when the URL names no request, and skips other requests', () => {
    expect(kindOf('POST {{lb_url}}')).toBe('from the body');
    expect(kindOf('POST https://{{host}}')).toBe('from the body');
    expect(kindOf('POST {{base}}/{{resource}}')).toBe('from the body');
    expect(kindOf('POST {{base}}/master-slave-pools')).toBe('from the body');
    expect(kindOf('POST https://h/v3/p/elb/master_slave_pools')).toBe('from the body');
    // Other requests, some with a body of the same shape: never linted as a create request.
    expect(kindOf('POST https://h/v3/p/elb/pools')).toBe('skipped');
    expect(kindOf('POST https://h/v2/p/elb/loadbalancers', '{"loadbalancer": {}}')).toBe('skipped');
    expect(kindOf('POST https://h/v2.0/lbaas/loadbalancers', '{"loadbalancer": {}}')).toBe('skipped');
    expect(kindOf('PUT {{lb_url}}', '{"loadbalancer": {}}')).toBe('skipped');
    expect(kindOf('POST https://iam.example.com/v3/auth/tokens', '{"auth": {}}')).toBe('skipped');
  });

  it('lints a body whose URL is a variable, at its place in the file; a named file is not failed for another API\'s request', async () => {
    write('requests.http', `POST {{token_url}}\n\n{"auth": {}}\n\n###\nPOST {{pool_url}}\nContent-Type: application/json\n\n${SLOW_POOL}`);
    const { code, report } = await lintToJson(['requests.http'], { cwd: workspace.dir });
    expect(code).toBe(1);
    const delay = `POST {{token_url}}\n\n{"auth": {}}\n\n###\nPOST {{pool_url}}\nContent-Type: application/json\n\n${SLOW_POOL}`.split('\n').findIndex((line) => line.includes('"delay": 60')) + 1;
    expect(byPath(report)).toEqual({ 'requests.http': { kind: 'create-master-slave-pool', findings: [{ ruleId: 'pool/healthmonitor-range', pointer: '/pool/healthmonitor/delay', line: delay, column: 7 }] } });
  });

  it('takes unquoted {{variables}} as placeholders of the same length, so the rest of the body is linted at exact positions', () => {
    const text = 'POST /v3/p/elb/master-slave-pools\n\n{"pool": {"delay": {{delay}}, "name": "{{x}}", "tags": [{{a}}, {{b}}], "s": "{{"}}\n';
    const { text: framed, requests } = parseHttpFile(text);
    expect(framed).toHaveLength(text.length);
    const body = JSON.parse(framed.slice(requests[0]!.start, requests[0]!.end)) as { pool: { delay: string; name: string; tags: string[]; s: string } };
    expect(body.pool.delay).toHaveLength('{{delay}}'.length - 2);
    expect(isUnquotedVariable(body.pool.delay)).toBe(true);
    expect(body.pool.tags.every(isUnquotedVariable)).toBe(true);
    // Inside strings nothing changes.
    expect(body.pool.name).toBe('{{x}}');
    expect(body.pool.s).toBe('{{');
    expect(isUnquotedVariable('{{x}}')).toBe(false);
  });

  it('lets @name = value lines stand between requests anywhere, ending the body before them', () => {
    const text = ['POST /v3/p/elb/loadbalancers', '', '{"loadbalancer": {}}', '@pool_name = web', '', '###', '@x = 1', 'POST /v3/p/elb/master-slave-pools', '', '{"pool": {}}', '', '@y = 2', ''].join('\n');
    const { requests } = parseHttpFile(text);
    expect(requests.map((request) => [request.kind, text.slice(request.start, request.end)])).toEqual([
      ['create-loadbalancer', '{"loadbalancer": {}}'],
      ['create-master-slave-pool', '{"pool": {}}'],
    ]);
  });
});

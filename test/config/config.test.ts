// rules.yaml (docs/spec/config.md): finding and loading the file, presets and extends chains,
// severities and their precedence, overrides with pointer suppression, include/ignore/kinds,
// placeholders, --rule, --print-config and --list-rules. Every test builds a temporary project
// and drives the CLI in-process.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtinConfig } from '../../src/config/builtin.js';
import { loadConfiguration } from '../../src/config/load.js';
import { RULES } from '../../src/rules/index.js';
import { configErrors, findingsOf, json, lbBody, poolBody, project, summary } from '../support/config-helpers.js';
import { runCli } from '../support/helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** A pool whose health-check timeout is not below its delay: pool/healthmonitor-timeout (warning). */
const overlappingPool = () => poolBody({ healthmonitor: { type: 'TCP', delay: 5, timeout: 5, max_retries: 3, max_retries_down: 3 } });
/** A load balancer in one zone: lb/single-az (info). */
const singleAzLb = () => lbBody({ availability_zone_list: ['ap-southeast-1a'] });

async function printed(args: string[], cwd: string): Promise<Record<string, unknown> & { rules: Record<string, string> }> {
  const result = await runCli(args, { cwd });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown> & { rules: Record<string, string> };
}

describe('finding the configuration', () => {
  it('uses the built-in recommended preset when there is no rules.yaml', async () => {
    const cwd = project({ 'pool.json': json(overlappingPool()) });
    const config = await printed(['--print-config', 'pool.json'], cwd);
    expect(config.config).toBe('built-in recommended preset');
    for (const rule of RULES) expect(config.rules[rule.id], rule.id).toBe(rule.severity);
    const { files } = await findingsOf(['pool.json'], cwd);
    expect(summary(files['pool.json'])).toEqual(['pool/healthmonitor-timeout warning /pool/healthmonitor/timeout']);
  });

  it('uses the nearest rules.yaml from the working directory upward, with globs relative to it', async () => {
    const root = project({
      'rules.yaml': 'rules:\n  pool/healthmonitor-timeout: error\noverrides:\n  - files: ["templates/edge/**"]\n    rules: { pool/healthmonitor-timeout: off }\n',
      'templates/pools/pool.json': json(overlappingPool()),
      'templates/edge/pool.json': json(overlappingPool()),
    });
    const cwd = join(root, 'templates/pools');
    const { files } = await findingsOf(['pool.json', '../edge/pool.json'], cwd);
    expect(summary(files['pool.json'])).toEqual(['pool/healthmonitor-timeout error /pool/healthmonitor/timeout']);
    expect(files['../edge/pool.json']).toEqual([]);
    const config = await printed(['--print-config', 'pool.json'], cwd);
    expect(config.config).toBe('../../rules.yaml');
    expect(config.file).toBe('templates/pools/pool.json');
  });

  it('uses -c/--config FILE instead of the nearest rules.yaml', async () => {
    const cwd = project({
      'rules.yaml': 'rules:\n  pool/healthmonitor-timeout: error\n',
      'ci/strict.yaml': 'extends: strict\nrules:\n  pool/healthmonitor-timeout: info\n',
      'pool.json': json(overlappingPool()),
    });
    for (const option of ['-c', '--config']) {
      const { files } = await findingsOf([option, 'ci/strict.yaml', 'pool.json'], cwd);
      expect(summary(files['pool.json'])).toEqual(['pool/healthmonitor-timeout info /pool/healthmonitor/timeout']);
    }
  });

  it('reports a --config file that cannot be read, with exit code 2', async () => {
    const cwd = project({ 'pool.json': json(overlappingPool()) });
    expect(await configErrors(['-c', 'missing.yaml', 'pool.json'], cwd)).toEqual([
      'elb-lint: --config missing.yaml: cannot read the configuration file: no such file or directory.',
    ]);
  });

  it('treats an empty rules.yaml as the recommended preset', async () => {
    const cwd = project({ 'rules.yaml': '# nothing configured yet\n', 'pool.json': json(overlappingPool()) });
    const { files } = await findingsOf(['pool.json'], cwd);
    expect(summary(files['pool.json'])).toEqual(['pool/healthmonitor-timeout warning /pool/healthmonitor/timeout']);
  });

  it("reads the repository's own rules.yaml as exactly the built-in preset", async () => {
    const text = readFileSync(join(ROOT, 'rules.yaml'), 'utf8');
    // The same text with a comment added goes through the YAML parser rather than the shortcut.
    const cwd = project({ 'rules.yaml': `# a copy\n${text}`, 'pool.json': json(overlappingPool()) });
    const parsed = await printed(['--print-config', 'pool.json'], cwd);
    const builtin = builtinConfig(cwd).settingsFor('pool.json');
    for (const rule of RULES) expect(parsed.rules[rule.id], rule.id).toBe(builtin.severity(rule.id));
    const direct = await printed(['--print-config', 'pool.json'], ROOT);
    expect(direct.rules).toEqual(parsed.rules);
  });

  it('recognises the generated recommended preset by its text', async () => {
    const cwd = project({ 'rules.yaml': readFileSync(join(ROOT, 'rules.yaml'), 'utf8') });
    const loaded = await loadConfiguration({ cwd });
    expect(loaded.config.source).toBe('rules.yaml');
    expect(loaded.rules).toEqual(RULES);
  });

  it('loads the YAML parser, globs, jsonpath-plus and Ajv only when a configuration needs them', () => {
    // Which chunks of the built library a lintFiles call loads (a module-resolution hook lists
    // them; no timing). The executable is one bundle with its code cache (bin/elb-lint.cjs), in
    // which the same modules stay uncompiled and unrun until imported; the library keeps them in
    // chunks of their own, which a hook can see.
    const hookSource = [
      "import { register } from 'node:module';",
      // Written with writeSync: the hooks run on their own thread, whose process.stderr may not be
      // flushed before the process exits (a chunk would then be missing at random).
      "const hooks = `import { writeSync } from 'node:fs';",
      'export async function resolve(specifier, context, next) {',
      '  const resolved = await next(specifier, context);',
      "  const at = resolved.url.indexOf('/dist/chunks/');",
      "  if (at >= 0) writeSync(2, 'CHUNK ' + resolved.url.slice(at + 13).split('-').slice(0, -1).join('-') + String.fromCharCode(10));",
      '  return resolved;',
      '}`;',
      "register('data:text/javascript,' + encodeURIComponent(hooks));",
    ].join('\n');
    const hook = project({ 'hook.mjs': hookSource });
    const library = pathToFileURL(join(ROOT, 'dist/index.js')).href;
    const chunks = (files: Record<string, string>): string[] => {
      const cwd = project({ 'lb.json': json(lbBody()), ...files });
      const script = `const { lintFiles } = await import(${JSON.stringify(library)}); const { failures } = await lintFiles(['lb.json'], { cwd: process.cwd() }); if (failures.length > 0) throw new Error(failures.join());`;
      const run = spawnSync(process.execPath, ['--import', pathToFileURL(join(hook, 'hook.mjs')).href, '--input-type=module', '-e', script], { cwd, encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      return [...new Set(run.stderr.split('\n').filter((line) => line.startsWith('CHUNK ')).map((line) => line.slice(6)))].filter((name) => name !== 'chunk');
    };
    // Chunks are named for the module they start at: 'compile' is src/policies/compile.ts.
    const lazy = ['file-config', 'globs', 'compile', 'ajv'];
    expect(chunks({}).filter((name) => lazy.includes(name))).toEqual([]);
    expect(chunks({ 'rules.yaml': readFileSync(join(ROOT, 'rules.yaml'), 'utf8') }).filter((name) => lazy.includes(name))).toEqual([]);
    expect(chunks({ 'rules.yaml': 'rules: { lb/single-az: off }\n' }).filter((name) => lazy.includes(name))).toEqual(['file-config']);
    expect(chunks({ 'rules.yaml': 'ignore: ["old/**"]\n' }).filter((name) => lazy.includes(name))).toEqual(['file-config', 'globs']);
    const policy = 'policies:\n  - name: p\n    given: $.loadbalancer\n    then: { function: ';
    expect(chunks({ 'rules.yaml': `${policy}defined }\n` }).filter((name) => lazy.includes(name))).toEqual(['file-config', 'compile']);
    expect(chunks({ 'rules.yaml': `${policy}schema, functionOptions: { schema: { type: object } } }\n` }).filter((name) => lazy.includes(name))).toEqual(['file-config', 'compile', 'ajv']);
  });
});

describe('presets and extends', () => {
  it('strict turns every warning into an error, leaves infos, and the file still wins', async () => {
    const cwd = project({
      'strict.yaml': 'extends: strict\n',
      'strict-but.yaml': 'extends: strict\nrules:\n  pool/healthmonitor-timeout: warning\n',
      'pool.json': json(overlappingPool()),
      'lb.json': json(singleAzLb()),
    });
    const strict = await findingsOf(['-c', 'strict.yaml', 'pool.json', 'lb.json'], cwd);
    expect(summary(strict.files['pool.json'])).toEqual(['pool/healthmonitor-timeout error /pool/healthmonitor/timeout']);
    expect(summary(strict.files['lb.json'])).toEqual(['lb/single-az info /loadbalancer/availability_zone_list']);
    const printedStrict = await printed(['-c', 'strict.yaml', '--print-config', 'pool.json'], cwd);
    for (const rule of RULES) expect(printedStrict.rules[rule.id], rule.id).toBe(rule.severity === 'warning' ? 'error' : rule.severity);
    const but = await findingsOf(['-c', 'strict-but.yaml', 'pool.json'], cwd);
    expect(summary(but.files['pool.json'])).toEqual(['pool/healthmonitor-timeout warning /pool/healthmonitor/timeout']);
  });

  it('extends: recommended is the same as no extends', async () => {
    const cwd = project({ 'a.yaml': 'extends: recommended\n', 'b.yaml': 'rules: {}\n', 'pool.json': json(overlappingPool()) });
    const a = await printed(['-c', 'a.yaml', '--print-config', 'pool.json'], cwd);
    const b = await printed(['-c', 'b.yaml', '--print-config', 'pool.json'], cwd);
    expect(a.rules).toEqual(b.rules);
  });

  it('follows a chain of extends, each path relative to the file that names it', async () => {
    const cwd = project({
      // One repository holding both: a configuration extends only files inside its repository.
      '.git/HEAD': 'ref: refs/heads/main\n',
      'org/base.yaml': [
        'extends: strict',
        'flavors: catalog/flavors.json',
        'ignore: ["vendor/**"]',
        'rules:',
        '  lb/single-az: warning',
        'overrides:',
        '  - files: ["**/legacy/*.json"]',
        '    rules: { schema/unknown-field: warning }',
        'policies:',
        '  - name: has-description',
        '    given: $.loadbalancer',
        '    then: { field: description, function: defined }',
      ].join('\n'),
      'org/catalog/flavors.json': readFileSync(join(ROOT, 'examples/flavors.json'), 'utf8'),
      'team/rules.yaml': 'extends: ../org/base.yaml\nrules:\n  pool/healthmonitor-timeout: info\n',
      'team/pool.json': json(overlappingPool()),
      'team/lb.json': json(lbBody({ availability_zone_list: ['ap-southeast-1a'], description: undefined, l4_flavor_id: '0b2d3f41-5a6c-4e7f-8a9b-0c1d2e3f4a5c' })),
    });
    const { files, code } = await findingsOf(['pool.json', 'lb.json'], join(cwd, 'team'));
    expect(code).toBe(1);
    expect(summary(files['pool.json'])).toEqual(['pool/healthmonitor-timeout info /pool/healthmonitor/timeout']);
    expect(summary(files['lb.json'])).toEqual([
      'policy/has-description error /loadbalancer/description',
      'lb/single-az warning /loadbalancer/availability_zone_list',
      'lb/flavor-catalog error /loadbalancer/l4_flavor_id',
    ]);
  });

  it('reports an extends cycle with the whole chain, at the extends that closes it', async () => {
    const cwd = project({
      'rules.yaml': 'extends: shared/a.yaml\n',
      'shared/a.yaml': 'rules:\n  lb/single-az: off\nextends: ../b.yaml\n',
      'b.yaml': 'extends: ./rules.yaml\n',
      'pool.json': json(overlappingPool()),
    });
    expect(await configErrors(['pool.json'], cwd)).toEqual(['b.yaml:1:10: extends forms a cycle: rules.yaml → shared/a.yaml → b.yaml → rules.yaml.']);
  });

  it('reports a file that extends itself', async () => {
    const cwd = project({ 'rules.yaml': 'extends: rules.yaml\n' });
    expect(await configErrors(['.'], cwd)).toEqual(['rules.yaml:1:10: extends forms a cycle: rules.yaml → rules.yaml.']);
  });

  it('reports an extends path that cannot be read, where it is named', async () => {
    const cwd = project({ 'rules.yaml': '# team settings\nextends: ./org/base.yaml\n' });
    expect(await configErrors(['.'], cwd)).toEqual(['rules.yaml:2:10: extends: cannot read "org/base.yaml": no such file or directory.']);
  });
});

describe('severities and overrides', () => {
  // One rule, set at every level; each test removes the level above.
  const levels = {
    'base.yaml': 'rules:\n  pool/healthmonitor-timeout: info\n',
    'rules.yaml': 'extends: base.yaml\nrules:\n  pool/healthmonitor-timeout: error\noverrides:\n  - files: ["edge/*.json"]\n    rules: { pool/healthmonitor-timeout: off }\n',
    'no-rules.yaml': 'extends: base.yaml\n',
    'no-override.yaml': 'extends: base.yaml\nrules:\n  pool/healthmonitor-timeout: error\n',
    'edge/pool.json': json(overlappingPool()),
    'pool.json': json(overlappingPool()),
  };

  it('takes --rule over overrides over rules over extends', async () => {
    const cwd = project(levels);
    const severity = async (args: string[], file: string) => (await findingsOf([...args, file], cwd)).files[file]?.[0]?.severity ?? 'off';
    expect(await severity(['--rule', 'pool/healthmonitor-timeout=warning'], 'edge/pool.json')).toBe('warning');
    expect(await severity([], 'edge/pool.json')).toBe('off');
    expect(await severity(['-c', 'no-override.yaml'], 'edge/pool.json')).toBe('error');
    expect(await severity(['-c', 'no-rules.yaml'], 'edge/pool.json')).toBe('info');
    expect(await severity(['-c', 'base.yaml', '--rule', 'pool/healthmonitor-timeout=off'], 'pool.json')).toBe('off');
    expect(await severity([], 'pool.json')).toBe('error');
  });

  it('lets later overrides win, and a later --rule win over an earlier one', async () => {
    const cwd = project({
      'rules.yaml': [
        'overrides:',
        '  - files: ["templates/**"]',
        '    rules: { pool/healthmonitor-timeout: error, lb/single-az: off }',
        '  - files: ["templates/legacy/*.json"]',
        '    rules: { pool/healthmonitor-timeout: info }',
      ].join('\n'),
      'templates/pool.json': json(overlappingPool()),
      'templates/legacy/pool.json': json(overlappingPool()),
      'templates/legacy/lb.json': json(singleAzLb()),
    });
    const { files } = await findingsOf(['templates'], cwd);
    expect(summary(files['templates/pool.json'])).toEqual(['pool/healthmonitor-timeout error /pool/healthmonitor/timeout']);
    expect(summary(files['templates/legacy/pool.json'])).toEqual(['pool/healthmonitor-timeout info /pool/healthmonitor/timeout']);
    expect(files['templates/legacy/lb.json']).toEqual([]);
    const cli = await findingsOf(['--rule', 'pool/healthmonitor-timeout=off', '--rule', 'pool/healthmonitor-timeout=warning', 'templates/pool.json'], cwd);
    expect(summary(cli.files['templates/pool.json'])).toEqual(['pool/healthmonitor-timeout warning /pool/healthmonitor/timeout']);
  });

  it('suppresses findings at or under the pointers of a matching override, and nowhere else', async () => {
    const body = lbBody({ tags: [{ key: 'env', value: 'prod', colour: 'blue' }], availability_zone_list: ['ap-southeast-1a'], waf_failure_action: 'forward' });
    const cwd = project({
      'rules.yaml': 'overrides:\n  - files: ["edge/*.json"]\n    pointers: ["/loadbalancer/tags", "/loadbalancer/availability_zone_list/0"]\n  - files: ["all/*.json"]\n    pointers: [""]\n',
      'edge/lb.json': json(body),
      'core/lb.json': json(body),
      'all/lb.json': json(body),
    });
    const { files } = await findingsOf(['.'], cwd);
    expect(summary(files['core/lb.json'])).toEqual([
      'lb/single-az info /loadbalancer/availability_zone_list',
      'schema/unknown-field error /loadbalancer/tags/0/colour',
      'api/discouraged-field warning /loadbalancer/waf_failure_action',
    ]);
    // Under /loadbalancer/tags: suppressed. At /availability_zone_list (the parent of the pointer): kept.
    expect(summary(files['edge/lb.json'])).toEqual([
      'lb/single-az info /loadbalancer/availability_zone_list',
      'api/discouraged-field warning /loadbalancer/waf_failure_action',
    ]);
    expect(files['all/lb.json']).toEqual([]);
    const config = await printed(['--print-config', 'edge/lb.json'], cwd);
    expect(config.suppressedPointers).toEqual(['/loadbalancer/tags', '/loadbalancer/availability_zone_list/0']);
  });

  it('does not let a pointer suppress a sibling that merely starts with the same text', async () => {
    const cwd = project({
      'rules.yaml': 'overrides:\n  - files: ["*.json"]\n    pointers: ["/loadbalancer/tag"]\n',
      'lb.json': json(lbBody({ tags: [{ key: 'env', value: 'prod', colour: 'blue' }] })),
    });
    const { files } = await findingsOf(['lb.json'], cwd);
    expect(summary(files['lb.json'])).toEqual(['schema/unknown-field error /loadbalancer/tags/0/colour']);
  });

  it('sets severities with --rule, including policies', async () => {
    const cwd = project({
      'rules.yaml': 'policies:\n  - name: has-tags\n    given: $.loadbalancer\n    then: { field: tags, function: defined }\n',
      'lb.json': json(lbBody({ tags: undefined })),
    });
    const before = await findingsOf(['lb.json'], cwd);
    expect(summary(before.files['lb.json'])).toEqual(['policy/has-tags warning /loadbalancer/tags']);
    const after = await findingsOf(['--rule', 'policy/has-tags=error', 'lb.json'], cwd);
    expect(summary(after.files['lb.json'])).toEqual(['policy/has-tags error /loadbalancer/tags']);
    expect(after.code).toBe(1);
  });

  it('rejects a --rule with an unknown rule, a bad severity or no "="', async () => {
    const cwd = project({ 'pool.json': json(overlappingPool()) });
    expect(await configErrors(['--rule', 'pool/healthmonitor-timout=error', 'pool.json'], cwd)).toEqual([
      'elb-lint: --rule pool/healthmonitor-timout=error: unknown rule "pool/healthmonitor-timout". Did you mean "pool/healthmonitor-timeout"?',
    ]);
    expect(await configErrors(['--rule', 'pool/healthmonitor-timeout=warn', 'pool.json'], cwd)).toEqual([
      'elb-lint: --rule pool/healthmonitor-timeout=warn: the severity "warn" is not one of error, warning, info, off.',
    ]);
    expect(await configErrors(['--rule', 'pool/healthmonitor-timeout', 'pool.json'], cwd)).toEqual([
      'elb-lint: --rule pool/healthmonitor-timeout: write it as ID=SEVERITY, e.g. --rule pool/healthmonitor-timeout=error.',
    ]);
    expect(await configErrors(['--rule', 'policy/naming=off', 'pool.json'], cwd)).toEqual(['elb-lint: --rule policy/naming=off: unknown rule "policy/naming".']);
  });
});

describe('include, ignore and kinds', () => {
  it('expands directories to the include globs, leaves out the ignore globs, and maps kinds', async () => {
    const unclear = { pool: poolBody().pool, note: 'reviewed' };
    const cwd = project({
      'rules.yaml': [
        'include: ["templates/**/*.json"]',
        'ignore: ["templates/legacy/**"]',
        'kinds:',
        '  "templates/pools/*.json": create-master-slave-pool',
      ].join('\n'),
      'templates/pools/unclear.json': json(unclear),
      'templates/lb.json': json(lbBody()),
      'templates/legacy/pool.json': json(overlappingPool()),
      'elsewhere/pool.json': json(overlappingPool()),
    });
    const { files } = await findingsOf(['.'], cwd);
    expect(Object.keys(files)).toEqual(['templates/lb.json', 'templates/pools/unclear.json']);
    expect(summary(files['templates/pools/unclear.json'])).toEqual(['schema/unknown-field error /note']);
    const config = await printed(['--print-config', 'templates/pools/unclear.json'], cwd);
    expect(config.kind).toBe('create-master-slave-pool');
    expect((await printed(['--print-config', 'templates/legacy/pool.json'], cwd)).ignored).toBe(true);
  });

  it('lets the later kinds entry win and --kind win over kinds', async () => {
    const cwd = project({
      'rules.yaml': 'kinds:\n  "**/*.json": create-loadbalancer\n  "pools/*.json": create-master-slave-pool\n',
      'pools/p.json': json({ note: 'empty' }),
    });
    expect((await printed(['--print-config', 'pools/p.json'], cwd)).kind).toBe('create-master-slave-pool');
    const { files } = await findingsOf(['pools/p.json'], cwd);
    expect(summary(files['pools/p.json'])[0]).toBe('schema/required error /pool');
    const forced = await findingsOf(['--kind', 'create-loadbalancer', 'pools/p.json'], cwd);
    expect(summary(forced.files['pools/p.json'])[0]).toBe('schema/required error /loadbalancer');
  });

  it('takes include, ignore and kinds of an extended file relative to that file', async () => {
    const cwd = project({
      // One repository holding both: a configuration extends only files inside its repository.
      '.git/HEAD': 'ref: refs/heads/main\n',
      'org/base.yaml': 'include: ["../repo/requests/*.json"]\nignore: ["../repo/requests/old-*.json"]\n',
      'repo/rules.yaml': 'extends: ../org/base.yaml\n',
      'repo/requests/new.json': json(overlappingPool()),
      'repo/requests/old-pool.json': json(overlappingPool()),
      'repo/other/pool.json': json(overlappingPool()),
    });
    const { files } = await findingsOf(['.'], join(cwd, 'repo'));
    expect(Object.keys(files)).toEqual(['requests/new.json']);
    const config = await printed(['--print-config', 'requests/old-pool.json'], join(cwd, 'repo'));
    expect(config.include).toEqual(['requests/*.json']);
    expect(config.ignore).toEqual(['requests/old-*.json']);
    expect(config.ignored).toBe(true);
  });
});

describe('placeholders', () => {
  const templated = {
    loadbalancer: {
      name: '${LB_NAME}',
      vpc_id: '${VPC_ID}',
      vip_subnet_cidr_id: '{{ .Values.subnetId }}',
      availability_zone_list: ['${AZ_1}', '${AZ_2}'],
      l4_flavor_id: '{{ .Values.l4Flavor }}',
      deletion_protection_enable: '${PROTECT}',
      prepaid_options: { period_type: 'month', period_num: '{{ .Values.months }}' },
    },
  };
  const templatedPool = {
    pool: {
      ...poolBody().pool as Record<string, unknown>,
      vpc_id: '${VPC_ID}',
      healthmonitor: { type: 'TCP', delay: '{{ .Values.delay }}', timeout: 3, max_retries: '${RETRIES}', max_retries_down: 3 },
    },
  };

  it('accepts the default placeholders as valid values of any type, for the schema and the rules', async () => {
    const cwd = project({ 'lb.json': json(templated), 'pool.json': json(templatedPool) });
    const { files, code } = await findingsOf(['lb.json', 'pool.json'], cwd);
    expect(files).toEqual({ 'lb.json': [], 'pool.json': [] });
    expect(code).toBe(0);
  });

  it('replaces the defaults with the placeholders of rules.yaml', async () => {
    const cwd = project({
      'rules.yaml': "placeholders: ['^@@[A-Z_]+@@$']\n",
      'lb.json': json(lbBody({ vpc_id: '@@VPC_ID@@', vip_subnet_cidr_id: '${SUBNET_ID}' })),
    });
    const { files } = await findingsOf(['lb.json'], cwd);
    expect(summary(files['lb.json'])).toEqual(['schema/format error /loadbalancer/vip_subnet_cidr_id']);
    expect((await printed(['--print-config', 'lb.json'], cwd)).placeholders).toEqual(['^@@[A-Z_]+@@$']);
  });

  it('turns placeholders off with an empty list', async () => {
    const cwd = project({ 'rules.yaml': 'placeholders: []\n', 'pool.json': json(templatedPool) });
    const { files } = await findingsOf(['pool.json'], cwd);
    expect(summary(files['pool.json'])).toEqual([
      'schema/type error /pool/healthmonitor/delay',
      'schema/type error /pool/healthmonitor/max_retries',
    ]);
  });
});

describe('--print-config and --list-rules', () => {
  it('prints the effective configuration of a file as JSON', async () => {
    const cwd = project({
      'rules.yaml': [
        'extends: strict',
        'include: ["**/*.json"]',
        'rules: { lb/single-az: off }',
        'overrides:',
        '  - files: ["edge/**"]',
        '    rules: { pool/healthmonitor-timeout: info }',
        '    pointers: ["/pool/members"]',
        'policies:',
        '  - name: pool-name',
        '    description: Pools are named after their tier.',
        '    given: $.pool.name',
        '    then: { function: pattern, functionOptions: { match: "^[a-z]+-" } }',
      ].join('\n'),
    });
    const config = await printed(['--print-config', 'edge/pool.json'], cwd);
    expect(config).toMatchObject({
      file: 'edge/pool.json',
      config: 'rules.yaml',
      ignored: false,
      kind: null,
      include: ['**/*.json'],
      ignore: [],
      flavors: null,
      suppressedPointers: ['/pool/members'],
      policies: [{ ruleId: 'policy/pool-name', name: 'pool-name', description: 'Pools are named after their tier.', given: '$.pool.name' }],
    });
    expect(config.rules).toMatchObject({ 'lb/single-az': 'off', 'pool/healthmonitor-timeout': 'info', 'policy/pool-name': 'error', 'pool/any-port-ports': 'error' });
    expect(Object.keys(config.rules)).toEqual([...Object.keys(config.rules)].sort());
  });

  it('lists policies next to the built-in rules', async () => {
    const cwd = project({
      'rules.yaml': 'policies:\n  - name: pool-name\n    description: Pools are named after their tier.\n    severity: error\n    given: $.pool.name\n    then: { function: truthy }\n',
    });
    const { stdout, code } = await runCli(['--list-rules'], cwd ? { cwd } : { cwd });
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.length).toBe(RULES.length + 1);
    expect(lines.find((line) => line.startsWith('policy/pool-name'))).toMatch(/^policy\/pool-name\s+error\s+Pools are named after their tier\.$/);
    const ids = lines.map((line) => line.split(/\s+/)[0]);
    expect(ids).toEqual([...ids].sort());
  });
});

describe('the shipped example configuration', () => {
  it('shows policy findings next to the built-in ones', async () => {
    const { report, code, stderr } = await (await import('../support/helpers.js')).lintToJson(['-c', 'examples/rules.yaml', 'examples'], { cwd: ROOT });
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const ids = new Set(report.files.flatMap((file) => file.findings.map((finding) => finding.ruleId)));
    expect(ids).toContain('policy/deletion-protection');
    expect(ids).toContain('policy/resource-naming');
    expect([...ids].some((id) => !id.startsWith('policy/'))).toBe(true);
    const byFile = Object.fromEntries(report.files.map((file) => [file.path, summary(file.findings)]));
    expect(byFile['examples/templates/web-private-lb.json']).toEqual(['policy/deletion-protection error /loadbalancer/deletion_protection_enable']);
    expect(byFile['examples/seed-master-slave-pool.json']).toContain('policy/resource-naming warning /pool/name');
  });
});

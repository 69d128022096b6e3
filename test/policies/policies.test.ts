// Custom policies (config.md): every function, `field` with would-be pointers, messages and
// their {{…}} variables, severities, kinds, placeholders, the JSONPath elb-lint accepts, and the
// policies' place in every report format.

import { describe, expect, it } from 'vitest';
import { parseJsonPath } from '../../src/policies/jsonpath.js';
import { configErrors, findingsOf, json, lbBody, poolBody, project, summary } from '../support/config-helpers.js';
import { runCli, type JsonFinding } from '../support/helpers.js';

/** Lints `body` with one policy (YAML lines under `- `) and returns that file's findings of policies. */
async function withPolicy(policy: string, body: unknown, extra = ''): Promise<JsonFinding[]> {
  const cwd = project({ 'rules.yaml': `${extra}policies:\n  - ${policy.trim().split('\n').join('\n    ')}\n`, 'body.json': json(body) });
  const { files, stderr } = await findingsOf(['body.json'], cwd);
  expect(stderr).toBe('');
  return (files['body.json'] ?? []).filter((finding) => finding.ruleId.startsWith('policy/'));
}

const lb = lbBody;

describe('policy functions', () => {
  const cases: { name: string; then: string; given?: string; passes: unknown[]; fails: { body: unknown; pointer: string; message: string }[] }[] = [
    {
      name: 'truthy',
      then: '{ field: deletion_protection_enable, function: truthy }',
      passes: [lb({ deletion_protection_enable: true })],
      fails: [
        { body: lb({ deletion_protection_enable: false }), pointer: '/loadbalancer/deletion_protection_enable', message: 'deletion_protection_enable is false, but this policy requires a truthy value (not false, 0, "" or null).' },
        { body: lb(), pointer: '/loadbalancer/deletion_protection_enable', message: 'deletion_protection_enable is missing, but this policy requires it, with a truthy value.' },
      ],
    },
    {
      name: 'falsy',
      then: '{ field: ip_target_enable, function: falsy }',
      passes: [lb(), lb({ ip_target_enable: false })],
      fails: [{ body: lb({ ip_target_enable: true }), pointer: '/loadbalancer/ip_target_enable', message: 'ip_target_enable is true, but this policy requires it to be left out or falsy (false, 0, "" or null).' }],
    },
    {
      name: 'defined',
      then: '{ field: description, function: defined }',
      passes: [lb({ description: '' })],
      fails: [{ body: lb({ description: undefined }), pointer: '/loadbalancer/description', message: 'description is missing, but this policy requires it.' }],
    },
    {
      name: 'undefined',
      then: '{ field: publicip_ids, function: undefined }',
      passes: [lb()],
      fails: [{ body: lb({ publicip_ids: ['0b3ed3d4-7c5d-4b6a-9e8f-1a2b3c4d5e6f'] }), pointer: '/loadbalancer/publicip_ids', message: 'publicip_ids is set (to an array), but this policy requires it to be left out.' }],
    },
    {
      name: 'pattern match',
      then: '{ field: name, function: pattern, functionOptions: { match: "^[a-z]+-(prod|test)-lb$" } }',
      passes: [lb(), lb({ name: undefined })],
      fails: [{ body: lb({ name: 'WebLB' }), pointer: '/loadbalancer/name', message: 'name is "WebLB", which does not match /^[a-z]+-(prod|test)-lb$/.' }],
    },
    {
      name: 'pattern notMatch with flags',
      then: '{ field: description, function: pattern, functionOptions: { notMatch: "/todo|fixme/i" } }',
      passes: [lb()],
      fails: [{ body: lb({ description: 'TODO: describe' }), pointer: '/loadbalancer/description', message: 'description is "TODO: describe", which matches /todo|fixme/i, and this policy forbids that.' }],
    },
    {
      name: 'enumeration',
      given: '$.loadbalancer.tags[*].key',
      then: '{ function: enumeration, functionOptions: { values: [env, owner, cost-center] } }',
      passes: [lb(), lb({ tags: [] })],
      fails: [{ body: lb({ tags: [{ key: 'env', value: 'prod' }, { key: 'onwer', value: 'web' }] }), pointer: '/loadbalancer/tags/1/key', message: 'tags[1].key is "onwer", but this policy allows only "env", "owner" or "cost-center". Did you mean "owner"?' }],
    },
    {
      name: 'length',
      then: '{ field: availability_zone_list, function: length, functionOptions: { min: 2, max: 3 } }',
      passes: [lb()],
      fails: [{ body: lb({ availability_zone_list: ['ap-southeast-1a'] }), pointer: '/loadbalancer/availability_zone_list', message: 'availability_zone_list has 1 item, but this policy requires between 2 and 3.' }],
    },
    {
      name: 'length of a string',
      then: '{ field: name, function: length, functionOptions: { max: 8 } }',
      passes: [lb({ name: 'web-lb' })],
      fails: [{ body: lb({ name: 'web-prod-lb' }), pointer: '/loadbalancer/name', message: 'name has 11 characters, but this policy requires at most 8.' }],
    },
    {
      name: 'range',
      given: '$.loadbalancer.publicip.bandwidth',
      then: '{ field: size, function: range, functionOptions: { min: 10, max: 300 } }',
      passes: [lb(), lb({ publicip: { ip_version: 4, bandwidth: { name: 'bw', size: 100, charge_mode: 'traffic', share_type: 'PER' } } })],
      fails: [{ body: lb({ publicip: { ip_version: 4, bandwidth: { name: 'bw', size: 1000, charge_mode: 'traffic', share_type: 'PER' } } }), pointer: '/loadbalancer/publicip/bandwidth/size', message: 'publicip.bandwidth.size is 1000, but this policy requires between 10 and 300.' }],
    },
    {
      name: 'schema',
      given: '$.loadbalancer.tags[*]',
      then: '{ function: schema, functionOptions: { schema: { type: object, required: [key, value], properties: { value: { type: string, minLength: 1 } } } } }',
      passes: [lb()],
      fails: [
        { body: lb({ tags: [{ key: 'env', value: '' }, { key: 'owner' }] }), pointer: '/loadbalancer/tags/0/value', message: 'tags[0].value must NOT have fewer than 1 characters.' },
        { body: lb({ tags: [{ key: 'owner' }] }), pointer: '/loadbalancer/tags/0/value', message: 'tags[0].value is missing.' },
      ],
    },
    {
      name: 'schema, at the property it does not allow',
      given: '$.loadbalancer.tags[*]',
      then: '{ function: schema, functionOptions: { schema: { type: object, additionalProperties: false, properties: { key: {}, value: {} } } } }',
      passes: [lb()],
      fails: [{ body: lb({ tags: [{ key: 'env', value: 'prod', owner: 'web' }] }), pointer: '/loadbalancer/tags/0/owner', message: 'tags[0].owner is not allowed here.' }],
    },
    {
      name: 'equals',
      then: '{ field: ip_target_enable, function: equals, functionOptions: { value: true } }',
      passes: [lb({ ip_target_enable: true }), lb()],
      fails: [{ body: lb({ ip_target_enable: false }), pointer: '/loadbalancer/ip_target_enable', message: 'ip_target_enable is false, but this policy requires true.' }],
    },
  ];

  for (const { name, then, given, passes, fails } of cases) {
    it(`${name}: passes good values and reports bad ones at the judged pointer`, async () => {
      const policy = `name: check\ngiven: ${given ?? '$.loadbalancer'}\nthen: ${then}`;
      for (const body of passes) expect(await withPolicy(policy, body)).toEqual([]);
      for (const failure of fails) {
        const found = await withPolicy(policy, failure.body);
        expect(found.map(({ ruleId, pointer, message, severity }) => ({ ruleId, pointer, message, severity }))[0]).toEqual({
          ruleId: 'policy/check',
          pointer: failure.pointer,
          message: failure.message,
          severity: 'warning',
        });
      }
    });
  }

  it('reports a missing field at its would-be pointer, shown at the enclosing key', async () => {
    const [finding] = await withPolicy('name: protect\ngiven: $.loadbalancer\nthen: { field: deletion_protection_enable, function: truthy }', lb());
    expect(finding).toMatchObject({ pointer: '/loadbalancer/deletion_protection_enable', line: 2, column: 3 });
  });

  it('follows a nested field, and a missing parent still gives a would-be pointer', async () => {
    const policy = 'name: bw\ngiven: $.loadbalancer\nthen: { field: publicip.bandwidth.charge_mode, function: enumeration, functionOptions: { values: [traffic] } }';
    expect(await withPolicy(policy, lb())).toEqual([]);
    const [bad] = await withPolicy(policy, lb({ publicip: { ip_version: 4, bandwidth: { name: 'bw', size: 10, charge_mode: 'bandwidth', share_type: 'PER' } } }));
    expect(bad?.pointer).toBe('/loadbalancer/publicip/bandwidth/charge_mode');
    const [missing] = await withPolicy('name: bw\ngiven: $.loadbalancer\nthen: { field: "publicip.bandwidth.size", function: defined }', lb());
    expect(missing?.pointer).toBe('/loadbalancer/publicip/bandwidth/size');
  });

  it('judges every match of a wildcard, a descendant path, a slice and a list', async () => {
    const body = poolBody();
    const paths: [string, string[]][] = [
      ['$.pool.members[*].address', ['/pool/members/0/address', '/pool/members/1/address']],
      ['$..address', ['/pool/members/0/address', '/pool/members/1/address']],
      ['$.pool.members[1:].address', ['/pool/members/1/address']],
      ['$.pool.members[0,1].name', ['/pool/members/0/name', '/pool/members/1/name']],
      ["$['pool']['members'][0]['role']", ['/pool/members/0/role']],
      ['$.pool.healthmonitor.*', ['/pool/healthmonitor/delay', '/pool/healthmonitor/max_retries', '/pool/healthmonitor/max_retries_down', '/pool/healthmonitor/timeout', '/pool/healthmonitor/type']],
    ];
    for (const [given, pointers] of paths) {
      const found = await withPolicy(`name: never\ngiven: "${given}"\nthen: { function: undefined }`, body);
      expect(found.map((finding) => finding.pointer).sort(), given).toEqual(pointers);
    }
  });

  it('takes several given paths and several then entries', async () => {
    const policy = [
      'name: identity',
      'given: [$.loadbalancer, $.pool]',
      'then:',
      '  - { field: name, function: defined }',
      '  - { field: description, function: defined }',
    ].join('\n');
    expect(summary(await withPolicy(policy, lb({ description: undefined })))).toEqual(['policy/identity warning /loadbalancer/description']);
    expect(summary(await withPolicy(policy, poolBody({ description: undefined })))).toEqual(['policy/identity warning /pool/description']);
    expect(summary(await withPolicy(policy, poolBody({ name: undefined, description: undefined })))).toEqual(['policy/identity warning /pool/description', 'policy/identity warning /pool/name']);
  });

  it('treats placeholders as unknown values that every judging function accepts', async () => {
    const body = lb({ name: '${LB_NAME}', deletion_protection_enable: '{{ .Values.protect }}', availability_zone_list: ['${AZ}'] });
    for (const then of [
      '{ field: name, function: pattern, functionOptions: { match: "^prod-" } }',
      '{ field: deletion_protection_enable, function: truthy }',
      '{ field: deletion_protection_enable, function: equals, functionOptions: { value: true } }',
      '{ field: name, function: enumeration, functionOptions: { values: [a] } }',
      '{ field: name, function: length, functionOptions: { max: 3 } }',
      '{ field: availability_zone_list, function: schema, functionOptions: { schema: { items: { enum: [x] } } } }',
    ]) {
      expect(await withPolicy(`name: p\ngiven: $.loadbalancer\nthen: ${then}`, body), then).toEqual([]);
    }
    expect(summary(await withPolicy('name: p\ngiven: $.loadbalancer\nthen: { field: name, function: undefined }', body))).toEqual(['policy/p warning /loadbalancer/name']);
  });

  it('does not walk into strings (no `.length` of a string value)', async () => {
    expect(await withPolicy('name: p\ngiven: $.loadbalancer.name.length\nthen: { function: undefined }', lb())).toEqual([]);
  });
});

describe('policy metadata', () => {
  it('fills in {{value}}, {{path}}, {{pointer}} and {{error}}', async () => {
    const policy = 'name: naming\nmessage: "{{path}} ({{pointer}}) is {{value}}: {{error}}"\ngiven: $.loadbalancer.name\nthen: { function: pattern, functionOptions: { match: "^prod-" } }';
    const [finding] = await withPolicy(policy, lb());
    expect(finding?.message).toBe('$.loadbalancer.name (/loadbalancer/name) is web-prod-lb: name is "web-prod-lb", which does not match /^prod-/.');
    const [missing] = await withPolicy('name: p\nmessage: "got {{ value }}"\ngiven: $.loadbalancer\nthen: { field: tags, function: undefined }', lb());
    expect(missing?.message).toBe('got [{"key":"env","value":"prod"}]');
  });

  it('appends the description to the default message', async () => {
    const [finding] = await withPolicy('name: protect\ndescription: Production load balancers must be protected against deletion.\ngiven: $.loadbalancer\nthen: { field: deletion_protection_enable, function: truthy }', lb());
    expect(finding?.message).toBe('deletion_protection_enable is missing, but this policy requires it, with a truthy value. Production load balancers must be protected against deletion.');
  });

  it('uses the stated severity, applies only to its kind, and can be turned off', async () => {
    const policy = 'name: named\nkind: create-master-slave-pool\nseverity: error\ngiven: $..name\nthen: { function: pattern, functionOptions: { match: "^x" } }';
    expect(summary(await withPolicy(policy, poolBody({ members: undefined })))).toEqual(['policy/named error /pool/name']);
    expect(await withPolicy(policy, lb())).toEqual([]);
    expect(await withPolicy(policy.replace('severity: error', 'severity: off'), poolBody())).toEqual([]);
    expect(await withPolicy(policy, poolBody(), 'rules:\n  policy/named: off\n')).toEqual([]);
    expect(summary(await withPolicy(policy.replace('severity: error', ''), poolBody({ members: undefined }), 'extends: strict\n'))).toEqual(['policy/named error /pool/name']);
  });

  it('appears in every format, and SARIF lists policies as rules', async () => {
    const cwd = project({
      'rules.yaml': 'policies:\n  - name: protect\n    description: Protect production load balancers.\n    severity: error\n    given: $.loadbalancer\n    then: { field: deletion_protection_enable, function: truthy }\n',
      'lb.json': json(lb()),
    });
    for (const format of ['human', 'compact', 'github', 'json', 'sarif']) {
      const result = await runCli(['-f', format, 'lb.json'], { cwd });
      expect(result.code, format).toBe(1);
      expect(result.stdout, format).toContain('policy/protect');
    }
    const sarif = JSON.parse((await runCli(['-f', 'sarif', 'lb.json'], { cwd })).stdout) as { runs: { tool: { driver: { rules: { id: string; shortDescription: { text: string }; defaultConfiguration: { level: string }; helpUri: string }[] } }; results: { ruleId: string; ruleIndex: number }[] }[] };
    const run = sarif.runs[0]!;
    const index = run.tool.driver.rules.findIndex((rule) => rule.id === 'policy/protect');
    expect(index).toBeGreaterThanOrEqual(0);
    expect(run.tool.driver.rules[index]).toMatchObject({ shortDescription: { text: 'Protect production load balancers.' }, defaultConfiguration: { level: 'error' } });
    expect(run.tool.driver.rules[index]?.helpUri).toMatch(/^https:\/\//);
    expect(run.results).toEqual([expect.objectContaining({ ruleId: 'policy/protect', ruleIndex: index })]);
  });
});

describe('policy configuration errors', () => {
  async function errorsFor(policy: string): Promise<string[]> {
    const cwd = project({ 'rules.yaml': `policies:\n  - ${policy.trim().split('\n').join('\n    ')}\n`, 'lb.json': json(lb()) });
    return configErrors(['lb.json'], cwd);
  }

  it('checks each function\'s options, at their position', async () => {
    expect(await errorsFor('name: p\ngiven: $.loadbalancer\nthen: { field: name, function: truthy, functionOptions: { value: 1 } }')).toEqual(['rules.yaml:4:63: truthy takes no functionOptions; remove "value".']);
    expect(await errorsFor('name: p\ngiven: $.loadbalancer.name\nthen: { function: pattern }')).toEqual(['rules.yaml:4:5: pattern needs "match" or "notMatch" (a regular expression) in functionOptions.']);
    expect(await errorsFor('name: p\ngiven: $.loadbalancer.name\nthen: { function: pattern, functionOptions: { match: "(" } }')).toEqual(['rules.yaml:4:58: pattern option "match" is not a valid regular expression: /(/: Unterminated group.']);
    expect(await errorsFor('name: p\ngiven: $.loadbalancer.name\nthen: { function: pattern, functionOptions: { match: "/^a/g" } }')).toEqual(['rules.yaml:4:58: pattern option "match" is not a valid regular expression: the flags "g" are not allowed; use any of i, m, s, u, v, each once.']);
    expect(await errorsFor('name: p\ngiven: $.loadbalancer.name\nthen: { function: enumeration, functionOptions: { values: [] } }')).toEqual(['rules.yaml:4:63: enumeration needs "values": a non-empty list of strings, numbers or booleans.']);
    expect(await errorsFor('name: p\ngiven: $.loadbalancer.name\nthen: { function: length, functionOptions: { min: 3, max: 2 } }')).toEqual(['rules.yaml:4:55: length option "min" (3) is greater than "max" (2); nothing could pass.']);
    expect(await errorsFor('name: p\ngiven: $.loadbalancer.name\nthen: { function: range, functionOptions: { minimum: 3 } }')).toEqual([
      'rules.yaml:4:30: range needs "min", "max" or both in functionOptions.',
      'rules.yaml:4:49: range has no option "minimum"; its options are "min" and "max".',
    ]);
    expect(await errorsFor('name: p\ngiven: $.loadbalancer\nthen: { function: schema, functionOptions: { schema: { type: strnig } } }')).toEqual([
      'rules.yaml:4:58: the inline JSON Schema cannot be used: schema is invalid: data/type must be equal to one of the allowed values, data/type must be array, data/type must match a schema in anyOf.',
    ]);
    expect(await errorsFor('name: p\ngiven: $.loadbalancer\nthen: { function: equals }')).toEqual(['rules.yaml:4:5: equals needs "value": the value the field must have.']);
  });

  it('checks message variables, fields and given paths', async () => {
    expect(await errorsFor('name: p\nmessage: "bad {{valeu}}"\ngiven: $.loadbalancer\nthen: { function: defined }')).toEqual([
      'rules.yaml:3:14: message uses {{valeu}}, which elb-lint does not fill in; use {{value}}, {{path}}, {{pointer}} or {{error}}. Did you mean "{{value}}"?',
    ]);
    expect(await errorsFor('name: p\ngiven: $.loadbalancer\nthen: { field: "tags[*].key", function: defined }')).toEqual([
      'rules.yaml:4:20: field "tags[*].key" must name one property (names and indexes, e.g. "publicip.bandwidth.size"); put wildcards in given.',
    ]);
    expect(await errorsFor('name: p\ngiven: loadbalancer.name\nthen: { function: defined }')).toEqual([
      'rules.yaml:3:12: given "loadbalancer.name" is not a JSONPath elb-lint accepts: a JSONPath starts with "$" (the request body), e.g. "$.loadbalancer.name".',
    ]);
    expect(await errorsFor('name: p\ngiven: "$.loadbalancer[name"\nthen: { function: defined }')).toEqual([
      'rules.yaml:3:12: given "$.loadbalancer[name" is not a JSONPath elb-lint accepts: the "[" at character 15 is never closed.',
    ]);
  });

  it('refuses duplicate policy names and unknown functions', async () => {
    const cwd = project({
      'rules.yaml': 'policies:\n  - name: p\n    given: $\n    then: { function: defined }\n  - name: p\n    given: $\n    then: { function: truty }\n',
    });
    expect(await configErrors(['.'], cwd)).toEqual([
      'rules.yaml:7:23: "truty" is not a policy function; use "truthy", "falsy", "defined", "undefined", "pattern", "enumeration", "length", "range", "schema" or "equals". Did you mean "truthy"?',
    ]);
    const dup = project({ 'rules.yaml': 'policies:\n  - name: p\n    given: $\n    then: { function: defined }\n  - name: p\n    given: $\n    then: { function: truthy }\n' });
    expect(await configErrors(['.'], dup)).toEqual(['rules.yaml:5:11: policies[0] is already named "p"; policy names must be unique.']);
  });
});

describe('the JSONPath subset', () => {
  it('accepts names, quoted names, indexes, wildcards, descendants, slices and lists', () => {
    for (const path of ['$', '$.a', '$.a.b-c_d', "$['a b']", '$["a"]', '$.a[0]', '$.a[*]', '$.a.*', '$..a', '$..*', '$..[0]', '$.a[1:]', '$.a[-2:]', '$.a[::2]', '$.a[0,2]', '$.a[b,c]']) {
      expect(parseJsonPath(path).ok, path).toBe(true);
    }
  });

  it('refuses scripts, filters, jsonpath-plus operators and reserved names', () => {
    const refused: [string, RegExp][] = [
      ['$..[?(@.x)]', /filter expressions/],
      ['$.a[?(@.constructor)]', /filter expressions/],
      ["$.a[(@.length-1)]", /script expressions/],
      ['$.a[@.b]', /"@"/],
      ['$.a.@string()', /"@"/],
      ['$.a^', /not supported/],
      ['$.a~', /not supported/],
      ['$.`a', /not supported/],
      ['$.__proto__', /reserved/],
      ["$['constructor']", /reserved/],
      ['$.a.prototype', /reserved/],
      ['$.a[b,constructor]', /reserved/],
      ['$.a[-1]', /negative index/],
      ['$.a[]', /empty brackets/],
      ['$.a[0:2:0]', /step of 0/],
      ['$.a..', /must be followed by a name/],
      ['$a', /unexpected "a"/],
      ["$['a,b']", /characters/],
      ["$['*']", /characters/],
    ];
    for (const [path, reason] of refused) {
      const result = parseJsonPath(path);
      expect(result.ok, path).toBe(false);
      if (!result.ok) expect(result.reason, path).toMatch(reason);
    }
  });
});

// A rules.yaml is input too, and may come from a pull request. None of these may run code,
// exhaust memory, or touch Object.prototype; each is refused (exit code 2) with a message that
// says why, or handled as plain data.

import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configErrors, findingsOf, json, lbBody, project, summary } from '../support/config-helpers.js';

function expectPrototypesClean(): void {
  const probe = {} as Record<string, unknown>;
  expect(probe.polluted).toBeUndefined();
  expect(probe.x).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(Object.getPrototypeOf(probe)).toBe(Object.prototype);
  expect(typeof Object.prototype.constructor).toBe('function');
  expect(({} as { isAdmin?: unknown }).isAdmin).toBeUndefined();
}

async function errorsOf(config: string, name = 'rules.yaml'): Promise<string[]> {
  const cwd = project({ [name]: config, 'lb.json': json(lbBody()) });
  return configErrors(['lb.json'], cwd);
}

afterEach(expectPrototypesClean);

describe('hostile configurations', () => {
  it('refuses filter and script JSONPath, and never evaluates it', async () => {
    const marker = join(project({}), 'ran');
    const scripts = [
      '$..[?(@.x)]',
      `$..[?(@.constructor.constructor('require("fs").writeFileSync("${marker}", "x")')())]`,
      '$.loadbalancer[?(@.constructor)]',
      '$[(this.constructor.constructor("return process")())]',
      '$..@other()',
    ];
    for (const given of scripts) {
      const errors = await errorsOf(`policies:\n  - name: sneaky\n    given: '${given.replace(/'/g, "''")}'\n    then: { function: truthy }\n`);
      expect(errors, given).toEqual([expect.stringMatching(/^rules\.yaml:3:12: given ".*" is not a JSONPath elb-lint accepts: .*(never runs code|not supported)/)]);
    }
    expect(existsSync(marker)).toBe(false);
  });

  it('refuses reserved names in paths and fields', async () => {
    for (const [given, field] of [['$.loadbalancer.constructor', undefined], ['$.__proto__', undefined], ['$.loadbalancer', 'constructor.prototype'], ['$.loadbalancer', '__proto__.polluted']] as const) {
      const then = field ? `{ field: "${field}", function: truthy }` : '{ function: truthy }';
      const errors = await errorsOf(`policies:\n  - name: sneaky\n    given: "${given}"\n    then: ${then}\n`);
      expect(errors.join('\n'), `${given} ${field}`).toMatch(/reserved JavaScript property name/);
    }
  });

  it('refuses __proto__, constructor and prototype as keys, rule IDs and policy names', async () => {
    expect(await errorsOf('__proto__:\n  polluted: true\n', '.elb-lint.yaml')).toEqual([
      '.elb-lint.yaml:1:1: "__proto__" cannot be used as a key: it is a reserved JavaScript property name, and no elb-lint setting is called that',
    ]);
    expect(await errorsOf('rules:\n  constructor: off\n  prototype: error\n')).toEqual([
      'rules.yaml:2:3: "constructor" cannot be used as a key: it is a reserved JavaScript property name, and no elb-lint setting is called that',
      'rules.yaml:3:3: "prototype" cannot be used as a key: it is a reserved JavaScript property name, and no elb-lint setting is called that',
    ]);
    expect(await errorsOf('kinds:\n  __proto__: create-loadbalancer\n')).toEqual([expect.stringMatching(/^rules\.yaml:2:3: "__proto__" cannot be used as a key/)]);
    expect(await errorsOf('policies:\n  - name: constructor\n    given: $\n    then: { function: defined }\n  - name: prototype\n    given: $\n    then: { function: defined }\n')).toEqual([
      'rules.yaml:2:11: "constructor" cannot be a policy name: it is a reserved JavaScript property name.',
      'rules.yaml:5:11: "prototype" cannot be a policy name: it is a reserved JavaScript property name.',
    ]);
    expect(await errorsOf('policies:\n  - name: p\n    given: $\n    then: { function: schema, functionOptions: { schema: { properties: { __proto__: { const: 1 } } } } }\n')).toEqual([
      expect.stringMatching(/^rules\.yaml:4:74: "__proto__" cannot be used as a key/),
    ]);
    expect(await errorsOf('rules:\n  "__proto__": off\n')).toEqual([expect.stringMatching(/^rules\.yaml:2:3: "__proto__" cannot be used as a key/)]);
  });

  it('refuses --rule with reserved or prototype names', async () => {
    const cwd = project({ 'lb.json': json(lbBody()) });
    for (const id of ['__proto__', 'constructor', 'toString', 'policy/constructor']) {
      expect(await configErrors(['--rule', `${id}=off`, 'lb.json'], cwd), id).toEqual([expect.stringContaining(`unknown rule "${id}"`)]);
    }
  });

  it('stops a "billion laughs" document through the alias limit', async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const name = String.fromCharCode(97 + i);
      const previous = String.fromCharCode(96 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    // Nine levels of nine aliases: 9^9 strings if expanded.
    const errors = await errorsOf(`kinds:\n  ${levels.join('\n  ')}\n`);
    expect(errors).toEqual([expect.stringMatching(/^rules\.yaml:\d+:\d+: the YAML aliases \(\*name\) expand too much .*billion laughs/)]);
  });

  it('allows a few ordinary anchors and aliases', async () => {
    const cwd = project({
      'rules.yaml': 'overrides:\n  - files: ["a/**"]\n    rules: &quiet { lb/single-az: off, pool/healthmonitor-timeout: off }\n  - files: ["b/**"]\n    rules: *quiet\n',
      'b/lb.json': json(lbBody({ availability_zone_list: ['ap-southeast-1a'] })),
    });
    const { files } = await findingsOf(['b/lb.json'], cwd);
    expect(files['b/lb.json']).toEqual([]);
  });

  it('refuses a 10 MB configuration before parsing it', async () => {
    const cwd = project({ 'lb.json': json(lbBody()) });
    writeFileSync(join(cwd, '.elb-lint.yaml'), `${'#'.repeat(10 * 1024 * 1024 - 1)}\n`);
    expect(await configErrors(['lb.json'], cwd)).toEqual([
      'elb-lint: .elb-lint.yaml: cannot read the configuration file: it is 10.0 MiB, more than the 1.0 MiB elb-lint reads for a configuration file.',
    ]);
  });

  it('refuses a flavor catalog over the size limit', async () => {
    const cwd = project({ 'lb.json': json(lbBody()) });
    writeFileSync(join(cwd, 'flavors.json'), `{"flavors": [], "pad": "${'x'.repeat(11 * 1024 * 1024)}"}`);
    expect(await configErrors(['--flavors', 'flavors.json', 'lb.json'], cwd)).toEqual([
      expect.stringMatching(/^elb-lint: --flavors: cannot read the flavor catalog ".*flavors\.json": it is 11\.0 MiB, more than the 10\.0 MiB elb-lint reads for a flavor catalog\.$/),
    ]);
  });

  it('treats __proto__ and constructor in a request body as plain data for policies', async () => {
    const body = JSON.parse('{"loadbalancer": {"name": "web", "__proto__": {"polluted": true}, "vpc_id": "3b0bd3c9-3d12-4e4e-a9cc-32d3bd1f6f39", "availability_zone_list": ["a", "b"]}}') as unknown;
    const cwd = project({
      'rules.yaml': 'policies:\n  - name: every-value\n    given: $..*\n    then: { function: pattern, functionOptions: { notMatch: "^never$" } }\n  - name: keys\n    given: $.loadbalancer\n    then: { function: length, functionOptions: { max: 10 } }\n',
      'lb.json': JSON.stringify(body),
    });
    const { files } = await findingsOf(['lb.json'], cwd);
    expect(summary(files['lb.json'])).toEqual(['schema/unknown-field error /loadbalancer/__proto__']);
  });

  it('keeps a regular expression from becoming stateful', async () => {
    expect(await errorsOf("placeholders: ['/^x/gy']\n")).toEqual(['rules.yaml:1:16: placeholder "/^x/gy" is not a valid regular expression: the flags "gy" are not allowed; use any of i, m, s, u, v, each once.']);
  });

  it('refuses an inline schema with a remote $ref instead of fetching it', async () => {
    const errors = await errorsOf('policies:\n  - name: p\n    given: $\n    then: { function: schema, functionOptions: { schema: { $ref: "https://example.com/schema.json" } } }\n');
    expect(errors).toEqual([expect.stringMatching(/^rules\.yaml:4:58: the inline JSON Schema cannot be used: can't resolve reference https:\/\/example\.com\/schema\.json/)]);
  });

  it('limits the length of an extends chain', async () => {
    const files: Record<string, string> = { 'lb.json': json(lbBody()) };
    for (let i = 0; i < 20; i++) files[i === 0 ? 'rules.yaml' : `c${i}.yaml`] = `extends: c${i + 1}.yaml\n`;
    files['c20.yaml'] = 'rules: {}\n';
    const cwd = project(files);
    expect(await configErrors(['lb.json'], cwd)).toEqual([expect.stringMatching(/^c15\.yaml:1:10: extends goes more than 16 files deep \(rules\.yaml → … → c16\.yaml\); flatten the chain\.$/)]);
  });
});

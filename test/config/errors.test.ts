// A bad rules.yaml stops the run with exit code 2, nothing on stdout, and one
// `file:line:column: reason` line per problem on stderr. Each problem a user can make is here,
// with its exact position.

import { describe, expect, it } from 'vitest';
import { configErrors, json, lbBody, project } from '../support/config-helpers.js';
import { runCli } from '../support/helpers.js';

/** A configuration named rules.yaml must look like one to be found (config.md); `name` gives it the elb-lint name instead. */
async function errorsOf(config: string, files: Record<string, string> = {}, name = 'rules.yaml'): Promise<string[]> {
  const cwd = project({ [name]: config, 'lb.json': json(lbBody()), ...files });
  return configErrors(['lb.json'], cwd);
}

describe('configuration errors', () => {
  it('ends the error list with a count, and lints nothing', async () => {
    // A rules.yaml with only a misspelt key would be passed over as another tool's; .elb-lint.yaml is always elb-lint's.
    const cwd = project({ '.elb-lint.yaml': 'rule:\n  lb/single-az: off\n', 'lb.json': json(lbBody()) });
    const result = await runCli(['lb.json'], { cwd });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: '.elb-lint.yaml:1:1: unknown key "rule" in the configuration; the keys are "extends", "include", "ignore", "kinds", "flavors", "placeholders", "rules", "overrides" and "policies". Did you mean "rules"?\n' +
        'elb-lint: the configuration has a problem; nothing was linted.\n',
    });
  });

  it('reports YAML syntax errors, duplicate keys, tags and several documents', async () => {
    expect(await errorsOf('rules:\n  lb/single-az: [off\n')).toEqual([expect.stringMatching(/^rules\.yaml:3:1: .*\(YAML [A-Z_]+\)$/)]);
    expect(await errorsOf('rules:\n  lb/single-az: off\n  lb/single-az: info\n')).toEqual(['rules.yaml:3:3: Map keys must be unique (YAML DUPLICATE_KEY)']);
    expect(await errorsOf('rules: !!js/function "return 1"\n')).toEqual([expect.stringMatching(/^rules\.yaml:1:8: Unresolved tag: tag:yaml\.org,2002:js\/function \(YAML TAG_RESOLVE_FAILED\)$/)]);
    expect(await errorsOf('rules: {}\n---\nrules: {}\n')).toEqual([expect.stringMatching(/^rules\.yaml:2:1: Source contains multiple documents/)]);
  });

  it('reports a configuration that is not a mapping', async () => {
    expect(await errorsOf('- rules\n', {}, 'elb-lint.yaml')).toEqual(['elb-lint.yaml:1:1: a configuration is a mapping of settings (extends, rules, overrides, policies, …), not a single value or a list.']);
  });

  it('reports unknown keys at every level, with "did you mean"', async () => {
    expect(await errorsOf('overrides:\n  - files: ["a/**"]\n    rule: { lb/single-az: off }\n')).toEqual([
      'rules.yaml:3:5: unknown key "rule" in overrides[0]; the keys are "files", "rules" and "pointers". Did you mean "rules"?',
    ]);
    expect(await errorsOf('policies:\n  - name: p\n    given: $\n    then: { function: defined, feild: name }\n')).toEqual([
      'rules.yaml:4:32: unknown key "feild" in policies[0].then; the keys are "field", "function" and "functionOptions". Did you mean "field"?',
    ]);
  });

  it('reports wrong types and missing required keys', async () => {
    expect(await errorsOf('rules: off\n')).toEqual(['rules.yaml:1:8: rules must be a mapping (key: value), not the string "off".']);
    expect(await errorsOf('include: 3\n')).toEqual(['rules.yaml:1:10: include must be a string or a list of strings, not the integer 3.']);
    expect(await errorsOf('overrides:\n  - rules: { lb/single-az: off }\n')).toEqual(['rules.yaml:2:5: overrides[0] needs "files".']);
    expect(await errorsOf('policies:\n  - name: p\n    then: { function: defined }\n')).toEqual(['rules.yaml:2:5: policies[0] needs "given".']);
  });

  it('reports unknown rule IDs with "did you mean", in rules and in overrides', async () => {
    expect(await errorsOf('rules:\n  pool/heathmonitor-timeout: error\n')).toEqual(['rules.yaml:2:3: unknown rule "pool/heathmonitor-timeout". Did you mean "pool/healthmonitor-timeout"?']);
    expect(await errorsOf('overrides:\n  - files: ["**"]\n    rules:\n      schema/unkown-field: warning\n')).toEqual(['rules.yaml:4:7: unknown rule "schema/unkown-field". Did you mean "schema/unknown-field"?']);
    expect(await errorsOf('rules:\n  policy/naming: off\n')).toEqual(['rules.yaml:2:3: unknown rule "policy/naming". No policy named "naming" is defined in this file or in the files it extends.']);
  });

  it('reports bad severities, kinds and policy names with what is allowed', async () => {
    expect(await errorsOf('rules:\n  lb/single-az: warn\n')).toEqual(['rules.yaml:2:17: the severity of lb/single-az is "warn"; use "error", "warning", "info" or "off". Did you mean "warning"?']);
    expect(await errorsOf('rules:\n  lb/single-az: 1\n')).toEqual(['rules.yaml:2:17: the severity of lb/single-az is 1; use "error", "warning", "info" or "off".']);
    expect(await errorsOf('kinds:\n  "pools/*.json": pool\n')).toEqual(['rules.yaml:2:19: the kind for "pools/*.json" is "pool"; use "create-loadbalancer" or "create-master-slave-pool".']);
    expect(await errorsOf('policies:\n  - name: No Spaces\n    given: $\n    then: { function: defined }\n')).toEqual([
      'rules.yaml:2:11: policy name "No Spaces" must be lowercase letters and digits, in words joined by "-" (it becomes the rule ID policy/<name>), e.g. "deletion-protection".',
    ]);
    expect(await errorsOf('policies:\n  - name: p\n    severity: fatal\n    given: $\n    then: { function: defined }\n')).toEqual([
      'rules.yaml:3:15: policies[0].severity is "fatal"; use "error", "warning", "info" or "off".',
    ]);
  });

  it('reports bad globs in include, ignore, kinds and overrides', async () => {
    expect(await errorsOf('include: ["templates/{a,b"]\n')).toEqual([expect.stringMatching(/^rules\.yaml:1:11: include: "templates\/\{a,b" is not a valid glob: Missing closing: "}"/)]);
    expect(await errorsOf('ignore: "/etc/**"\n')).toEqual(['rules.yaml:1:9: ignore: "/etc/**" is an absolute path; globs are relative to the directory of the configuration file that states them.']);
    expect(await errorsOf('kinds:\n  "pools/[ab.json": create-master-slave-pool\n')).toEqual([expect.stringMatching(/^rules\.yaml:2:3: kinds: "pools\/\[ab\.json" is not a valid glob/)]);
    expect(await errorsOf('overrides:\n  - files: ["legacy/**", "!legacy/keep.json"]\n    pointers: [""]\n')).toEqual([
      'rules.yaml:2:26: files: negated globs ("!legacy/keep.json") are not supported; list the files a setting applies to (use ignore to leave files out).',
    ]);
    expect(await errorsOf('overrides:\n  - files: []\n    pointers: [""]\n')).toEqual(['rules.yaml:2:12: files needs at least one glob.']);
    expect(await errorsOf('ignore: [""]\n')).toEqual(['rules.yaml:1:10: ignore: a glob cannot be empty.']);
  });

  it('reports bad regular expressions in placeholders', async () => {
    expect(await errorsOf("placeholders:\n  - '^\\$\\{[A-Z_]+\\}$'\n  - '^{{(.+}}$'\n")).toEqual(['rules.yaml:3:5: placeholder "^{{(.+}}$" is not a valid regular expression: /^{{(.+}}$/: Unterminated group.']);
    expect(await errorsOf("placeholders: ''\n")).toEqual(['rules.yaml:1:15: placeholder "" is not a valid regular expression: it is empty (it would match everything).']);
  });

  it('reports overrides without rules or pointers, and pointers that are not JSON pointers', async () => {
    expect(await errorsOf('overrides:\n  - files: ["**"]\n')).toEqual(['rules.yaml:2:5: an override needs rules, pointers or both.']);
    expect(await errorsOf('overrides:\n  - files: ["**"]\n    pointers: ["loadbalancer/tags"]\n')).toEqual([
      'rules.yaml:3:16: "loadbalancer/tags" is not a JSON pointer: it must be "" (the whole body) or start with "/", with "~" only as ~0 or ~1, e.g. "/loadbalancer/tags".',
    ]);
  });

  it('reports empty extends and flavors, and a flavors file that cannot be read', async () => {
    expect(await errorsOf("extends: ''\n")).toEqual(['rules.yaml:1:10: extends is empty; use recommended, strict or the path of another rules.yaml.']);
    expect(await errorsOf('flavors: "  "\n')).toEqual(['rules.yaml:1:10: flavors is empty; give the path of a saved GET /v3/{project_id}/elb/flavors response.']);
    expect(await errorsOf('# flavors\nflavors: missing.json\n')).toEqual([expect.stringMatching(/^rules\.yaml:2:10: flavors: cannot read the flavor catalog ".*missing\.json": no such file or directory\.$/)]);
  });

  it('reports every problem of a file, in position order', async () => {
    expect(await errorsOf('rules:\n  lb/singel-az: off\n  pool/any-prot: off\nignore: ["/abs"]\n')).toEqual([
      'rules.yaml:2:3: unknown rule "lb/singel-az". Did you mean "lb/single-az"?',
      'rules.yaml:3:3: unknown rule "pool/any-prot". Did you mean "pool/any-port"?',
      'rules.yaml:4:10: ignore: "/abs" is an absolute path; globs are relative to the directory of the configuration file that states them.',
    ]);
  });

  it('names the file of the chain a problem is in', async () => {
    const cwd = project({ 'rules.yaml': 'extends: team/base.yaml\n', 'team/base.yaml': 'rules:\n  lb/single-az: sometimes\n', 'lb.json': json(lbBody()) });
    expect(await configErrors(['lb.json'], cwd)).toEqual(['team/base.yaml:2:17: the severity of lb/single-az is "sometimes"; use "error", "warning", "info" or "off".']);
  });
});

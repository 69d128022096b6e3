// Custom policies from rules.yaml (config.md), compiled once into the engine's PolicyCheck:
// each `given` and `field` parsed by jsonpath.ts (and refused unless jsonpath-plus reads it the
// same way), each `then` handed to its function in functions/ to check its options, the message
// template checked; evaluate.ts runs the result on a body. This module, jsonpath-plus and (for
// the `schema` function) Ajv load only when a configuration has policies.

import { JSONPath } from 'jsonpath-plus';
import type { PolicyCheck } from '../engine/lint-body.js';
import type { Kind, RuleMeta, Severity, SeveritySetting } from '../model.js';
import { listOf } from '../text/show.js';
import { closest, didYouMean } from '../text/suggest.js';
import type { PolicyFunctionName } from '../config/schema.js';
import type { YamlPath } from '../config/yaml-source.js';
import { renderMessage, runPolicy, TEMPLATE_VARIABLES, type CompiledThen } from './evaluate.js';
import { POLICY_FUNCTIONS_BY_NAME } from './functions/index.js';
import { loadAjv } from './functions/schema.js';
import { definitePointer, parseJsonPath, type JsonPath } from './jsonpath.js';
import type { FunctionEnv, Judge, Problem } from './types.js';

export const POLICY_DOCS = 'https://github.com/elb-lint/elb-lint/blob/main/docs/configuration.md#custom-policies';

/** A policy as rules.yaml states it (already checked against the config schema). */
export interface PolicyDefinition {
  name: string;
  description?: string;
  message?: string;
  kind?: Kind;
  severity?: SeveritySetting;
  given: string | string[];
  then: ThenDefinition | ThenDefinition[];
}

interface ThenDefinition {
  field?: string;
  function: PolicyFunctionName;
  functionOptions?: Record<string, unknown>;
}

export interface PolicyInput {
  definition: PolicyDefinition;
  /** Reports a problem at a path below the policy (e.g. ['given']). */
  problem(path: YamlPath, message: string, part?: 'key' | 'value'): void;
}

export interface CompiledPolicy {
  name: string;
  ruleId: string;
  /** The severity the policy states; undefined means the preset's default for policies. */
  severity: SeveritySetting | undefined;
  check: PolicyCheck;
  meta(defaultSeverity: Severity): RuleMeta;
  /** For --print-config. */
  definition: PolicyDefinition;
}

export async function compilePolicies(inputs: readonly PolicyInput[], isPlaceholder: (value: unknown) => boolean): Promise<CompiledPolicy[]> {
  const needsAjv = inputs.some(({ definition }) => thenList(definition).some((then) => then.function === 'schema'));
  const env: FunctionEnv = { isPlaceholder, ajv: needsAjv ? await loadAjv() : undefined };
  const compiled: CompiledPolicy[] = [];
  for (const input of inputs) {
    const policy = compilePolicy(input, env);
    if (policy) compiled.push(policy);
  }
  return compiled;
}

function thenList(definition: PolicyDefinition): ThenDefinition[] {
  return Array.isArray(definition.then) ? definition.then : [definition.then];
}

function compilePolicy(input: PolicyInput, env: FunctionEnv): CompiledPolicy | undefined {
  const { definition, problem } = input;
  let ok = true;
  const fail = (path: YamlPath, message: string, part?: 'key' | 'value') => {
    ok = false;
    problem(path, message, part);
  };

  const givenList = Array.isArray(definition.given) ? definition.given : [definition.given];
  if (givenList.length === 0) fail(['given'], 'given needs at least one JSONPath');
  const givens: JsonPath[] = [];
  givenList.forEach((text, index) => {
    const at = Array.isArray(definition.given) ? ['given', index] : ['given'];
    const path = checkedPath(text, false);
    if (typeof path === 'string') fail(at, `given "${text}" is not a JSONPath elb-lint accepts: ${path}.`);
    else givens.push(path);
  });

  const thens: CompiledThen[] = [];
  const list = thenList(definition);
  list.forEach((then, index) => {
    const at: YamlPath = Array.isArray(definition.then) ? ['then', index] : ['then'];
    let fieldPointer: string | undefined;
    if (then.field !== undefined) {
      const path = checkedPath(then.field, true);
      if (typeof path === 'string') fail([...at, 'field'], `field "${then.field}" is not a property path elb-lint accepts: ${path}.`);
      else if (!path.definite) fail([...at, 'field'], `field "${then.field}" must name one property (names and indexes, e.g. "publicip.bandwidth.size"); put wildcards in given.`);
      else fieldPointer = definitePointer(path);
    }
    const judge = makeJudge(then, env, (message, sub = [], part) => fail([...at, 'functionOptions', ...sub], message, part));
    if (judge) thens.push({ fieldPointer, judge });
  });

  if (definition.message !== undefined) {
    for (const match of definition.message.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) {
      const name = match[1] as string;
      if (!TEMPLATE_VARIABLES.includes(name)) {
        fail(['message'], `message uses {{${name}}}, which elb-lint does not fill in; use ${listOf(TEMPLATE_VARIABLES.map((v) => `{{${v}}}`)).replace(/"/g, '')}.${didYouMean(closest(name, TEMPLATE_VARIABLES) && `{{${closest(name, TEMPLATE_VARIABLES)}}}`)}`);
      }
    }
  }
  if (!ok) return undefined;

  const ruleId = `policy/${definition.name}`;
  const description = definition.description?.trim() || `Custom policy "${definition.name}" from rules.yaml.`;
  const check: PolicyCheck = {
    ruleId,
    kind: definition.kind,
    run: (body) => runPolicy(givens, thens, (failure) => renderMessage(definition, failure), body),
  };

  return {
    name: definition.name,
    ruleId,
    severity: definition.severity,
    check,
    definition,
    meta: (defaultSeverity) => ({
      id: ruleId,
      severity: definition.severity === undefined || definition.severity === 'off' ? defaultSeverity : definition.severity,
      description,
      docs: POLICY_DOCS,
    }),
  };
}

/** A parsed path that jsonpath-plus will read exactly as jsonpath.ts did, or why not. */
function checkedPath(text: string, relative: boolean): JsonPath | string {
  if (text.trim() === '') return 'it is empty';
  const parsed = parseJsonPath(text, { relative });
  if (!parsed.ok) return parsed.reason;
  const tokens = JSONPath.toPathArray(parsed.path.canonical);
  if (tokens.length !== parsed.path.tokens.length || tokens.some((token, index) => token !== parsed.path.tokens[index])) {
    return 'jsonpath-plus would read it differently from its plain meaning';
  }
  return parsed.path;
}

/** The function's judge, once its functionOptions are known to be right; undefined after reporting why not. */
function makeJudge(then: ThenDefinition, env: FunctionEnv, problem: Problem): Judge | undefined {
  const fn = POLICY_FUNCTIONS_BY_NAME[then.function];
  const options = then.functionOptions ?? {};
  let ok = true;
  const fail: Problem = (message, path, part) => {
    ok = false;
    problem(message, path, part);
  };
  const allowed = fn.options;
  for (const key of Object.keys(options)) {
    if (allowed.includes(key)) continue;
    fail(allowed.length === 0
      ? `${fn.name} takes no functionOptions; remove "${key}".`
      : `${fn.name} has no option "${key}"; ${allowed.length === 1 ? 'its option is' : 'its options are'} ${listOf(allowed).replace(/ or (\S+)$/, ' and $1')}.${didYouMean(closest(key, allowed))}`, [key], 'key');
  }
  const judge = fn.compile(options, fail, env);
  return ok ? judge : undefined;
}

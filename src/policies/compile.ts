// Custom policies from rules.yaml (config.md): `given` JSONPath, `then` with a built-in function
// (the Spectral core set), compiled once into the engine's PolicyCheck. JSONPath is evaluated
// by jsonpath-plus with script evaluation off, and only after jsonpath.ts has accepted the path.
// This module, jsonpath-plus and (for the `schema` function) Ajv load only when a configuration
// has policies.

import { JSONPath } from 'jsonpath-plus';
import type { PolicyCheck } from '../engine/lint-body.js';
import { childPointer, fieldName, getAt, hasAt, isObject } from '../json/pointer.js';
import type { Kind, RuleMeta, Severity, SeveritySetting } from '../model.js';
import type { Report } from '../rules/rule.js';
import { listOf, show } from '../text/show.js';
import { closest, didYouMean } from '../text/suggest.js';
import { definitePointer, parseJsonPath, type JsonPath } from './jsonpath.js';
import { compileUserRegex, type UserRegex } from '../config/regex.js';
import type { PolicyFunctionName } from '../config/schema.js';
import type { YamlPath } from '../config/yaml-source.js';

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

interface Target {
  pointer: string;
  value: unknown;
  present: boolean;
}

interface Failure {
  pointer: string;
  value: unknown;
  reason: string;
}

type Judge = (target: Target) => Failure[];

const TEMPLATE_VARIABLES = ['value', 'path', 'pointer', 'error'];

export async function compilePolicies(inputs: readonly PolicyInput[], isPlaceholder: (value: unknown) => boolean): Promise<CompiledPolicy[]> {
  const needsAjv = inputs.some(({ definition }) => thenList(definition).some((then) => then.function === 'schema'));
  const ajv = needsAjv ? await createAjv() : undefined;
  const compiled: CompiledPolicy[] = [];
  for (const input of inputs) {
    const policy = compilePolicy(input, isPlaceholder, ajv);
    if (policy) compiled.push(policy);
  }
  return compiled;
}

function thenList(definition: PolicyDefinition): ThenDefinition[] {
  return Array.isArray(definition.then) ? definition.then : [definition.then];
}

function compilePolicy(input: PolicyInput, isPlaceholder: (value: unknown) => boolean, ajv: AjvLike | undefined): CompiledPolicy | undefined {
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

  const thens: { fieldPointer: string | undefined; judge: Judge }[] = [];
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
    const judge = makeJudge(then, isPlaceholder, ajv, (message, sub = [], part) => fail([...at, 'functionOptions', ...sub], message, part));
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
  const render = (failure: Failure): string => {
    if (definition.message === undefined) return definition.description ? `${failure.reason} ${definition.description.trim()}` : failure.reason;
    return definition.message.replace(/\{\{\s*(value|path|pointer|error)\s*\}\}/g, (_, name: string) => {
      switch (name) {
        case 'value': return templateValue(failure.value);
        case 'path': return jsonPathOf(failure.pointer);
        case 'pointer': return failure.pointer;
        default: return failure.reason;
      }
    });
  };

  const check: PolicyCheck = {
    ruleId,
    kind: definition.kind,
    run(body: unknown): Report[] {
      const reports: Report[] = [];
      const seen = new Set<string>();
      for (const given of givens) {
        for (const match of evaluate(given, body)) {
          for (const then of thens) {
            let target: Target;
            if (then.fieldPointer !== undefined) {
              if (typeof match.value !== 'object' || match.value === null) continue;
              const pointer = match.pointer + then.fieldPointer;
              target = { pointer, value: getAt(body, pointer), present: hasAt(body, pointer) };
            } else {
              target = { pointer: match.pointer, value: match.value, present: true };
            }
            for (const failure of then.judge(target)) {
              const message = render(failure);
              const key = `${failure.pointer}\u0000${message}`;
              if (seen.has(key)) continue;
              seen.add(key);
              reports.push({ pointer: failure.pointer, message });
            }
          }
        }
      }
      return reports;
    },
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

/** Every value the path selects, with its pointer; values reached through strings (e.g. `.length`) are dropped. */
function evaluate(path: JsonPath, body: unknown): { pointer: string; value: unknown }[] {
  if (typeof body !== 'object' || body === null) return [];
  const results = JSONPath({ path: path.canonical, json: body, eval: false, resultType: 'all', wrap: true }) as { pointer: string; value: unknown }[] | undefined;
  return (results ?? []).filter((result) => hasAt(body, result.pointer) && getAt(body, result.pointer) === result.value);
}

type Problem = (message: string, path?: YamlPath, part?: 'key' | 'value') => void;

const OPTION_KEYS: Record<PolicyFunctionName, readonly string[]> = {
  truthy: [],
  falsy: [],
  defined: [],
  undefined: [],
  pattern: ['match', 'notMatch'],
  enumeration: ['values'],
  length: ['min', 'max'],
  range: ['min', 'max'],
  schema: ['schema'],
  equals: ['value'],
};

function makeJudge(then: ThenDefinition, isPlaceholder: (value: unknown) => boolean, ajv: AjvLike | undefined, problem: Problem): Judge | undefined {
  const name = then.function;
  const options = then.functionOptions ?? {};
  const allowed = OPTION_KEYS[name];
  let ok = true;
  const fail: Problem = (message, path, part) => {
    ok = false;
    problem(message, path, part);
  };
  for (const key of Object.keys(options)) {
    if (allowed.includes(key)) continue;
    fail(allowed.length === 0
      ? `${name} takes no functionOptions; remove "${key}".`
      : `${name} has no option "${key}"; ${allowed.length === 1 ? 'its option is' : 'its options are'} ${listOf(allowed).replace(/ or (\S+)$/, ' and $1')}.${didYouMean(closest(key, allowed))}`, [key], 'key');
  }
  const unknown = (value: unknown) => isPlaceholder(value);
  const named = (target: Target) => fieldName(target.pointer);

  switch (name) {
    case 'truthy':
      return ok ? (t) => (t.present && (unknown(t.value) || t.value) ? [] : [{ ...t, reason: t.present ? `${named(t)} is ${show(t.value)}, but this policy requires a truthy value (not false, 0, "" or null).` : `${named(t)} is missing, but this policy requires it, with a truthy value.` }]) : undefined;
    case 'falsy':
      return ok ? (t) => (!t.present || unknown(t.value) || !t.value ? [] : [{ ...t, reason: `${named(t)} is ${show(t.value)}, but this policy requires it to be left out or falsy (false, 0, "" or null).` }]) : undefined;
    case 'defined':
      return ok ? (t) => (t.present ? [] : [{ ...t, reason: `${named(t)} is missing, but this policy requires it.` }]) : undefined;
    case 'undefined':
      return ok ? (t) => (!t.present ? [] : [{ ...t, reason: `${named(t)} is set (to ${show(t.value)}), but this policy requires it to be left out.` }]) : undefined;
    case 'pattern': {
      if (options.match === undefined && options.notMatch === undefined) fail('pattern needs "match" or "notMatch" (a regular expression) in functionOptions.', [], 'key');
      const compile = (key: 'match' | 'notMatch'): UserRegex | undefined => {
        const source = options[key];
        if (source === undefined) return undefined;
        if (typeof source !== 'string') {
          fail(`pattern option "${key}" must be a regular expression written as a string, not ${show(source)}.`, [key]);
          return undefined;
        }
        const regex = compileUserRegex(source);
        if (typeof regex === 'string') fail(`pattern option "${key}" is not a valid regular expression: ${regex}.`, [key]);
        return typeof regex === 'string' ? undefined : regex;
      };
      const match = compile('match');
      const notMatch = compile('notMatch');
      if (!ok) return undefined;
      return (t) => {
        if (!t.present || unknown(t.value) || (typeof t.value !== 'string' && typeof t.value !== 'number')) return [];
        const text = String(t.value);
        if (match && !match.regex.test(text)) return [{ ...t, reason: `${named(t)} is ${show(t.value)}, which does not match ${match.shown}.` }];
        if (notMatch && notMatch.regex.test(text)) return [{ ...t, reason: `${named(t)} is ${show(t.value)}, which matches ${notMatch.shown}, and this policy forbids that.` }];
        return [];
      };
    }
    case 'enumeration': {
      const values = options.values;
      if (!Array.isArray(values) || values.length === 0 || values.some((value) => value !== null && typeof value === 'object')) {
        fail('enumeration needs "values": a non-empty list of strings, numbers or booleans.', options.values === undefined ? [] : ['values'], options.values === undefined ? 'key' : 'value');
        return undefined;
      }
      if (!ok) return undefined;
      const strings = values.filter((value): value is string => typeof value === 'string');
      return (t) => {
        if (!t.present || unknown(t.value) || values.includes(t.value)) return [];
        const near = typeof t.value === 'string' ? closest(t.value, strings) : undefined;
        return [{ ...t, reason: `${named(t)} is ${show(t.value)}, but this policy allows only ${listOf(values)}.${didYouMean(near)}` }];
      };
    }
    case 'length':
    case 'range': {
      const bounds = checkBounds(name, options, fail);
      if (!bounds || !ok) return undefined;
      const words = boundsWords(bounds);
      const outside = (n: number) => (bounds.min !== undefined && n < bounds.min) || (bounds.max !== undefined && n > bounds.max);
      if (name === 'range') {
        return (t) => (!t.present || unknown(t.value) || typeof t.value !== 'number' || !outside(t.value) ? [] : [{ ...t, reason: `${named(t)} is ${show(t.value)}, but this policy requires ${words}.` }]);
      }
      return (t) => {
        if (!t.present || unknown(t.value)) return [];
        const measured = measure(t.value);
        if (!measured || !outside(measured.size)) return [];
        return [{ ...t, reason: `${named(t)} has ${measured.size} ${measured.unit}, but this policy requires ${words}.` }];
      };
    }
    case 'schema': {
      const schema = options.schema;
      if (!isObject(schema) && typeof schema !== 'boolean') {
        fail('schema needs "schema": an inline JSON Schema (a mapping).', schema === undefined ? [] : ['schema'], schema === undefined ? 'key' : 'value');
        return undefined;
      }
      let validate: ValidateLike;
      try {
        validate = (ajv as AjvLike).compile(schema);
      } catch (error) {
        fail(`the inline JSON Schema cannot be used: ${error instanceof Error ? error.message : String(error)}.`, ['schema']);
        return undefined;
      }
      if (!ok) return undefined;
      return (t) => {
        if (!t.present || unknown(t.value) || validate(t.value)) return [];
        const failures: Failure[] = [];
        for (const error of validate.errors ?? []) {
          let pointer = t.pointer + error.instancePath;
          let text = error.message ?? 'is not valid';
          if (error.keyword === 'required') {
            pointer = childPointer(pointer, String(error.params.missingProperty));
            text = 'is missing';
          } else if (error.keyword === 'additionalProperties') {
            pointer = childPointer(pointer, String(error.params.additionalProperty));
            text = 'is not allowed here';
          }
          const value = getAt(t.value, pointer.slice(t.pointer.length));
          if (error.keyword !== 'required' && unknown(value)) continue;
          failures.push({ pointer, value, reason: `${fieldName(pointer)} ${text}.` });
        }
        return failures;
      };
    }
    case 'equals': {
      if (!Object.hasOwn(options, 'value')) {
        fail('equals needs "value": the value the field must have.', [], 'key');
        return undefined;
      }
      if (!ok) return undefined;
      const expected = JSON.stringify(options.value);
      return (t) => (!t.present || unknown(t.value) || JSON.stringify(t.value) === expected ? [] : [{ ...t, reason: `${named(t)} is ${show(t.value)}, but this policy requires ${show(options.value)}.` }]);
    }
  }
}

interface Bounds {
  min?: number;
  max?: number;
}

function checkBounds(name: 'length' | 'range', options: Record<string, unknown>, fail: Problem): Bounds | undefined {
  const bounds: Bounds = {};
  for (const key of ['min', 'max'] as const) {
    const value = options[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || (name === 'length' && (!Number.isInteger(value) || value < 0))) {
      fail(`${name} option "${key}" must be ${name === 'length' ? 'a whole number of 0 or more' : 'a number'}, not ${show(value)}.`, [key]);
      return undefined;
    }
    bounds[key] = value;
  }
  if (bounds.min === undefined && bounds.max === undefined) {
    fail(`${name} needs "min", "max" or both in functionOptions.`, [], 'key');
    return undefined;
  }
  if (bounds.min !== undefined && bounds.max !== undefined && bounds.min > bounds.max) {
    fail(`${name} option "min" (${bounds.min}) is greater than "max" (${bounds.max}); nothing could pass.`, ['min']);
    return undefined;
  }
  return bounds;
}

function boundsWords(bounds: Bounds): string {
  if (bounds.min !== undefined && bounds.max !== undefined) return `between ${bounds.min} and ${bounds.max}`;
  return bounds.min !== undefined ? `at least ${bounds.min}` : `at most ${String(bounds.max)}`;
}

/** Spectral's `length`: characters of a string, items of an array, properties of an object. */
function measure(value: unknown): { size: number; unit: string } | undefined {
  if (typeof value === 'string') {
    const size = [...value].length;
    return { size, unit: size === 1 ? 'character' : 'characters' };
  }
  if (Array.isArray(value)) return { size: value.length, unit: value.length === 1 ? 'item' : 'items' };
  if (isObject(value)) {
    const size = Object.keys(value).length;
    return { size, unit: size === 1 ? 'property' : 'properties' };
  }
  return undefined;
}

function templateValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return 'undefined';
  const json = JSON.stringify(value);
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
}

/** `/loadbalancer/tags/0/key` → `$.loadbalancer.tags[0].key`. */
function jsonPathOf(pointer: string): string {
  let path = '$';
  if (pointer === '') return path;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^(0|[1-9]\d*)$/.test(segment)) path += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment)) path += `.${segment}`;
    else path += `['${segment.replace(/'/g, "\\'")}']`;
  }
  return path;
}

// Ajv, only for the `schema` function, loaded on first need.
interface ValidateLike {
  (data: unknown): boolean;
  errors?: { instancePath: string; keyword: string; params: Record<string, unknown>; message?: string }[] | null;
}

interface AjvLike {
  compile(schema: unknown): ValidateLike;
}

async function createAjv(): Promise<AjvLike> {
  const [{ default: Ajv }, { default: addFormats }] = await Promise.all([import('ajv'), import('ajv-formats')]);
  const AjvClass = Ajv as unknown as new (options: object) => AjvLike;
  // Unknown keywords are typos worth an error; the stricter checks reject ordinary user schemas.
  const ajv = new AjvClass({ allErrors: true, strict: true, strictRequired: false, strictTypes: false, strictTuples: false });
  (addFormats as unknown as (ajv: AjvLike) => void)(ajv);
  return ajv;
}

// rules.yaml against its JSON Schema (the precompiled validator), with Ajv's errors turned into
// messages that say what is wrong, what is allowed, and where.

import { parsePointer } from '../json/pointer.js';
import { KINDS } from '../model.js';
import type { AjvError } from '../schema/validator.js';
import { describeType, listOf, show } from '../text/show.js';
import { closest, didYouMean } from '../text/suggest.js';
import { validateConfig } from './generated/validator.js';
import { CONFIG_SCHEMA, POLICY_FUNCTIONS, SEVERITY_SETTINGS } from './schema.js';
import type { YamlPath } from './yaml-source.js';

export interface SchemaProblem {
  path: YamlPath;
  part: 'key' | 'value';
  message: string;
}

export function schemaProblems(value: unknown): SchemaProblem[] {
  if (validateConfig(value)) return [];
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of validateConfig.errors ?? []) {
    const problem = describe(error, value);
    const key = `${problem.path.join('\u0000')}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

function describe(error: AjvError, root: unknown): SchemaProblem {
  const path: (string | number)[] = parsePointer(error.instancePath).map((segment) => (/^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : segment));
  const value = valueAt(root, path);
  const where = describePath(path);
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const allowed = Object.keys(schemaAt(path)?.properties ?? {});
      return {
        path: [...path, key],
        part: 'key',
        message: `unknown key "${key}" in ${where === '' ? 'the configuration' : where}; the keys are ${listOf(allowed).replace(/ or (\S+)$/, ' and $1')}.${didYouMean(closest(key, allowed))}`,
      };
    }
    case 'required':
      return { path, part: 'value', message: `${where === '' ? 'the configuration' : where} needs "${String(error.params.missingProperty)}".` };
    case 'type':
      return { path, part: 'value', message: `${where} must be ${typeWords(error.params.type)}, not ${describeType(value)}.` };
    case 'enum':
      return { path, part: 'value', message: enumMessage(path, value) };
    case 'pattern':
      return { path, part: 'value', message: `policy name ${show(value)} must be lowercase letters and digits, in words joined by "-" (it becomes the rule ID policy/<name>), e.g. "deletion-protection".` };
    case 'minItems':
      return { path, part: 'value', message: `${where} needs at least one entry.` };
    default:
      return { path, part: 'value', message: `${where} ${error.message ?? 'is not valid'}.` };
  }
}

function enumMessage(path: readonly (string | number)[], value: unknown): string {
  const last = String(path.at(-1));
  const parent = path.at(-2);
  const near = (options: readonly string[]) => {
    if (typeof value !== 'string') return '';
    // "warn" for "warning", "create-lb" for "create-loadbalancer": a prefix is as telling as a typo.
    const prefix = value.length >= 3 ? options.find((option) => option.startsWith(value.toLowerCase().slice(0, Math.max(3, value.length - 2)))) : undefined;
    return didYouMean(closest(value, options) ?? prefix);
  };
  if (parent === 'rules') {
    return `the severity of ${last} is ${show(value)}; use ${listOf(SEVERITY_SETTINGS)}.${near(SEVERITY_SETTINGS)}`;
  }
  if (parent === 'kinds') {
    return `the kind for "${last}" is ${show(value)}; use ${listOf(KINDS)}.${near(KINDS)}`;
  }
  if (last === 'function') {
    return `${show(value)} is not a policy function; use ${listOf(POLICY_FUNCTIONS)}.${near(POLICY_FUNCTIONS)}`;
  }
  if (last === 'severity') {
    return `${describePath(path)} is ${show(value)}; use ${listOf(SEVERITY_SETTINGS)}.${near(SEVERITY_SETTINGS)}`;
  }
  return `${describePath(path)} is ${show(value)}; use ${listOf(KINDS)}.${near(KINDS)}`;
}

function typeWords(type: unknown): string {
  const words: Record<string, string> = { object: 'a mapping (key: value)', array: 'a list', string: 'a string', number: 'a number', boolean: 'true or false' };
  if (Array.isArray(type)) {
    if (type.includes('string') && type.includes('array')) return 'a string or a list of strings';
    if (type.includes('object') && type.includes('array')) return 'a mapping or a list of mappings';
    return type.map((name) => words[String(name)] ?? String(name)).join(' or ');
  }
  return words[String(type)] ?? String(type);
}

/** `policies[0].then.function`, `rules.pool/any-port`. */
export function describePath(path: readonly (string | number)[]): string {
  let text = '';
  for (const segment of path) text += typeof segment === 'number' ? `[${segment}]` : `${text === '' ? '' : '.'}${segment}`;
  return text;
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let current = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  additionalProperties?: SchemaNode | boolean;
}

function schemaAt(path: readonly (string | number)[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = CONFIG_SCHEMA as unknown as SchemaNode;
  for (const segment of path) {
    if (!node) return undefined;
    if (typeof segment === 'number') node = node.items;
    else node = node.properties?.[segment] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
  }
  return node;
}

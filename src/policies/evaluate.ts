// Running a compiled policy on a body: each `given` path selects values, each `then` looks at the
// value (or its `field`) through its function's judge, and each failure becomes a report with
// the policy's message.

import { JSONPath } from 'jsonpath-plus';
import { getAt, hasAt } from '../json/pointer.js';
import type { Report } from '../rules/rule.js';
import type { JsonPath } from './jsonpath.js';
import type { Failure, Judge, Target } from './types.js';

export interface CompiledThen {
  /** The `field` below each selected value, as a pointer suffix; undefined for the value itself. */
  fieldPointer: string | undefined;
  judge: Judge;
}

/** The variables a policy's `message` may use. */
export const TEMPLATE_VARIABLES = ['value', 'path', 'pointer', 'error'];

export function runPolicy(givens: readonly JsonPath[], thens: readonly CompiledThen[], render: (failure: Failure) => string, body: unknown): Report[] {
  const reports: Report[] = [];
  const seen = new Set<string>();
  for (const given of givens) {
    for (const match of select(given, body)) {
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
}

/** Every value the path selects, with its pointer; values reached through strings (e.g. `.length`) are dropped. */
function select(path: JsonPath, body: unknown): { pointer: string; value: unknown }[] {
  if (typeof body !== 'object' || body === null) return [];
  const results = JSONPath({ path: path.canonical, json: body, eval: false, resultType: 'all', wrap: true }) as { pointer: string; value: unknown }[] | undefined;
  return (results ?? []).filter((result) => hasAt(body, result.pointer) && getAt(body, result.pointer) === result.value);
}

/** The policy's `message` with its variables filled in; without one, the reason and the description. */
export function renderMessage(definition: { message?: string | undefined; description?: string | undefined }, failure: Failure): string {
  if (definition.message === undefined) return definition.description ? `${failure.reason} ${definition.description.trim()}` : failure.reason;
  return definition.message.replace(/\{\{\s*(value|path|pointer|error)\s*\}\}/g, (_, name: string) => {
    switch (name) {
      case 'value': return templateValue(failure.value);
      case 'path': return jsonPathOf(failure.pointer);
      case 'pointer': return failure.pointer;
      default: return failure.reason;
    }
  });
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

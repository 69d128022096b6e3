// Spectral's `schema`: the value validates against an inline JSON Schema. Ajv (with its
// compiler) loads only when a configuration uses this function.

import { fieldName, getAt, isObject } from '../../json/pointer.js';
import { errorPointer } from '../../schema/error-pointer.js';
import type { AjvLike, Failure, PolicyFunction } from '../types.js';

export const schema: PolicyFunction = {
  name: 'schema',
  options: ['schema'],
  compile(options, fail, { isPlaceholder, ajv }) {
    const inline = options.schema;
    if (!isObject(inline) && typeof inline !== 'boolean') {
      fail('schema needs "schema": an inline JSON Schema (a mapping).', inline === undefined ? [] : ['schema'], inline === undefined ? 'key' : 'value');
      return undefined;
    }
    if (!ajv) throw new Error('the schema policy function was compiled without Ajv');
    let validate: ReturnType<AjvLike['compile']>;
    try {
      validate = ajv.compile(inline);
    } catch (error) {
      fail(`the inline JSON Schema cannot be used: ${error instanceof Error ? error.message : String(error)}.`, ['schema']);
      return undefined;
    }
    return (t) => {
      if (!t.present || isPlaceholder(t.value) || validate(t.value)) return [];
      const failures: Failure[] = [];
      for (const error of validate.errors ?? []) {
        const pointer = errorPointer(error, t.pointer);
        const value = getAt(t.value, pointer.slice(t.pointer.length));
        const missing = error.keyword === 'required' || error.keyword === 'dependentRequired';
        if (!missing && isPlaceholder(value)) continue;
        const text = missing ? 'is missing' : error.keyword === 'additionalProperties' ? 'is not allowed here' : (error.message ?? 'is not valid');
        failures.push({ pointer, value, reason: `${fieldName(pointer)} ${text}.` });
      }
      return failures;
    };
  },
};

export async function loadAjv(): Promise<AjvLike> {
  const [{ default: Ajv }, { default: addFormats }] = await Promise.all([import('ajv'), import('ajv-formats')]);
  const AjvClass = Ajv as unknown as new (options: object) => AjvLike;
  // Unknown keywords are typos worth an error; the stricter checks reject ordinary user schemas.
  const ajv = new AjvClass({ allErrors: true, strict: true, strictRequired: false, strictTypes: false, strictTuples: false });
  (addFormats as unknown as (ajv: AjvLike) => void)(ajv);
  return ajv;
}

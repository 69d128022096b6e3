// Where an Ajv error points. Ajv reports a missing or unexpected property at the object that
// holds it; elb-lint reports it at the property itself (rules.md), for the request schemas and
// for the inline schemas of custom policies alike.

import { childPointer } from '../json/pointer.js';
import type { AjvError } from './validator.js';

/** Keywords whose error is about a property of the object at instancePath, and the param naming it. */
const PROPERTY_PARAMS: Readonly<Record<string, string>> = {
  required: 'missingProperty',
  dependentRequired: 'missingProperty',
  additionalProperties: 'additionalProperty',
};

/** True when the error names a property (missing or not allowed) rather than a wrong value. */
export function isAboutAProperty(keyword: string): boolean {
  return Object.hasOwn(PROPERTY_PARAMS, keyword);
}

/** The pointer of what the error is about; `base` is where the validated value sits in the body. */
export function errorPointer(error: Pick<AjvError, 'keyword' | 'instancePath' | 'params'>, base = ''): string {
  const at = base + error.instancePath;
  if (!isAboutAProperty(error.keyword)) return at;
  return childPointer(at, String(error.params[PROPERTY_PARAMS[error.keyword] as string]));
}

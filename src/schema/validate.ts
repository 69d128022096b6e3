// Runs a kind's precompiled validator and turns Ajv's errors into located issues: one issue per
// violation, at the pointer rules.md names, with placeholders accepted as valid values.

import { getAt, parsePointer } from '../json/pointer.js';
import type { Kind } from '../model.js';
import { errorPointer, isAboutAProperty } from './error-pointer.js';
import type { Schema } from './fields.js';
import type { SchemaIssue } from './issue.js';
import * as validators from './generated/validators.js';
import { SCHEMAS, VALIDATOR_NAMES } from './schemas.js';
import type { AjvError, CompiledValidator } from './validator.js';

/** Each kind's validator, looked up once: a bundled module namespace reads its exports through getters. */
const VALIDATORS = Object.fromEntries(
  Object.entries(VALIDATOR_NAMES).map(([kind, name]) => [kind, (validators as Record<string, CompiledValidator>)[name] as CompiledValidator]),
) as Record<Kind, CompiledValidator>;

export function schemaIssues(kind: Kind, body: unknown, isPlaceholder: (value: unknown) => boolean): SchemaIssue[] {
  const validate = VALIDATORS[kind];
  if (validate(body)) return [];
  const issues: SchemaIssue[] = [];
  for (const error of unwrap(validate.errors ?? [])) {
    const pointer = errorPointer(error.ajv);
    const aboutProperty = isAboutAProperty(error.ajv.keyword);
    const value = aboutProperty ? undefined : getAt(body, pointer);
    if (!aboutProperty && isPlaceholder(value)) continue;
    issues.push({
      keyword: error.ajv.keyword,
      params: error.ajv.params,
      pointer,
      value,
      schema: schemaAt(SCHEMAS[kind], aboutProperty ? error.ajv.instancePath : pointer),
      customMessage: error.customMessage,
      kind,
    });
  }
  return oneIssuePerViolation(issues);
}

/** ajv-errors wraps the errors it rewords; take the originals back with the new wording. */
function unwrap(errors: AjvError[]): { ajv: AjvError; customMessage: string | undefined }[] {
  return errors.flatMap((error) =>
    error.keyword === 'errorMessage'
      ? (error.params.errors as AjvError[]).map((original) => ({ ajv: original, customMessage: error.message }))
      : [{ ajv: error, customMessage: undefined }],
  );
}

/** A wrong type makes every other complaint about the same value noise. */
function oneIssuePerViolation(issues: SchemaIssue[]): SchemaIssue[] {
  const wrongType = new Set(issues.filter((issue) => issue.keyword === 'type').map((issue) => issue.pointer));
  const seen = new Set<string>();
  return issues.filter((issue) => {
    if (issue.keyword !== 'type' && wrongType.has(issue.pointer)) return false;
    const key = `${issue.keyword}\u0000${issue.pointer}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The subschema that describes the value at `pointer`. */
export function schemaAt(root: Schema, pointer: string): Schema | undefined {
  let schema: Schema | undefined = root;
  for (const segment of parsePointer(pointer)) {
    if (!schema) return undefined;
    if (schema.type === 'array') schema = schema.items as Schema | undefined;
    else {
      const properties = schema.properties as Record<string, Schema> | undefined;
      schema = properties && Object.hasOwn(properties, segment) ? properties[segment] : undefined;
    }
  }
  return schema;
}

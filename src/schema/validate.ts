// Runs a kind's precompiled validator and turns Ajv's errors into located issues: one issue per
// violation, at the pointer rules.md names, with placeholders accepted as valid values.

import { childPointer, getAt, parsePointer } from '../json/pointer.js';
import type { Kind } from '../model.js';
import type { Schema } from './fields.js';
import type { SchemaIssue } from './issue.js';
import * as validators from './generated/validators.js';
import { SCHEMAS, VALIDATOR_NAMES } from './schemas.js';
import type { AjvError, CompiledValidator } from './validator.js';

/** Keywords whose value is the field itself, not a property of it. */
const ABOUT_A_PROPERTY = new Set(['required', 'dependentRequired', 'additionalProperties']);

export function schemaIssues(kind: Kind, body: unknown, isPlaceholder: (value: unknown) => boolean): SchemaIssue[] {
  const validate = (validators as Record<string, CompiledValidator>)[VALIDATOR_NAMES[kind]] as CompiledValidator;
  if (validate(body)) return [];
  const issues: SchemaIssue[] = [];
  for (const error of unwrap(validate.errors ?? [])) {
    const pointer = pointerOf(error.ajv);
    const aboutProperty = ABOUT_A_PROPERTY.has(error.ajv.keyword);
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

function pointerOf(error: AjvError): string {
  if (error.keyword === 'required' || error.keyword === 'dependentRequired') {
    return childPointer(error.instancePath, String(error.params.missingProperty));
  }
  if (error.keyword === 'additionalProperties') {
    return childPointer(error.instancePath, String(error.params.additionalProperty));
  }
  return error.instancePath;
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

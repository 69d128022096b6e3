// One Ajv error as the schema rules see it: unwrapped, located, with the schema of the value.
// Produced by schema/validate.ts, worded by the schema rules (rules/schema/).

import type { Kind } from '../model.js';
import type { Schema } from './fields.js';

/** One Ajv error, unwrapped and located. */
export interface SchemaIssue {
  /** The Ajv keyword that failed (after unwrapping ajv-errors' errorMessage). */
  keyword: string;
  params: Record<string, unknown>;
  pointer: string;
  /** The value at `pointer` (undefined for a missing property). */
  value: unknown;
  /** The schema of the value at `pointer`, or, for unknown and missing fields, of the object holding it. */
  schema: Schema | undefined;
  /** The plain-words message declared in the schema (errorMessage), if any. */
  customMessage: string | undefined;
  kind: Kind;
}

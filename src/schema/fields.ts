// Small builders so the two request schemas read like the fact sheet's tables.
// Every object is closed (additionalProperties: false): a typo'd field is a finding, not a
// field the API silently drops.

export type Schema = { [keyword: string]: unknown };

export function object(properties: Record<string, Schema>, required: string[] = [], description?: string): Schema {
  return { type: 'object', ...(description && { description }), properties, required, additionalProperties: false };
}

export function string(description: string, options: { min?: number; max?: number } = {}): Schema {
  return {
    type: 'string',
    description,
    ...(options.min !== undefined && { minLength: options.min }),
    ...(options.max !== undefined && { maxLength: options.max }),
  };
}

/** A string matching `regex`; `inWords` is the message users see (ajv-errors). */
export function patterned(description: string, regex: string, inWords: string, options: { min?: number; max?: number } = {}): Schema {
  return { ...string(description, options), pattern: regex, errorMessage: { pattern: inWords } };
}

export function formatted(description: string, format: 'uuid' | 'ipv4' | 'ipv6' | 'ip'): Schema {
  return { type: 'string', description, format };
}

export function oneOf(description: string, values: readonly string[]): Schema {
  return { type: 'string', description, enum: [...values] };
}

/** An integer whose range, if any, holds whatever the other fields say. */
export function integer(description: string, range?: { min: number; max: number }): Schema {
  return { type: 'integer', description, ...(range && { minimum: range.min, maximum: range.max }) };
}

export function boolean(description: string): Schema {
  return { type: 'boolean', description };
}

export function arrayOf(items: Schema, description: string, options: { min?: number; max?: number; unique?: boolean } = {}): Schema {
  return {
    type: 'array',
    description,
    items,
    ...(options.min !== undefined && { minItems: options.min }),
    ...(options.max !== undefined && { maxItems: options.max }),
    ...(options.unique && { uniqueItems: true }),
  };
}

/** The request body: exactly one wrapper key. */
export function requestBody(wrapper: string, option: Schema, title: string): Schema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title,
    type: 'object',
    properties: { [wrapper]: option },
    required: [wrapper],
    additionalProperties: false,
  };
}

export const PROJECT_ID = patterned(
  'Ignored: the server uses the project ID from the URL.',
  '^[0-9a-z]{32}$',
  'must be 32 lowercase letters and digits',
);

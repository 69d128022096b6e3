// `null` for an optional field means "not given" (rules.md, decided edge cases): the API's JSON
// decoding treats it as absent, and the Huawei Terraform provider sends `"tags": null` for every
// load balancer without tags. Such members are taken out before the schema and the rules see the
// body, so neither can tell them from a missing field. A `null` for a required field stays, and is
// schema/type (not schema/required as well). Pointers are unchanged: only members are dropped, and
// array elements keep their indexes.

import type { Kind } from '../model.js';
import type { Schema } from './fields.js';
import { SCHEMAS } from './schemas.js';

/**
 * The body without optional `null` members; the very same value when it has none (the common
 * case). `mayHoldNull` false (its text does not have the word) means nothing to drop: no walk.
 */
export function withoutOptionalNulls(kind: Kind, body: unknown, mayHoldNull: boolean): unknown {
  return mayHoldNull ? strip(body, SCHEMAS[kind]) : body;
}

/**
 * The value walked beside its schema. It recurses only as deep as the schema goes (five levels),
 * and copies an object or array only on the path to a dropped member.
 */
function strip(value: unknown, schema: Schema | undefined): unknown {
  if (schema === undefined || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const items = schema.items as Schema | undefined;
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = strip(value[i], items);
      if (item !== value[i]) (copy ??= [...value])[i] = item;
    }
    return copy ?? value;
  }
  const properties = schema.properties as Record<string, Schema> | undefined;
  if (!properties) return value;
  const required = (schema.required as readonly string[] | undefined) ?? [];
  const object = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(object)) {
    if (!Object.hasOwn(properties, key)) continue;
    const member = object[key];
    if (member === null) {
      if (required.includes(key)) continue;
      copy ??= { ...object };
      delete copy[key];
      continue;
    }
    const stripped = strip(member, properties[key]);
    if (stripped !== member) (copy ??= { ...object })[key] = stripped;
  }
  return copy ?? value;
}

// The request schemas by kind: the build compiles them into standalone validators, and
// `--print-schema` prints them for editors.

import type { Kind } from '../model.js';
import type { Schema } from './fields.js';
import { loadBalancerSchema } from './loadbalancer.js';
import { masterSlavePoolSchema } from './master-slave-pool.js';

export const SCHEMAS: Record<Kind, Schema> = {
  'create-loadbalancer': loadBalancerSchema,
  'create-master-slave-pool': masterSlavePoolSchema,
};

/** The export name of each kind's validator in the generated module. */
export const VALIDATOR_NAMES: Record<Kind, string> = {
  'create-loadbalancer': 'createLoadbalancer',
  'create-master-slave-pool': 'createMasterSlavePool',
};

/**
 * The schema as editors should see it (`--print-schema`): standard JSON Schema (draft-07) that Ajv
 * compiles in strict mode. The custom "ip" format (IPv4 or IPv6) becomes an anyOf of the two
 * standard ones, and ajv-errors' `errorMessage` (what a pattern allows, in words) moves into the
 * field's description, where editors show it on hover.
 */
export function printableSchema(kind: Kind): Schema {
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (typeof value !== 'object' || value === null) return value;
    const { format, errorMessage, ...rest } = value as Schema;
    const copy: Schema = Object.fromEntries(Object.entries(rest).map(([key, inner]) => [key, rewrite(inner)]));
    const inWords = (errorMessage as { pattern?: unknown } | undefined)?.pattern;
    if (typeof inWords === 'string') copy.description = `${String(copy.description ?? '')} The value ${inWords}.`.trim();
    if (format === 'ip') return { ...copy, anyOf: [{ format: 'ipv4' }, { format: 'ipv6' }] };
    return format === undefined ? copy : { ...copy, format };
  };
  return rewrite(SCHEMAS[kind]) as Schema;
}

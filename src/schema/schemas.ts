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

import { POOL_HEALTHMONITOR } from '../pointers.js';
import { defineRule } from '../rule.js';
import { outside } from '../utils.js';

const RANGES = [
  { field: 'delay', min: 1, max: 50, unit: ' seconds' },
  { field: 'timeout', min: 1, max: 50, unit: ' seconds' },
  { field: 'max_retries', min: 1, max: 10, unit: '' },
  { field: 'max_retries_down', min: 1, max: 10, unit: '' },
].map((range) => ({ ...range, at: POOL_HEALTHMONITOR.child(range.field) }));

export default defineRule({
  id: 'pool/healthmonitor-range',
  severity: 'error',
  description: 'Health-check delay and timeout must be 1–50 seconds, max_retries and max_retries_down 1–10.',
  kinds: ['create-master-slave-pool'],
  check(context) {
    for (const { field, min, max, unit, at } of RANGES) {
      const value = context.number(at);
      if (!outside(value, min, max)) continue;
      context.report({
        pointer: at,
        message: `healthmonitor.${field} is ${value}, but must be between ${min} and ${max}${unit}. Use ${value < min ? min : max}${value < min ? ' or more' : ' or less'}.`,
      });
    }
  },
});

import { pointer } from '../../json/pointer.js';
import { defineRule } from '../rule.js';
import { removeField } from '../utils.js';

const PROTECTION_STATUS = pointer('/loadbalancer/protection_status');
const PROTECTION_REASON = pointer('/loadbalancer/protection_reason');

export default defineRule({
  id: 'lb/protection-reason',
  severity: 'warning',
  description: 'protection_reason has an effect only when protection_status is consoleProtection.',
  kinds: ['create-loadbalancer'],
  hasSuggestions: true,
  check(context) {
    if (!context.hasValid(PROTECTION_REASON)) return;
    const value = context.string(PROTECTION_STATUS);
    // A placeholder or a value the schema reported may still be consoleProtection: do not judge.
    if (context.has(PROTECTION_STATUS) && value === undefined) return;
    if (value === 'consoleProtection') return;
    context.report({
      pointer: PROTECTION_REASON,
      message: `protection_reason is set, but protection_status is ${value === undefined ? 'not set (so "nonProtection")' : `"${value}"`}, and the reason is only kept for console protection. ` +
        'Set protection_status to "consoleProtection", or remove protection_reason.',
      suggestions: [removeField(PROTECTION_REASON)],
    });
  },
});

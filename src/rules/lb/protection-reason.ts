import { LB_PROTECTION_REASON, LB_PROTECTION_STATUS } from '../pointers.js';
import { defineRule } from '../rule.js';
import { removeField } from '../utils.js';

export default defineRule({
  id: 'lb/protection-reason',
  severity: 'warning',
  description: 'protection_reason has an effect only when protection_status is consoleProtection.',
  kinds: ['create-loadbalancer'],
  hasSuggestions: true,
  check(context) {
    if (!context.hasValid(LB_PROTECTION_REASON)) return;
    const value = context.string(LB_PROTECTION_STATUS);
    // A placeholder or a value the schema reported may still be consoleProtection: do not judge.
    if (context.has(LB_PROTECTION_STATUS) && value === undefined) return;
    if (value === 'consoleProtection') return;
    context.report({
      pointer: LB_PROTECTION_REASON,
      message: `protection_reason is set, but protection_status is ${value === undefined ? 'not set (so "nonProtection")' : `"${value}"`}, and the reason is only kept for console protection. ` +
        'Set protection_status to "consoleProtection", or remove protection_reason.',
      suggestions: [removeField(LB_PROTECTION_REASON)],
    });
  },
});

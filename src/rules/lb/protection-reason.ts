import { defineRule } from '../rule.js';
import { LB } from '../utils.js';

export default defineRule({
  id: 'lb/protection-reason',
  severity: 'warning',
  description: 'protection_reason has an effect only when protection_status is consoleProtection.',
  kinds: ['create-loadbalancer'],
  check(context) {
    const status = `${LB}/protection_status`;
    if (!context.hasValid(`${LB}/protection_reason`)) return;
    const value = context.string(status);
    // A placeholder or a value the schema reported may still be consoleProtection: do not judge.
    if (context.has(status) && value === undefined) return;
    if (value === 'consoleProtection') return;
    context.report({
      pointer: `${LB}/protection_reason`,
      message: `protection_reason is set, but protection_status is ${value === undefined ? 'not set (so "nonProtection")' : `"${value}"`}, and the reason is only kept for console protection. ` +
        'Set protection_status to "consoleProtection", or remove protection_reason.',
    });
  },
});

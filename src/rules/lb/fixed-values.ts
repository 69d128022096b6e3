import { show } from '../../text/show.js';
import { defineRule } from '../rule.js';
import { LB } from '../utils.js';

export default defineRule({
  id: 'lb/fixed-values',
  severity: 'error',
  description: 'guaranteed and admin_state_up accept only true, and provider only "vlb".',
  kinds: ['create-loadbalancer'],
  check(context) {
    for (const field of ['guaranteed', 'admin_state_up'] as const) {
      if (context.boolean(`${LB}/${field}`) !== false) continue;
      context.report({
        pointer: `${LB}/${field}`,
        message: `${field} is false, but the API accepts only true (false is rejected with 400). Remove ${field}; it defaults to true.`,
      });
    }
    const provider = context.string(`${LB}/provider`);
    if (provider !== undefined && provider !== 'vlb') {
      context.report({
        pointer: `${LB}/provider`,
        message: `provider is ${show(provider)}, but the only accepted value is "vlb". Remove provider; it defaults to "vlb".`,
        ...(provider.toLowerCase() === 'vlb' && { suggestion: 'vlb' }),
      });
    }
  },
});

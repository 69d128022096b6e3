import { show } from '../../text/show.js';
import { LB, LB_PROVIDER } from '../pointers.js';
import { defineRule } from '../rule.js';
import { removeField } from '../utils.js';

/** Booleans the API accepts only as true. */
const ONLY_TRUE = ['guaranteed', 'admin_state_up'].map((field) => ({ field, at: LB.child(field) }));

export default defineRule({
  id: 'lb/fixed-values',
  severity: 'error',
  description: 'guaranteed and admin_state_up accept only true, and provider only "vlb".',
  kinds: ['create-loadbalancer'],
  fixable: true,
  hasSuggestions: true,
  check(context) {
    for (const { field, at } of ONLY_TRUE) {
      if (context.boolean(at) !== false) continue;
      context.report({
        pointer: at,
        message: `${field} is false, but the API accepts only true (false is rejected with 400). Remove ${field}; it defaults to true.`,
        suggestions: [removeField(at)],
      });
    }
    const provider = context.string(LB_PROVIDER);
    if (provider !== undefined && provider !== 'vlb') {
      context.report({
        pointer: LB_PROVIDER,
        message: `provider is ${show(provider)}, but the only accepted value is "vlb". Remove provider; it defaults to "vlb".`,
        // "VLB" can only mean "vlb"; any other value is removed only by choice.
        ...(provider.toLowerCase() === 'vlb' && { suggestion: 'vlb', fix: { replaceValue: LB_PROVIDER, json: 'vlb' } }),
        suggestions: [removeField(LB_PROVIDER)],
      });
    }
  },
});

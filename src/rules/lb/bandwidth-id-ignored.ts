import { fieldName } from '../../json/pointer.js';
import { LB_PUBLICIP_BANDWIDTH, LB_PUBLICIP_BANDWIDTH_ID } from '../pointers.js';
import { defineRule } from '../rule.js';
import { bandwidthId, removeField } from '../utils.js';

const IGNORED = ['size', 'charge_mode', 'share_type', 'name'].map((field) => ({ field, at: LB_PUBLICIP_BANDWIDTH.child(field) }));

export default defineRule({
  id: 'lb/bandwidth-id-ignored',
  severity: 'warning',
  description: 'With bandwidth.id set, the bandwidth size, charge_mode, share_type and name are ignored.',
  kinds: ['create-loadbalancer'],
  hasSuggestions: true,
  check(context) {
    if (!context.object(LB_PUBLICIP_BANDWIDTH) || bandwidthId(context) !== 'set') return;
    const id = context.string(LB_PUBLICIP_BANDWIDTH_ID);
    for (const { field, at } of IGNORED) {
      if (!context.hasValid(at)) continue;
      context.report({
        pointer: at,
        message: `${fieldName(at.text)} is set, but bandwidth.id ("${id}") reuses an existing shared bandwidth, so ${field} is ignored. Remove ${field}, or remove bandwidth.id to create a new bandwidth.`,
        suggestions: [removeField(at)],
      });
    }
  },
});

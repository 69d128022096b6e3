import { LB_PUBLICIP, LB_PUBLICIP_IDS } from '../pointers.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'lb/public-ip-exclusive',
  severity: 'error',
  description: 'publicip (create a new EIP) and publicip_ids (bind existing EIPs) must not both be sent.',
  kinds: ['create-loadbalancer'],
  check(context) {
    if (!context.hasValid(LB_PUBLICIP) || !context.hasValid(LB_PUBLICIP_IDS)) return;
    context.report({
      pointer: LB_PUBLICIP_IDS,
      message:
        'publicip_ids is set together with publicip, but the two are mutually exclusive: publicip creates a new EIP, publicip_ids binds an existing one. ' +
        'Keep publicip_ids to bind an existing EIP, or publicip to create a new one.',
    });
  },
});

import { defineRule } from '../rule.js';
import { LB } from '../utils.js';

export default defineRule({
  id: 'lb/public-ip-exclusive',
  severity: 'error',
  description: 'publicip (create a new EIP) and publicip_ids (bind existing EIPs) must not both be sent.',
  kinds: ['create-loadbalancer'],
  check(context) {
    if (!context.hasValid(`${LB}/publicip`) || !context.hasValid(`${LB}/publicip_ids`)) return;
    context.report({
      pointer: `${LB}/publicip_ids`,
      message:
        'publicip_ids is set together with publicip, but the two are mutually exclusive: publicip creates a new EIP, publicip_ids binds an existing one. ' +
        'Keep publicip_ids to bind an existing EIP, or publicip to create a new one.',
    });
  },
});

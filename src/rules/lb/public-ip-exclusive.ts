import { pointer } from '../../json/pointer.js';
import { defineRule } from '../rule.js';

const PUBLICIP = pointer('/loadbalancer/publicip');
const PUBLICIP_IDS = pointer('/loadbalancer/publicip_ids');

export default defineRule({
  id: 'lb/public-ip-exclusive',
  severity: 'error',
  description: 'publicip (create a new EIP) and publicip_ids (bind existing EIPs) must not both be sent.',
  kinds: ['create-loadbalancer'],
  check(context) {
    if (!context.hasValid(PUBLICIP) || !context.hasValid(PUBLICIP_IDS)) return;
    context.report({
      pointer: PUBLICIP_IDS,
      message:
        'publicip_ids is set together with publicip, but the two are mutually exclusive: publicip creates a new EIP, publicip_ids binds an existing one. ' +
        'Keep publicip_ids to bind an existing EIP, or publicip to create a new one.',
    });
  },
});

import { LB_PUBLICIP_BANDWIDTH_SHARE_TYPE, LB_PUBLICIP_IP_VERSION } from '../pointers.js';
import { defineRule } from '../rule.js';
import { bandwidthId } from '../utils.js';

export default defineRule({
  id: 'lb/bandwidth-shared',
  severity: 'error',
  description: 'share_type WHOLE (shared bandwidth) needs bandwidth.id, and an IPv6 EIP (ip_version 6) cannot use it.',
  kinds: ['create-loadbalancer'],
  check(context) {
    if (context.string(LB_PUBLICIP_BANDWIDTH_SHARE_TYPE) !== 'WHOLE' || bandwidthId(context) !== 'absent') return;
    const ipv6 = context.number(LB_PUBLICIP_IP_VERSION) === 6;
    context.report({
      pointer: LB_PUBLICIP_BANDWIDTH_SHARE_TYPE,
      message: ipv6
        ? 'publicip.bandwidth.share_type is "WHOLE" on an IPv6 EIP (publicip.ip_version 6) and without bandwidth.id, but IPv6 EIPs cannot use a shared bandwidth, and a shared one must be referenced by its id. ' +
          'Use share_type "PER" with size, charge_mode and name for a new dedicated bandwidth.'
        : 'publicip.bandwidth.share_type is "WHOLE" (shared bandwidth), but bandwidth.id is missing; a shared bandwidth cannot be created here, only referenced. ' +
          'Set bandwidth.id to an existing shared bandwidth, or use share_type "PER" for a new dedicated one.',
    });
  },
});

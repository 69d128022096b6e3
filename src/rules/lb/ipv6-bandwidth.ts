import { LB_IPV6_BANDWIDTH, LB_IPV6_VIP_VIRSUBNET_ID } from '../pointers.js';
import { defineRule } from '../rule.js';
import { removeField } from '../utils.js';

export default defineRule({
  id: 'lb/ipv6-bandwidth',
  severity: 'warning',
  description: 'ipv6_bandwidth applies only to a load balancer with an IPv6 VIP (ipv6_vip_virsubnet_id).',
  kinds: ['create-loadbalancer'],
  hasSuggestions: true,
  check(context) {
    if (!context.hasValid(LB_IPV6_BANDWIDTH) || context.has(LB_IPV6_VIP_VIRSUBNET_ID)) return;
    context.report({
      pointer: LB_IPV6_BANDWIDTH,
      message:
        'ipv6_bandwidth is set, but the load balancer has no ipv6_vip_virsubnet_id, so there is no IPv6 VIP to make public and the bandwidth has no effect. ' +
        'Add ipv6_vip_virsubnet_id (the network ID of an IPv6-enabled subnet), or remove ipv6_bandwidth.',
      suggestions: [removeField(LB_IPV6_BANDWIDTH)],
    });
  },
});

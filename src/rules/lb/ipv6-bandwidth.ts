import { defineRule } from '../rule.js';
import { LB } from '../utils.js';

export default defineRule({
  id: 'lb/ipv6-bandwidth',
  severity: 'warning',
  description: 'ipv6_bandwidth applies only to a load balancer with an IPv6 VIP (ipv6_vip_virsubnet_id).',
  kinds: ['create-loadbalancer'],
  check(context) {
    if (!context.hasValid(`${LB}/ipv6_bandwidth`) || context.has(`${LB}/ipv6_vip_virsubnet_id`)) return;
    context.report({
      pointer: `${LB}/ipv6_bandwidth`,
      message:
        'ipv6_bandwidth is set, but the load balancer has no ipv6_vip_virsubnet_id, so there is no IPv6 VIP to make public and the bandwidth has no effect. ' +
        'Add ipv6_vip_virsubnet_id (the network ID of an IPv6-enabled subnet), or remove ipv6_bandwidth.',
    });
  },
});

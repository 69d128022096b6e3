import { defineRule } from '../rule.js';
import { LB } from '../utils.js';

export default defineRule({
  id: 'lb/public-ip-network',
  severity: 'error',
  description: 'A public IPv4 load balancer (publicip or publicip_ids) needs vpc_id or vip_subnet_cidr_id.',
  kinds: ['create-loadbalancer'],
  check(context) {
    const field = ['publicip', 'publicip_ids'].find((name) => context.hasValid(`${LB}/${name}`));
    if (!field) return;
    if (context.has(`${LB}/vpc_id`) || context.has(`${LB}/vip_subnet_cidr_id`)) return;
    // With no network field at all, lb/network-anchor already says what is missing.
    if (!context.has(`${LB}/ipv6_vip_virsubnet_id`)) return;
    context.report({
      pointer: `${LB}/${field}`,
      message:
        `${field} is set, but the load balancer has neither vpc_id nor vip_subnet_cidr_id, which an IPv4 EIP needs (ipv6_vip_virsubnet_id alone is not enough). ` +
        'Add vip_subnet_cidr_id (IPv4 subnet of the VIP) or vpc_id.',
    });
  },
});

import { LB, LB_IPV6_VIP_VIRSUBNET_ID, LB_VIP_SUBNET_CIDR_ID, LB_VPC_ID } from '../pointers.js';
import { defineRule } from '../rule.js';

const PUBLIC_IP_FIELDS = ['publicip', 'publicip_ids'].map((field) => ({ field, at: LB.child(field) }));

export default defineRule({
  id: 'lb/public-ip-network',
  severity: 'error',
  description: 'A public IPv4 load balancer (publicip or publicip_ids) needs vpc_id or vip_subnet_cidr_id.',
  kinds: ['create-loadbalancer'],
  check(context) {
    const publicIp = PUBLIC_IP_FIELDS.find(({ at }) => context.hasValid(at));
    if (!publicIp) return;
    if (context.has(LB_VPC_ID) || context.has(LB_VIP_SUBNET_CIDR_ID)) return;
    // With no network field at all, lb/network-anchor already says what is missing.
    if (!context.has(LB_IPV6_VIP_VIRSUBNET_ID)) return;
    context.report({
      pointer: publicIp.at,
      message:
        `${publicIp.field} is set, but the load balancer has neither vpc_id nor vip_subnet_cidr_id, which an IPv4 EIP needs (ipv6_vip_virsubnet_id alone is not enough). ` +
        'Add vip_subnet_cidr_id (IPv4 subnet of the VIP) or vpc_id.',
    });
  },
});

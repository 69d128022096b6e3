import { LB } from '../pointers.js';
import { defineRule } from '../rule.js';

/** The fields that place a load balancer in a network. */
const ANCHORS = ['vpc_id', 'vip_subnet_cidr_id', 'ipv6_vip_virsubnet_id'].map((field) => LB.child(field));

export default defineRule({
  id: 'lb/network-anchor',
  severity: 'error',
  description: 'A load balancer needs vpc_id, vip_subnet_cidr_id or ipv6_vip_virsubnet_id to know its network.',
  kinds: ['create-loadbalancer'],
  check(context) {
    if (!context.object(LB)) return;
    if (ANCHORS.some((anchor) => context.has(anchor))) return;
    context.report({
      pointer: LB,
      message:
        'loadbalancer has none of vpc_id, vip_subnet_cidr_id and ipv6_vip_virsubnet_id, so the API cannot tell which network it belongs to. ' +
        'Add vip_subnet_cidr_id (IPv4 subnet) for a private IPv4 VIP, ipv6_vip_virsubnet_id for an IPv6 VIP, or vpc_id for a public-only load balancer.',
    });
  },
});

import { show } from '../../text/show.js';
import { LB } from '../pointers.js';
import { defineRule } from '../rule.js';
import { removeField } from '../utils.js';

const PAIRS = [
  { address: 'vip_address', subnet: 'vip_subnet_cidr_id', what: 'ID of the IPv4 subnet' },
  { address: 'ipv6_vip_address', subnet: 'ipv6_vip_virsubnet_id', what: 'network ID of the IPv6-enabled subnet' },
].map((pair) => ({ ...pair, addressAt: LB.child(pair.address), subnetAt: LB.child(pair.subnet) }));

export default defineRule({
  id: 'lb/vip-address-subnet',
  severity: 'error',
  description: 'vip_address needs vip_subnet_cidr_id, and ipv6_vip_address needs ipv6_vip_virsubnet_id.',
  kinds: ['create-loadbalancer'],
  hasSuggestions: true,
  check(context) {
    for (const { address, subnet, what, addressAt, subnetAt } of PAIRS) {
      if (!context.hasValid(addressAt) || context.has(subnetAt)) continue;
      const value = context.string(addressAt);
      context.report({
        pointer: addressAt,
        message:
          `${address} is set${value === undefined ? '' : ` to ${show(value)}`}, but ${subnet} is missing; the address must lie in that subnet. ` +
          `Add ${subnet} (the ${what} the address belongs to), or remove ${address} to have one assigned.`,
        suggestions: [removeField(addressAt)],
      });
    }
  },
});

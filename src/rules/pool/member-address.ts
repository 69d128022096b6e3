import { defineRule } from '../rule.js';
import { PRIVATE_IPV4_RANGES, isIPv6Address, isPrivateIPv4, poolMembers } from '../utils.js';

export default defineRule({
  id: 'pool/member-address',
  severity: 'error',
  description: 'A member without subnet_cidr_id is an IP-type backend and needs a private IPv4 address.',
  kinds: ['create-master-slave-pool'],
  check(context) {
    for (const member of poolMembers(context)) {
      if (context.has(member.at.child('subnet_cidr_id'))) continue;
      const addressAt = member.at.child('address');
      const address = context.string(addressAt);
      if (address === undefined || isPrivateIPv4(address)) continue;
      const fix = isIPv6Address(address)
        ? 'Use the server\'s private IPv4 address, or add subnet_cidr_id (the IPv6 subnet of the server).'
        : 'Use the server\'s private address, or add subnet_cidr_id.';
      context.report({
        pointer: addressAt,
        message: `members[${member.index}].address is "${address}", but a member without subnet_cidr_id is an IP-type backend and needs a private IPv4 address (${PRIVATE_IPV4_RANGES}). ${fix}`,
      });
    }
  },
});

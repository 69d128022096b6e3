import { POOL_IP_VERSION } from '../pointers.js';
import { defineRule } from '../rule.js';
import { isIPv6Address, poolMembers } from '../utils.js';

export default defineRule({
  id: 'pool/member-ip-version',
  severity: 'error',
  description: 'A pool with ip_version "v4" takes IPv4 members only; IPv6 members need a dualstack pool.',
  kinds: ['create-master-slave-pool'],
  check(context) {
    if (context.string(POOL_IP_VERSION) !== 'v4') return;
    for (const member of poolMembers(context)) {
      const addressAt = member.at.child('address');
      const address = context.string(addressAt);
      if (address === undefined || !isIPv6Address(address)) continue;
      context.report({
        pointer: addressAt,
        message: `members[${member.index}].address is the IPv6 address "${address}", but the pool's ip_version is "v4", which takes IPv4 members only. Use the server's IPv4 address, or set ip_version to "dualstack".`,
      });
    }
  },
});

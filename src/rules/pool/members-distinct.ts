import { POOL_ANY_PORT_ENABLE } from '../pointers.js';
import { defineRule } from '../rule.js';
import { canonicalAddress, poolMembers } from '../utils.js';

export default defineRule({
  id: 'pool/members-distinct',
  severity: 'warning',
  description: 'The two members have the same address and port, so master and standby are one server.',
  kinds: ['create-master-slave-pool'],
  check(context) {
    // With any_port_enable the member ports are ignored: the address alone names the backend.
    const anyPort = context.boolean(POOL_ANY_PORT_ENABLE) === true;
    // The first member at each canonical address and port: one look-up per member, however many there are.
    const seen = new Map<string, { index: number }>();
    for (const member of poolMembers(context)) {
      const address = context.string(member.at.child('address'));
      const port = anyPort ? undefined : context.number(member.at.child('protocol_port'));
      if (address === undefined || (!anyPort && port === undefined)) continue;
      const backend = `${canonicalAddress(address)} ${port ?? '*'}`;
      const twin = seen.get(backend);
      if (twin) {
        const where = port === undefined ? `"${address}" (any_port_enable is true, so ports do not tell them apart)` : `"${address}" port ${port}`;
        context.report({
          pointer: member.at,
          message: `members[${member.index}] is ${where}, the same backend as members[${twin.index}], so the pool has no real standby. Point one member at a different server or port.`,
        });
      } else {
        seen.set(backend, { index: member.index });
      }
    }
  },
});

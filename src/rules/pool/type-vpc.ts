import { POOL_TYPE, POOL_VPC_ID } from '../pointers.js';
import { defineRule } from '../rule.js';
import { poolMembers, removeField } from '../utils.js';

export default defineRule({
  id: 'pool/type-vpc',
  severity: 'error',
  description: 'type "instance" needs vpc_id; type "ip" allows neither vpc_id nor members with subnet_cidr_id.',
  kinds: ['create-master-slave-pool'],
  hasSuggestions: true,
  check(context) {
    const type = context.string(POOL_TYPE);
    // Absence counts only when the field is really missing; a vpc_id or subnet_cidr_id the schema
    // rejected is not judged (rules.md: rules stay silent about values the schema reported).
    if (type === 'instance' && !context.has(POOL_VPC_ID)) {
      context.report({
        pointer: POOL_VPC_ID,
        message: 'type is "instance", but the pool has no vpc_id, which instance pools need. Add vpc_id (the VPC of the load balancer), or set type to "ip" if every member is an IP-type backend without subnet_cidr_id.',
      });
    }
    if (type !== 'ip') return;
    if (context.hasValid(POOL_VPC_ID)) {
      context.report({
        pointer: POOL_VPC_ID,
        message: 'vpc_id is set, but type is "ip", and IP-type pools must not name a VPC. Remove vpc_id, or set type to "instance".',
        suggestions: [removeField(POOL_VPC_ID)],
      });
    }
    for (const member of poolMembers(context)) {
      const subnetCidrId = member.at.child('subnet_cidr_id');
      if (!context.hasValid(subnetCidrId)) continue;
      context.report({
        pointer: subnetCidrId,
        message: `members[${member.index}].subnet_cidr_id is set, but type is "ip", which takes only IP-type backends (a private IPv4 address without subnet_cidr_id). Remove subnet_cidr_id, or set type to "instance" and add vpc_id.`,
        suggestions: [removeField(subnetCidrId)],
      });
    }
  },
});

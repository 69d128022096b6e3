import { defineRule } from '../rule.js';
import { POOL, poolMembers } from '../utils.js';

export default defineRule({
  id: 'pool/type-vpc',
  severity: 'error',
  description: 'type "instance" needs vpc_id; type "ip" allows neither vpc_id nor members with subnet_cidr_id.',
  kinds: ['create-master-slave-pool'],
  check(context) {
    const type = context.string(`${POOL}/type`);
    // Absence counts only when the field is really missing; a vpc_id or subnet_cidr_id the schema
    // rejected is not judged (rules.md: rules stay silent about values the schema reported).
    if (type === 'instance' && !context.has(`${POOL}/vpc_id`)) {
      context.report({
        pointer: `${POOL}/vpc_id`,
        message: 'type is "instance", but the pool has no vpc_id, which instance pools need. Add vpc_id (the VPC of the load balancer), or set type to "ip" if every member is an IP-type backend without subnet_cidr_id.',
      });
    }
    if (type !== 'ip') return;
    if (context.hasValid(`${POOL}/vpc_id`)) {
      context.report({
        pointer: `${POOL}/vpc_id`,
        message: 'vpc_id is set, but type is "ip", and IP-type pools must not name a VPC. Remove vpc_id, or set type to "instance".',
      });
    }
    for (const member of poolMembers(context)) {
      const pointer = `${member.pointer}/subnet_cidr_id`;
      if (!context.hasValid(pointer)) continue;
      context.report({
        pointer,
        message: `members[${member.index}].subnet_cidr_id is set, but type is "ip", which takes only IP-type backends (a private IPv4 address without subnet_cidr_id). Remove subnet_cidr_id, or set type to "instance" and add vpc_id.`,
      });
    }
  },
});

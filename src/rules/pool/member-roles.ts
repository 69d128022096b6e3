import { POOL_MEMBERS, POOL_MEMBERS_0_ROLE, POOL_MEMBERS_1_ROLE } from '../pointers.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'pool/member-roles',
  severity: 'error',
  description: 'The two members of a master-slave pool need one role "master" and one role "slave".',
  kinds: ['create-master-slave-pool'],
  check(context) {
    // With any other count schema/items already speaks.
    if (context.array(POOL_MEMBERS)?.length !== 2) return;
    const first = context.string(POOL_MEMBERS_0_ROLE);
    const second = context.string(POOL_MEMBERS_1_ROLE);
    if (first === undefined || second === undefined || first !== second) return;
    const other = first === 'master' ? 'slave' : 'master';
    context.report({
      pointer: POOL_MEMBERS_1_ROLE,
      message: `members[1].role is "${second}", and so is members[0].role, but a master-slave pool needs one "master" and one "slave". Set members[1].role to "${other}" (or members[0].role, if that server is the ${other}).`,
    });
  },
});

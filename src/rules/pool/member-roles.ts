import { defineRule } from '../rule.js';
import { POOL } from '../utils.js';

export default defineRule({
  id: 'pool/member-roles',
  severity: 'error',
  description: 'The two members of a master-slave pool need one role "master" and one role "slave".',
  kinds: ['create-master-slave-pool'],
  check(context) {
    // With any other count schema/items already speaks.
    if (context.array(`${POOL}/members`)?.length !== 2) return;
    const first = context.string(`${POOL}/members/0/role`);
    const second = context.string(`${POOL}/members/1/role`);
    if (first === undefined || second === undefined || first !== second) return;
    const other = first === 'master' ? 'slave' : 'master';
    context.report({
      pointer: `${POOL}/members/1/role`,
      message: `members[1].role is "${second}", and so is members[0].role, but a master-slave pool needs one "master" and one "slave". Set members[1].role to "${other}" (or members[0].role, if that server is the ${other}).`,
    });
  },
});

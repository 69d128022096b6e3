import { pointer } from '../../json/pointer.js';
import { defineRule } from '../rule.js';
import { MEMBERS } from '../utils.js';

const FIRST_ROLE = pointer('/pool/members/0/role');
const SECOND_ROLE = pointer('/pool/members/1/role');

export default defineRule({
  id: 'pool/member-roles',
  severity: 'error',
  description: 'The two members of a master-slave pool need one role "master" and one role "slave".',
  kinds: ['create-master-slave-pool'],
  check(context) {
    // With any other count schema/items already speaks.
    if (context.array(MEMBERS)?.length !== 2) return;
    const first = context.string(FIRST_ROLE);
    const second = context.string(SECOND_ROLE);
    if (first === undefined || second === undefined || first !== second) return;
    const other = first === 'master' ? 'slave' : 'master';
    context.report({
      pointer: SECOND_ROLE,
      message: `members[1].role is "${second}", and so is members[0].role, but a master-slave pool needs one "master" and one "slave". Set members[1].role to "${other}" (or members[0].role, if that server is the ${other}).`,
    });
  },
});

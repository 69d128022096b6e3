import { pointer } from '../../json/pointer.js';
import { show } from '../../text/show.js';
import { defineRule } from '../rule.js';

const PUBLICIP_IDS = pointer('/loadbalancer/publicip_ids');
const SECOND_PUBLICIP_ID = pointer('/loadbalancer/publicip_ids/1');

export default defineRule({
  id: 'lb/public-ip-ids-extra',
  severity: 'warning',
  description: 'publicip_ids has more than one entry; only the first EIP is bound and the rest are ignored.',
  kinds: ['create-loadbalancer'],
  check(context) {
    const ids = context.array(PUBLICIP_IDS);
    if (!ids || ids.length < 2) return;
    context.report({
      pointer: SECOND_PUBLICIP_ID,
      message: `publicip_ids has ${ids.length} entries, but only the first (${show(ids[0])}) is bound; the rest are ignored. Keep one EIP ID.`,
    });
  },
});

import { show } from '../../text/show.js';
import { LB_PUBLICIP_IDS, LB_PUBLICIP_IDS_1 } from '../pointers.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'lb/public-ip-ids-extra',
  severity: 'warning',
  description: 'publicip_ids has more than one entry; only the first EIP is bound and the rest are ignored.',
  kinds: ['create-loadbalancer'],
  check(context) {
    const ids = context.array(LB_PUBLICIP_IDS);
    if (!ids || ids.length < 2) return;
    context.report({
      pointer: LB_PUBLICIP_IDS_1,
      message: `publicip_ids has ${ids.length} entries, but only the first (${show(ids[0])}) is bound; the rest are ignored. Keep one EIP ID.`,
    });
  },
});

import { defineRule } from '../rule.js';
import { POOL } from '../utils.js';

export default defineRule({
  id: 'pool/quic-cid-strategy',
  severity: 'warning',
  description: 'quic_cid_hash_strategy has no effect unless lb_algorithm is "QUIC_CID".',
  kinds: ['create-master-slave-pool'],
  check(context) {
    const algorithm = context.string(`${POOL}/lb_algorithm`);
    if (!context.hasValid(`${POOL}/quic_cid_hash_strategy`) || algorithm === undefined || algorithm === 'QUIC_CID') return;
    context.report({
      pointer: `${POOL}/quic_cid_hash_strategy`,
      message: `quic_cid_hash_strategy is set, but lb_algorithm is "${algorithm}", so the API ignores it; it takes effect only with "QUIC_CID". Remove quic_cid_hash_strategy, or set lb_algorithm to "QUIC_CID" on a QUIC pool.`,
    });
  },
});

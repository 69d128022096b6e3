import { POOL_LB_ALGORITHM, POOL_QUIC_CID_HASH_STRATEGY } from '../pointers.js';
import { defineRule } from '../rule.js';
import { removeField } from '../utils.js';

export default defineRule({
  id: 'pool/quic-cid-strategy',
  severity: 'warning',
  description: 'quic_cid_hash_strategy has no effect unless lb_algorithm is "QUIC_CID".',
  kinds: ['create-master-slave-pool'],
  hasSuggestions: true,
  check(context) {
    const algorithm = context.string(POOL_LB_ALGORITHM);
    if (!context.hasValid(POOL_QUIC_CID_HASH_STRATEGY) || algorithm === undefined || algorithm === 'QUIC_CID') return;
    context.report({
      pointer: POOL_QUIC_CID_HASH_STRATEGY,
      message: `quic_cid_hash_strategy is set, but lb_algorithm is "${algorithm}", so the API ignores it; it takes effect only with "QUIC_CID". Remove quic_cid_hash_strategy, or set lb_algorithm to "QUIC_CID" on a QUIC pool.`,
      suggestions: [removeField(POOL_QUIC_CID_HASH_STRATEGY)],
    });
  },
});

import { POOL_LB_ALGORITHM, POOL_PROTOCOL } from '../pointers.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'pool/algorithm',
  severity: 'error',
  description: 'lb_algorithm "QUIC_CID" is only allowed on QUIC pools.',
  kinds: ['create-master-slave-pool'],
  check(context) {
    const protocol = context.string(POOL_PROTOCOL);
    if (context.string(POOL_LB_ALGORITHM) !== 'QUIC_CID' || protocol === undefined || protocol === 'QUIC') return;
    context.report({
      pointer: POOL_LB_ALGORITHM,
      message: `lb_algorithm is "QUIC_CID", but the pool's protocol is "${protocol}", and QUIC_CID works only on QUIC pools. Use ROUND_ROBIN, LEAST_CONNECTIONS or SOURCE_IP, or make it a QUIC pool.`,
    });
  },
});

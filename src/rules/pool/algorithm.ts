import { defineRule } from '../rule.js';
import { POOL } from '../utils.js';

export default defineRule({
  id: 'pool/algorithm',
  severity: 'error',
  description: 'lb_algorithm "QUIC_CID" is only allowed on QUIC pools.',
  kinds: ['create-master-slave-pool'],
  check(context) {
    const protocol = context.string(`${POOL}/protocol`);
    if (context.string(`${POOL}/lb_algorithm`) !== 'QUIC_CID' || protocol === undefined || protocol === 'QUIC') return;
    context.report({
      pointer: `${POOL}/lb_algorithm`,
      message: `lb_algorithm is "QUIC_CID", but the pool's protocol is "${protocol}", and QUIC_CID works only on QUIC pools. Use ROUND_ROBIN, LEAST_CONNECTIONS or SOURCE_IP, or make it a QUIC pool.`,
    });
  },
});

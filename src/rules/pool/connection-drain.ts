import { defineRule } from '../rule.js';
import { POOL } from '../utils.js';

export default defineRule({
  id: 'pool/connection-drain',
  severity: 'error',
  description: 'connection_drain is only for TCP, UDP and QUIC pools, not TLS.',
  kinds: ['create-master-slave-pool'],
  check(context) {
    if (context.string(`${POOL}/protocol`) !== 'TLS' || !context.hasValid(`${POOL}/connection_drain`)) return;
    context.report({
      pointer: `${POOL}/connection_drain`,
      message: 'connection_drain is set, but the pool\'s protocol is "TLS", and connection drain is available only for TCP, UDP and QUIC pools. Remove connection_drain.',
    });
  },
});

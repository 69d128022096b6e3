import { POOL_CONNECTION_DRAIN, POOL_PROTOCOL } from '../pointers.js';
import { defineRule } from '../rule.js';
import { removeField } from '../utils.js';

export default defineRule({
  id: 'pool/connection-drain',
  severity: 'error',
  description: 'connection_drain is only for TCP, UDP and QUIC pools, not TLS.',
  kinds: ['create-master-slave-pool'],
  hasSuggestions: true,
  check(context) {
    if (context.string(POOL_PROTOCOL) !== 'TLS' || !context.hasValid(POOL_CONNECTION_DRAIN)) return;
    context.report({
      pointer: POOL_CONNECTION_DRAIN,
      message: 'connection_drain is set, but the pool\'s protocol is "TLS", and connection drain is available only for TCP, UDP and QUIC pools. Remove connection_drain.',
      suggestions: [removeField(POOL_CONNECTION_DRAIN)],
    });
  },
});

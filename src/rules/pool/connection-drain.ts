import { pointer } from '../../json/pointer.js';
import { defineRule } from '../rule.js';
import { removeField } from '../utils.js';

const PROTOCOL = pointer('/pool/protocol');
const CONNECTION_DRAIN = pointer('/pool/connection_drain');

export default defineRule({
  id: 'pool/connection-drain',
  severity: 'error',
  description: 'connection_drain is only for TCP, UDP and QUIC pools, not TLS.',
  kinds: ['create-master-slave-pool'],
  hasSuggestions: true,
  check(context) {
    if (context.string(PROTOCOL) !== 'TLS' || !context.hasValid(CONNECTION_DRAIN)) return;
    context.report({
      pointer: CONNECTION_DRAIN,
      message: 'connection_drain is set, but the pool\'s protocol is "TLS", and connection drain is available only for TCP, UDP and QUIC pools. Remove connection_drain.',
      suggestions: [removeField(CONNECTION_DRAIN)],
    });
  },
});

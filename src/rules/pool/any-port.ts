import { POOL_ANY_PORT_ENABLE, POOL_PROTOCOL } from '../pointers.js';
import { defineRule } from '../rule.js';
import { poolMembers, removeField } from '../utils.js';

export default defineRule({
  id: 'pool/any-port',
  severity: 'error',
  description: 'any_port_enable is not allowed on TLS pools; without it every member needs protocol_port.',
  kinds: ['create-master-slave-pool'],
  hasSuggestions: true,
  check(context) {
    const anyPort = context.boolean(POOL_ANY_PORT_ENABLE);
    if (anyPort === true) {
      if (context.string(POOL_PROTOCOL) === 'TLS') {
        context.report({
          pointer: POOL_ANY_PORT_ENABLE,
          message: 'any_port_enable is true on a TLS pool, but only TCP, UDP and QUIC pools can forward to any port. Remove any_port_enable, or set it to false and give each member a protocol_port.',
          suggestions: [removeField(POOL_ANY_PORT_ENABLE)],
        });
      }
      return;
    }
    // A placeholder such as "${ANY_PORT}" may turn into true later: judge only a real boolean or absence.
    if (context.has(POOL_ANY_PORT_ENABLE) && anyPort === undefined) return;
    for (const member of poolMembers(context)) {
      const protocolPort = member.at.child('protocol_port');
      if (context.has(protocolPort)) continue;
      context.report({
        pointer: protocolPort,
        message: `members[${member.index}] has no protocol_port, which the pool needs because any_port_enable is ${anyPort === false ? 'false' : 'not set'}. Add protocol_port (1–65535), or set any_port_enable to true on a TCP, UDP or QUIC pool.`,
      });
    }
  },
});

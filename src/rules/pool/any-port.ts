import { defineRule } from '../rule.js';
import { POOL, poolMembers } from '../utils.js';

export default defineRule({
  id: 'pool/any-port',
  severity: 'error',
  description: 'any_port_enable is not allowed on TLS pools; without it every member needs protocol_port.',
  kinds: ['create-master-slave-pool'],
  check(context) {
    const anyPort = context.boolean(`${POOL}/any_port_enable`);
    if (anyPort === true) {
      if (context.string(`${POOL}/protocol`) === 'TLS') {
        context.report({
          pointer: `${POOL}/any_port_enable`,
          message: 'any_port_enable is true on a TLS pool, but only TCP, UDP and QUIC pools can forward to any port. Remove any_port_enable, or set it to false and give each member a protocol_port.',
        });
      }
      return;
    }
    // A placeholder such as "${ANY_PORT}" may turn into true later: judge only a real boolean or absence.
    if (context.has(`${POOL}/any_port_enable`) && anyPort === undefined) return;
    for (const member of poolMembers(context)) {
      if (context.has(`${member.pointer}/protocol_port`)) continue;
      context.report({
        pointer: `${member.pointer}/protocol_port`,
        message: `members[${member.index}] has no protocol_port, which the pool needs because any_port_enable is ${anyPort === false ? 'false' : 'not set'}. Add protocol_port (1–65535), or set any_port_enable to true on a TCP, UDP or QUIC pool.`,
      });
    }
  },
});

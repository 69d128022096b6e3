import { POOL_ANY_PORT_ENABLE, POOL_HEALTHMONITOR, POOL_HEALTHMONITOR_MONITOR_PORT } from '../pointers.js';
import { defineRule } from '../rule.js';
import { poolMembers, removeField } from '../utils.js';

export default defineRule({
  id: 'pool/any-port-ports',
  severity: 'warning',
  description: 'With any_port_enable, member protocol_port is ignored and the health check needs monitor_port.',
  kinds: ['create-master-slave-pool'],
  hasSuggestions: true,
  check(context) {
    if (context.boolean(POOL_ANY_PORT_ENABLE) !== true) return;
    for (const member of poolMembers(context)) {
      const protocolPort = member.at.child('protocol_port');
      if (!context.hasValid(protocolPort)) continue;
      context.report({
        pointer: protocolPort,
        message: `members[${member.index}].protocol_port is set, but any_port_enable is true, so the API ignores it and forwards to the port the client used. Remove protocol_port.`,
        suggestions: [removeField(protocolPort)],
      });
    }
    // null means "use the member's port", which any-port members do not have.
    const noMonitorPort = !context.has(POOL_HEALTHMONITOR_MONITOR_PORT) || context.value(POOL_HEALTHMONITOR_MONITOR_PORT) === null;
    if (context.object(POOL_HEALTHMONITOR) && noMonitorPort) {
      context.report({
        pointer: POOL_HEALTHMONITOR_MONITOR_PORT,
        message: 'healthmonitor has no monitor_port, but any_port_enable is true, so members have no fixed port to check. Set healthmonitor.monitor_port (1–65535) to the port the health check should use.',
      });
    }
  },
});

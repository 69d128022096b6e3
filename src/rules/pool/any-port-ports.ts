import { defineRule } from '../rule.js';
import { POOL, poolMembers } from '../utils.js';

export default defineRule({
  id: 'pool/any-port-ports',
  severity: 'warning',
  description: 'With any_port_enable, member protocol_port is ignored and the health check needs monitor_port.',
  kinds: ['create-master-slave-pool'],
  check(context) {
    if (context.boolean(`${POOL}/any_port_enable`) !== true) return;
    for (const member of poolMembers(context)) {
      const pointer = `${member.pointer}/protocol_port`;
      if (!context.hasValid(pointer)) continue;
      context.report({
        pointer,
        message: `members[${member.index}].protocol_port is set, but any_port_enable is true, so the API ignores it and forwards to the port the client used. Remove protocol_port.`,
      });
    }
    // null means "use the member's port", which any-port members do not have.
    const monitorPort = `${POOL}/healthmonitor/monitor_port`;
    const noMonitorPort = !context.has(monitorPort) || context.value(monitorPort) === null;
    if (context.object(`${POOL}/healthmonitor`) && noMonitorPort) {
      context.report({
        pointer: `${POOL}/healthmonitor/monitor_port`,
        message: 'healthmonitor has no monitor_port, but any_port_enable is true, so members have no fixed port to check. Set healthmonitor.monitor_port (1–65535) to the port the health check should use.',
      });
    }
  },
});

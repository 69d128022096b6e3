import { POOL_HEALTHMONITOR_TYPE, POOL_PROTOCOL } from '../pointers.js';
import { defineRule } from '../rule.js';

/** Health-check types each pool protocol accepts (MSP-5; TLS follows TCP, as the enum allows). */
const ALLOWED: Record<string, readonly string[]> = {
  UDP: ['UDP_CONNECT'],
  QUIC: ['UDP_CONNECT'],
  TCP: ['TCP', 'HTTP', 'HTTPS'],
  TLS: ['TCP', 'HTTP', 'HTTPS'],
};

export default defineRule({
  id: 'pool/healthmonitor-protocol',
  severity: 'error',
  description: 'UDP and QUIC pools need health-check type UDP_CONNECT; TCP and TLS pools take TCP, HTTP or HTTPS.',
  kinds: ['create-master-slave-pool'],
  check(context) {
    const protocol = context.string(POOL_PROTOCOL);
    const type = context.string(POOL_HEALTHMONITOR_TYPE);
    const allowed = protocol === undefined ? undefined : ALLOWED[protocol];
    if (!allowed || type === undefined || allowed.includes(type)) return;
    const fix = allowed.length === 1 ? `Set healthmonitor.type to "${allowed[0]}".` : 'Use "TCP", or "HTTP"/"HTTPS" to check a URL.';
    context.report({
      pointer: POOL_HEALTHMONITOR_TYPE,
      message: `healthmonitor.type is "${type}", but a ${protocol} pool can only be checked with ${allowed.length === 1 ? allowed[0] : 'TCP, HTTP or HTTPS'}. ${fix}`,
    });
  },
});

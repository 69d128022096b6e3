import { LB_PUBLICIP_BANDWIDTH, LB_PUBLICIP_BANDWIDTH_NAME, LB_PUBLICIP_BANDWIDTH_SHARE_TYPE } from '../pointers.js';
import { defineRule } from '../rule.js';
import { bandwidthId } from '../utils.js';

const NEEDED = [
  { field: 'size', what: 'size (Mbit/s, 1–2000)' },
  { field: 'charge_mode', what: 'charge_mode ("bandwidth" or "traffic")' },
  { field: 'share_type', what: 'share_type ("PER" for a dedicated bandwidth)' },
].map((entry) => ({ ...entry, at: LB_PUBLICIP_BANDWIDTH.child(entry.field) }));

export default defineRule({
  id: 'lb/bandwidth-new',
  severity: 'error',
  description: 'A new EIP bandwidth (no bandwidth.id) needs size, charge_mode and share_type, plus name when share_type is PER.',
  kinds: ['create-loadbalancer'],
  check(context) {
    if (!context.object(LB_PUBLICIP_BANDWIDTH) || bandwidthId(context) !== 'absent') return;
    for (const { field, what, at } of NEEDED) {
      if (context.has(at)) continue;
      context.report({
        pointer: at,
        message:
          `publicip.bandwidth has no ${field}, which a new bandwidth needs (there is no bandwidth.id to reuse an existing one). ` +
          `Add ${what}, or set bandwidth.id to an existing shared bandwidth.`,
      });
    }
    if (context.string(LB_PUBLICIP_BANDWIDTH_SHARE_TYPE) === 'PER' && !context.has(LB_PUBLICIP_BANDWIDTH_NAME)) {
      context.report({
        pointer: LB_PUBLICIP_BANDWIDTH_NAME,
        message: 'publicip.bandwidth has share_type "PER" but no name, which a new dedicated bandwidth needs. Add name (1–64 letters, digits, Chinese characters, "_", "-" or ".").',
      });
    }
  },
});

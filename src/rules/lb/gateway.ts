import { LB, LB_GW_FLAVOR_ID, LB_IP_TARGET_ENABLE, LB_LOADBALANCER_TYPE } from '../pointers.js';
import { defineRule } from '../rule.js';
import { removeField } from '../utils.js';

const FORBIDDEN = [
  { field: 'vip_address', why: 'a gateway load balancer gets its addresses assigned', fix: 'Remove vip_address.' },
  { field: 'ipv6_vip_address', why: 'a gateway load balancer gets its addresses assigned', fix: 'Remove ipv6_vip_address.' },
  { field: 'publicip', why: 'a gateway load balancer cannot have a public EIP', fix: 'Remove publicip.' },
  { field: 'publicip_ids', why: 'a gateway load balancer cannot have a public EIP', fix: 'Remove publicip_ids.' },
  { field: 'autoscaling', why: 'gateway load balancers do not support it', fix: 'Remove autoscaling.' },
  { field: 'l4_flavor_id', why: 'a gateway load balancer takes its flavor from gw_flavor_id', fix: 'Remove l4_flavor_id and set gw_flavor_id.' },
  { field: 'l7_flavor_id', why: 'a gateway load balancer takes its flavor from gw_flavor_id', fix: 'Remove l7_flavor_id and set gw_flavor_id.' },
].map((entry) => ({ ...entry, at: LB.child(entry.field) }));

export default defineRule({
  id: 'lb/gateway',
  severity: 'error',
  description: 'A gateway load balancer needs gw_flavor_id and takes no VIP address, EIP, autoscaling, L4/L7 flavor or ip_target_enable.',
  kinds: ['create-loadbalancer'],
  hasSuggestions: true,
  check(context) {
    if (context.string(LB_LOADBALANCER_TYPE) !== 'gateway') return;
    if (!context.has(LB_GW_FLAVOR_ID) || context.value(LB_GW_FLAVOR_ID) === '') {
      context.report({
        pointer: LB_GW_FLAVOR_ID,
        message: `loadbalancer_type is "gateway", but gw_flavor_id is ${context.has(LB_GW_FLAVOR_ID) ? 'empty' : 'missing'}; a gateway load balancer needs a gateway flavor. Set gw_flavor_id to a flavor ID of type gwlb.`,
      });
    }
    for (const { field, why, fix, at } of FORBIDDEN) {
      if (!context.hasValid(at)) continue;
      context.report({ pointer: at, message: `${field} is set on a gateway load balancer (loadbalancer_type "gateway"), but ${why}. ${fix}`, suggestions: [removeField(at)] });
    }
    if (context.boolean(LB_IP_TARGET_ENABLE) === true) {
      context.report({
        pointer: LB_IP_TARGET_ENABLE,
        message: 'ip_target_enable is true on a gateway load balancer (loadbalancer_type "gateway"), which does not support IP-type backends. Remove ip_target_enable.',
        suggestions: [removeField(LB_IP_TARGET_ENABLE)],
      });
    }
  },
});

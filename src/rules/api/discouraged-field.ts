import { fieldName } from '../../json/pointer.js';
import { show } from '../../text/show.js';
import { defineRule, type RuleContext } from '../rule.js';
import { LB, POOL, poolMembers } from '../utils.js';

/** Load-balancer fields the API documents as deprecated, unsupported or ignored, with the fix. */
const LB_FIELDS = [
  {
    field: 'autoscaling',
    why: 'is deprecated: it works only for allow-listed projects and makes the load balancer elastic with a paid minimum flavor',
    fix: 'Remove autoscaling and choose l4_flavor_id / l7_flavor_id (an *_elastic_max flavor for elastic billing).',
  },
  {
    field: 'waf_failure_action',
    why: 'is documented as "unsupported, do not use"',
    fix: 'Remove waf_failure_action.',
  },
  {
    field: 'charge_mode',
    why: 'is ignored for dedicated load balancers: billing follows the flavor types (L4/L7 fixed, *_elastic_max LCU)',
    fix: 'Remove charge_mode and pick the flavors that give the billing you want.',
  },
] as const;

const BILLING_INFO = [`${LB}/billing_info`, `${LB}/publicip/billing_info`, `${LB}/publicip/bandwidth/billing_info`];

export default defineRule({
  id: 'api/discouraged-field',
  severity: 'warning',
  description: 'A field the API documents as ignored, deprecated or "do not use" (project_id, autoscaling, charge_mode, billing_info, …).',
  kinds: ['create-loadbalancer', 'create-master-slave-pool'],
  check(context) {
    const root = context.kind === 'create-loadbalancer' ? LB : POOL;
    if (context.hasValid(`${root}/project_id`)) {
      context.report({
        pointer: `${root}/project_id`,
        message: `project_id is set in the body${shown(context, `${root}/project_id`)}, but the API ignores it and uses the project ID from the request URL. Remove project_id.`,
      });
    }
    if (root === POOL) {
      for (const member of poolMembers(context)) {
        const pointer = `${member.pointer}/admin_state_up`;
        if (!context.hasValid(pointer)) continue;
        context.report({
          pointer,
          message: `${fieldName(pointer)} is set${shown(context, pointer)}, but it is effectively read-only: the member's real state depends on whether its server exists. Remove admin_state_up.`,
        });
      }
      return;
    }
    for (const { field, why, fix } of LB_FIELDS) {
      const pointer = `${LB}/${field}`;
      if (!context.hasValid(pointer)) continue;
      context.report({ pointer, message: `${field} is set${shown(context, pointer)}, but it ${why}. ${fix}` });
    }
    for (const pointer of BILLING_INFO) {
      const value = context.string(pointer);
      if (!value) continue;
      context.report({
        pointer,
        message: `${fieldName(pointer)} is ${show(value)}, an order string that only some regions accept ("unsupported, do not use" elsewhere). Remove it, and use loadbalancer.prepaid_options for yearly/monthly billing.`,
      });
    }
  },
});

/** " (to "abc")" for a scalar the schema accepted, nothing for objects or unknown values. */
function shown(context: RuleContext, pointer: string): string {
  const value = context.value(pointer);
  if (value === undefined || (typeof value === 'object' && value !== null)) return '';
  return ` to ${show(value)}`;
}

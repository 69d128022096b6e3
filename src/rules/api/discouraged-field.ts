import { fieldName, type Pointer } from '../../json/pointer.js';
import { show } from '../../text/show.js';
import { LB, LB_PROJECT_ID, LB_PUBLICIP, LB_PUBLICIP_BANDWIDTH, POOL_PROJECT_ID } from '../pointers.js';
import { defineRule, type RuleContext } from '../rule.js';
import { poolMembers, removeField } from '../utils.js';

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
].map((entry) => ({ ...entry, at: LB.child(entry.field) }));

const BILLING_INFO = [
  LB.child('billing_info'),
  LB_PUBLICIP.child('billing_info'),
  LB_PUBLICIP_BANDWIDTH.child('billing_info'),
];

export default defineRule({
  id: 'api/discouraged-field',
  severity: 'warning',
  description: 'A field the API documents as ignored, deprecated or "do not use" (project_id, autoscaling, charge_mode, billing_info, …).',
  kinds: ['create-loadbalancer', 'create-master-slave-pool'],
  hasSuggestions: true,
  check(context) {
    const isPool = context.kind !== 'create-loadbalancer';
    const projectId = isPool ? POOL_PROJECT_ID : LB_PROJECT_ID;
    if (context.hasValid(projectId)) {
      context.report({
        pointer: projectId,
        message: `project_id is set in the body${shown(context, projectId)}, but the API ignores it and uses the project ID from the request URL. Remove project_id.`,
        suggestions: [removeField(projectId)],
      });
    }
    if (isPool) {
      for (const member of poolMembers(context)) {
        const adminStateUp = member.at.child('admin_state_up');
        if (!context.hasValid(adminStateUp)) continue;
        context.report({
          pointer: adminStateUp,
          message: `${fieldName(adminStateUp.text)} is set${shown(context, adminStateUp)}, but it is effectively read-only: the member's real state depends on whether its server exists. Remove admin_state_up.`,
          suggestions: [removeField(adminStateUp)],
        });
      }
      return;
    }
    for (const { field, why, fix, at } of LB_FIELDS) {
      if (!context.hasValid(at)) continue;
      context.report({ pointer: at, message: `${field} is set${shown(context, at)}, but it ${why}. ${fix}`, suggestions: [removeField(at)] });
    }
    for (const at of BILLING_INFO) {
      const value = context.string(at);
      if (!value) continue;
      context.report({
        pointer: at,
        message: `${fieldName(at.text)} is ${show(value)}, an order string that only some regions accept ("unsupported, do not use" elsewhere). Remove it, and use loadbalancer.prepaid_options for yearly/monthly billing.`,
        suggestions: [removeField(at)],
      });
    }
  },
});

/** " (to "abc")" for a scalar the schema accepted, nothing for objects or unknown values. */
function shown(context: RuleContext, at: Pointer): string {
  const value = context.value(at);
  if (value === undefined || (typeof value === 'object' && value !== null)) return '';
  return ` to ${show(value)}`;
}

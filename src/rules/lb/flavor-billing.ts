import { LB, LB_AUTOSCALING, LB_AUTOSCALING_ENABLE, LB_PREPAID_OPTIONS } from '../pointers.js';
import { defineRule } from '../rule.js';
import { removeField } from '../utils.js';

const FLAVOR_FIELDS = ['l4_flavor_id', 'l7_flavor_id'].map((field) => ({ field, at: LB.child(field) }));

const ELASTIC_TYPES = new Set(['L4_elastic_max', 'L7_elastic_max']);

export default defineRule({
  id: 'lb/flavor-billing',
  severity: 'error',
  description: 'Yearly/monthly billing (prepaid_options) needs fixed flavors: no autoscaling, no elastic (*_elastic_max) flavor.',
  kinds: ['create-loadbalancer'],
  hasSuggestions: true,
  check(context) {
    if (!context.object(LB_PREPAID_OPTIONS)) return;
    if (context.boolean(LB_AUTOSCALING_ENABLE) === true) {
      context.report({
        pointer: LB_AUTOSCALING_ENABLE,
        message:
          'autoscaling.enable is true together with prepaid_options, but yearly/monthly billing covers only fixed-specification flavors and autoscaling makes the load balancer elastic. ' +
          'Remove autoscaling (it is deprecated), or remove prepaid_options to bill pay-per-use.',
        suggestions: [removeField(LB_AUTOSCALING)],
      });
    }
    if (!context.flavors) return;
    for (const { field, at } of FLAVOR_FIELDS) {
      const id = context.string(at);
      const flavor = id === undefined ? undefined : context.flavors.byId.get(id);
      if (!flavor || !ELASTIC_TYPES.has(flavor.type)) continue;
      const fixed = flavor.type.replace('_elastic_max', '');
      context.report({
        pointer: at,
        message:
          `${field} is ${flavor.name ? `"${flavor.name}" ` : ''}(${id}), an elastic flavor of type ${flavor.type}, but prepaid_options asks for yearly/monthly billing, which covers only fixed flavors. ` +
          `Choose a flavor of type ${fixed}, or remove prepaid_options to bill pay-per-use.`,
      });
    }
  },
});

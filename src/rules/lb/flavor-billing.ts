import { pointer } from '../../json/pointer.js';
import { defineRule } from '../rule.js';
import { LB, removeField } from '../utils.js';

const PREPAID_OPTIONS = pointer('/loadbalancer/prepaid_options');
const AUTOSCALING = pointer('/loadbalancer/autoscaling');
const AUTOSCALING_ENABLE = pointer('/loadbalancer/autoscaling/enable');
const FLAVOR_FIELDS = ['l4_flavor_id', 'l7_flavor_id'].map((field) => ({ field, at: LB.child(field) }));

const ELASTIC_TYPES = new Set(['L4_elastic_max', 'L7_elastic_max']);

export default defineRule({
  id: 'lb/flavor-billing',
  severity: 'error',
  description: 'Yearly/monthly billing (prepaid_options) needs fixed flavors: no autoscaling, no elastic (*_elastic_max) flavor.',
  kinds: ['create-loadbalancer'],
  hasSuggestions: true,
  check(context) {
    if (!context.object(PREPAID_OPTIONS)) return;
    if (context.boolean(AUTOSCALING_ENABLE) === true) {
      context.report({
        pointer: AUTOSCALING_ENABLE,
        message:
          'autoscaling.enable is true together with prepaid_options, but yearly/monthly billing covers only fixed-specification flavors and autoscaling makes the load balancer elastic. ' +
          'Remove autoscaling (it is deprecated), or remove prepaid_options to bill pay-per-use.',
        suggestions: [removeField(AUTOSCALING)],
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

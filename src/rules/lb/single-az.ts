import { show } from '../../text/show.js';
import { LB_AVAILABILITY_ZONE_LIST } from '../pointers.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'lb/single-az',
  severity: 'info',
  description: 'Only one availability zone; two or more are advised so the load balancer survives an AZ outage.',
  kinds: ['create-loadbalancer'],
  check(context) {
    const zones = context.array(LB_AVAILABILITY_ZONE_LIST);
    if (zones?.length !== 1) return;
    context.report({
      pointer: LB_AVAILABILITY_ZONE_LIST,
      message: `availability_zone_list has one zone (${show(zones[0])}), so the load balancer stops serving if that zone fails. Add a second zone from the same AZ set for disaster recovery.`,
    });
  },
});

import type { Flavor } from '../../model.js';
import { LB } from '../pointers.js';
import { defineRule } from '../rule.js';

/** Which flavor types each field takes (elb-api-facts.md §2.1 and §3.2). */
const FIELDS = [
  { field: 'l4_flavor_id', layer: 'L4', types: ['L4', 'L4_elastic_max'] },
  { field: 'l7_flavor_id', layer: 'L7', types: ['L7', 'L7_elastic_max'] },
].map((entry) => ({ ...entry, at: LB.child(entry.field) }));

export default defineRule({
  id: 'lb/flavor-catalog',
  severity: 'error',
  description: 'With a flavor catalog: each flavor ID must be in it, of the right layer (L4/L7), and not sold out.',
  kinds: ['create-loadbalancer'],
  check(context) {
    const catalog = context.flavors;
    if (!catalog) return;
    for (const { field, layer, types, at } of FIELDS) {
      const id = context.string(at);
      if (id === undefined) continue;
      const flavor = catalog.byId.get(id);
      if (!flavor) {
        context.report({
          pointer: at,
          message:
            `${field} is "${id}", which is not in the flavor catalog ${catalog.source} (${catalog.byId.size} flavors). ` +
            `Use the id of an ${layer} flavor from GET /v3/{project_id}/elb/flavors?type=${layer}, or save the catalog again if the flavor is new.`,
        });
      } else if (!types.includes(flavor.type)) {
        const other = FIELDS.find((candidate) => candidate.types.includes(flavor.type));
        context.report({
          pointer: at,
          message:
            `${field} is ${describe(flavor)}, a flavor of type ${flavor.type}, but ${field} takes a flavor of type ${types.join(' or ')}. ` +
            (other && context.string(other.at) !== id ? `Move this ID to ${other.field}, and use an ${layer} flavor here.` : `Use an ${layer} flavor here.`),
        });
      } else if (flavor.soldOut) {
        context.report({
          pointer: at,
          message:
            `${field} is ${describe(flavor)}, which is sold out (flavor_sold_out: true in the catalog), so the load balancer cannot be created with it. ` +
            `Choose another flavor of type ${flavor.type}.`,
        });
      }
    }
  },
});

function describe(flavor: Flavor): string {
  return flavor.name ? `"${flavor.name}" (${flavor.id})` : `"${flavor.id}"`;
}

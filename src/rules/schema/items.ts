import { fieldName } from '../../json/pointer.js';
import { show } from '../../text/show.js';
import { defineSchemaRule } from '../rule.js';

export default defineSchemaRule({
  id: 'schema/items',
  severity: 'error',
  description: 'An array has too few or too many items, or a duplicate item.',
  keywords: ['minItems', 'maxItems', 'uniqueItems'],
  describe({ keyword, pointer, value, schema, params }) {
    const field = fieldName(pointer);
    const items = Array.isArray(value) ? value : [];
    if (keyword === 'uniqueItems') {
      const [first, second] = [params.i as number, params.j as number].sort((a, b) => a - b) as [number, number];
      return { message: `${field} lists ${show(items[second])} twice (items ${first} and ${second}); each item must be unique, remove one.` };
    }
    const min = schema?.minItems as number | undefined;
    const max = schema?.maxItems as number | undefined;
    const allowed = min !== undefined && min === max ? `exactly ${min}` : min !== undefined && max !== undefined ? `${min}–${max}` : min !== undefined ? `at least ${min}` : `at most ${max}`;
    const count = `${items.length} item${items.length === 1 ? '' : 's'}`;
    return { message: `${field} has ${count}, but must have ${allowed}.` };
  },
});

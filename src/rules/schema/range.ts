import { fieldName } from '../../json/pointer.js';
import { show } from '../../text/show.js';
import { defineSchemaRule } from '../rule.js';

export default defineSchemaRule({
  id: 'schema/range',
  severity: 'error',
  description: 'A number is outside its allowed range.',
  keywords: ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'],
  describe({ pointer, value, schema }) {
    const min = (schema?.minimum ?? schema?.exclusiveMinimum) as number | undefined;
    const max = (schema?.maximum ?? schema?.exclusiveMaximum) as number | undefined;
    const above = schema?.minimum === undefined && min !== undefined ? `above ${min}` : `at least ${min}`;
    const below = schema?.maximum === undefined && max !== undefined ? `below ${max}` : `at most ${max}`;
    const allowed =
      min !== undefined && max !== undefined && schema?.minimum !== undefined && schema?.maximum !== undefined
        ? `between ${min} and ${max}`
        : [min !== undefined ? above : undefined, max !== undefined ? below : undefined].filter(Boolean).join(' and ');
    const fix = typeof value === 'number' && min !== undefined && value < min ? min : max;
    return { message: `${fieldName(pointer)} is ${show(value)}, but must be ${allowed}.${fix !== undefined ? ` Use a value such as ${fix}.` : ''}` };
  },
});

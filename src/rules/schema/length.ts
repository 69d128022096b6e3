import { fieldName } from '../../json/pointer.js';
import { defineSchemaRule } from '../rule.js';

export default defineSchemaRule({
  id: 'schema/length',
  severity: 'error',
  description: 'A string is shorter or longer than allowed.',
  keywords: ['minLength', 'maxLength'],
  describe({ pointer, value, schema }) {
    const min = schema?.minLength as number | undefined;
    const max = schema?.maxLength as number | undefined;
    const length = typeof value === 'string' ? [...value].length : 0;
    const field = fieldName(pointer);
    if (length === 0) return { message: `${field} is empty, but must have at least ${min ?? 1} character${(min ?? 1) === 1 ? '' : 's'}; fill it in or remove the field.` };
    const allowed = min !== undefined && max !== undefined ? `${min}–${max} characters` : min !== undefined ? `at least ${min} characters` : `at most ${max} characters`;
    return { message: `${field} is ${length} characters long, but must be ${allowed}.` };
  },
});

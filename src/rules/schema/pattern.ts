import { fieldName } from '../../json/pointer.js';
import { show } from '../../text/show.js';
import { defineSchemaRule } from '../rule.js';

export default defineSchemaRule({
  id: 'schema/pattern',
  severity: 'error',
  description: 'A string does not have the form the API allows.',
  keywords: ['pattern'],
  describe({ pointer, value, params, customMessage }) {
    const rule = customMessage ?? `must match the pattern ${String(params.pattern)}`;
    return { message: `${fieldName(pointer)} is ${show(value)}, but ${rule}.` };
  },
});

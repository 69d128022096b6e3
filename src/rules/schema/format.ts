import { fieldName } from '../../json/pointer.js';
import { FORMAT_WORDS } from '../../schema/format-words.js';
import { show } from '../../text/show.js';
import { defineSchemaRule } from '../rule.js';

export default defineSchemaRule({
  id: 'schema/format',
  severity: 'error',
  description: 'An ID or address is not a valid UUID or IP address.',
  keywords: ['format'],
  describe({ pointer, value, params }) {
    const format = String(params.format);
    return { message: `${fieldName(pointer)} is ${show(value)}, which is not ${FORMAT_WORDS[format] ?? `a valid ${format}`}.` };
  },
});

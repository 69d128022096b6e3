import { fieldName, parentPointer, parsePointer } from '../../json/pointer.js';
import { defineSchemaRule } from '../rule.js';

export default defineSchemaRule({
  id: 'schema/required',
  severity: 'error',
  description: 'A required field is missing.',
  keywords: ['required', 'dependentRequired'],
  describe({ pointer, schema }) {
    const missing = parsePointer(pointer).at(-1) as string;
    const properties = (schema?.properties ?? {}) as Record<string, { description?: string }>;
    const about = properties[missing]?.description;
    return { message: `${fieldName(parentPointer(pointer))} is missing the required field "${missing}"${about ? ` (${about.replace(/\.$/, '')})` : ''}; add it.` };
  },
});

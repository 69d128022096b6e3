import { fieldName, parentPointer, parsePointer } from '../../json/pointer.js';
import { closestField, didYouMean } from '../../text/suggest.js';
import { defineSchemaRule } from '../rule.js';

export default defineSchemaRule({
  id: 'schema/unknown-field',
  severity: 'error',
  description: 'A field that is not part of the request (the API would silently drop it).',
  keywords: ['additionalProperties'],
  describe({ pointer, schema, kind }) {
    const name = parsePointer(pointer).at(-1) as string;
    const known = Object.keys((schema?.properties ?? {}) as object);
    const suggestion = closestField(name, known);
    const where = parentPointer(pointer) === '' ? `the ${kind} request body` : `${fieldName(parentPointer(pointer))} in a ${kind} request`;
    return {
      message: `"${name}" is not a field of ${where}; the API would silently drop it.${didYouMean(suggestion)}`,
      ...(suggestion !== undefined && { suggestion }),
    };
  },
});

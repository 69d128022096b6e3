import { fieldName, parentPointer, parsePointer } from '../../json/pointer.js';
import { closestField, didYouMean } from '../../text/suggest.js';
import { defineSchemaRule, type DocumentSuggestion } from '../rule.js';

export default defineSchemaRule({
  id: 'schema/unknown-field',
  severity: 'error',
  description: 'A field that is not part of the request (the API would silently drop it).',
  keywords: ['additionalProperties'],
  fixable: true,
  hasSuggestions: true,
  describe({ pointer, schema, kind }) {
    const name = parsePointer(pointer).at(-1) as string;
    const known = Object.keys((schema?.properties ?? {}) as object);
    const spelledOtherwise = sameField(name, known);
    const suggestion = spelledOtherwise ?? closestField(name, known);
    const where = parentPointer(pointer) === '' ? `the ${kind} request body` : `${fieldName(parentPointer(pointer))} in a ${kind} request`;
    const suggestions: DocumentSuggestion[] = [
      ...(suggestion !== undefined ? [{ desc: `Rename "${name}" to "${suggestion}"`, fix: { renameKey: pointer, key: suggestion } }] : []),
      { desc: `Remove "${name}"`, fix: { remove: pointer } },
    ];
    return {
      message: `"${name}" is not a field of ${where}; the API would silently drop it.${didYouMean(suggestion)}`,
      ...(suggestion !== undefined && { suggestion }),
      // The engine drops the rename when the object already has the field.
      ...(spelledOtherwise !== undefined && { fix: { renameKey: pointer, key: spelledOtherwise } }),
      suggestions,
    };
  },
});

/**
 * The one known field that is this name written another way: other case, `-` for `_`, camelCase
 * (`deletionProtectionEnable`, `Name`, `vip-address`). Undefined when none or several are.
 */
function sameField(name: string, known: readonly string[]): string | undefined {
  const wanted = spelling(name);
  const matches = known.filter((field) => field !== name && spelling(field) === wanted);
  return matches.length === 1 ? matches[0] : undefined;
}

function spelling(field: string): string {
  return field.replace(/[-_]/g, '').toLowerCase();
}

import { fieldName } from '../../json/pointer.js';
import { show, listOf } from '../../text/show.js';
import { closest, didYouMean } from '../../text/suggest.js';
import { defineSchemaRule } from '../rule.js';

/** Values the API took once and no longer does, with what replaces them. */
const RETIRED: Record<string, Record<string, string>> = {
  ip_version: { v6: 'dualstack' },
};

export default defineSchemaRule({
  id: 'schema/enum',
  severity: 'error',
  description: 'A field has a value outside its allowed set.',
  keywords: ['enum', 'const'],
  fixable: true,
  hasSuggestions: true,
  describe({ pointer, params, value }) {
    const allowed = (params.allowedValues as unknown[] | undefined) ?? [params.allowedValue];
    const field = fieldName(pointer);
    const name = pointer.slice(pointer.lastIndexOf('/') + 1);
    const retired = typeof value === 'string' ? RETIRED[name]?.[value] : undefined;
    const suggestion = retired ?? (typeof value === 'string' ? closest(value, allowed.filter((v): v is string => typeof v === 'string')) : undefined);
    const only = allowed.length === 1 ? `must be ${listOf(allowed)}` : `must be one of ${listOf(allowed)}`;
    const history = retired ? ` ${show(value)} is no longer accepted by the API.` : '';
    const sameIgnoringCase = typeof value === 'string' ? allowed.filter((v) => typeof v === 'string' && v.toLowerCase() === value.toLowerCase()) : [];
    // Only a difference of case is certain; any other near miss is the author's choice.
    const fix = sameIgnoringCase.length === 1 ? { replaceValue: pointer, json: sameIgnoringCase[0] } : undefined;
    return {
      message: `${field} is ${show(value)}, but ${only}.${history}${didYouMean(suggestion)}`,
      ...(suggestion !== undefined && { suggestion }),
      ...(fix && { fix }),
      ...(suggestion !== undefined && !fix && { suggestions: [{ desc: `Replace ${show(value)} with ${show(suggestion)}`, fix: { replaceValue: pointer, json: suggestion } }] }),
    };
  },
});

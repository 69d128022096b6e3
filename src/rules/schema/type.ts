import { fieldName } from '../../json/pointer.js';
import { describeType } from '../../text/show.js';
import { defineSchemaRule } from '../rule.js';

const ARTICLES: Record<string, string> = {
  string: 'a string', integer: 'an integer', number: 'a number', boolean: 'a boolean (true or false)',
  object: 'an object', array: 'an array', null: 'null',
};

export default defineSchemaRule({
  id: 'schema/type',
  severity: 'error',
  description: 'A field has the wrong JSON type (e.g. a number written as a string).',
  keywords: ['type'],
  fixable: true,
  describe({ pointer, params, value }) {
    const expected = ([] as string[]).concat(params.type as string | string[]);
    const field = fieldName(pointer);
    const unquoted = typeof value === 'string' ? reinterpret(value, expected) : undefined;
    if (unquoted !== undefined) {
      const json = JSON.stringify(unquoted);
      return {
        message: `${field} must be ${describeType(unquoted)}, not ${describeType(value)}; remove the quotes.`,
        suggestion: json,
        // Safe only when the string holds exactly that JSON text ("5", "true"), not "05" or "1.50".
        ...(json === value && { fix: { replaceValue: pointer, json: unquoted } }),
      };
    }
    const wanted = expected.map((type) => ARTICLES[type] ?? type).join(' or ');
    return { message: `${field} must be ${wanted}, not ${describeType(value)}.` };
  },
});

/** A quoted number or boolean the author meant as the real thing. */
function reinterpret(text: string, expected: string[]): unknown {
  if ((expected.includes('integer') && /^-?\d+$/.test(text)) || (expected.includes('number') && /^-?\d+(\.\d+)?$/.test(text))) {
    return Number(text);
  }
  if (expected.includes('boolean') && (text === 'true' || text === 'false')) return text === 'true';
  return undefined;
}

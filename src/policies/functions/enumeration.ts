// Spectral's `enumeration`: the value is one of `values` (strings, numbers or booleans).

import { fieldName } from '../../json/pointer.js';
import { listOf, show } from '../../text/show.js';
import { closest, didYouMean } from '../../text/suggest.js';
import type { PolicyFunction } from '../types.js';

export const enumeration: PolicyFunction = {
  name: 'enumeration',
  options: ['values'],
  compile(options, fail, { isPlaceholder }) {
    const values = options.values;
    if (!Array.isArray(values) || values.length === 0 || values.some((value) => value !== null && typeof value === 'object')) {
      fail('enumeration needs "values": a non-empty list of strings, numbers or booleans.', values === undefined ? [] : ['values'], values === undefined ? 'key' : 'value');
      return undefined;
    }
    const strings = values.filter((value): value is string => typeof value === 'string');
    return (t) => {
      if (!t.present || isPlaceholder(t.value) || values.includes(t.value)) return [];
      const near = typeof t.value === 'string' ? closest(t.value, strings) : undefined;
      return [{ ...t, reason: `${fieldName(t.pointer)} is ${show(t.value)}, but this policy allows only ${listOf(values)}.${didYouMean(near)}` }];
    };
  },
};

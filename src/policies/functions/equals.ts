// The value equals `value` (compared as JSON, so objects and arrays compare by content).

import { fieldName } from '../../json/pointer.js';
import { show } from '../../text/show.js';
import type { PolicyFunction } from '../types.js';

export const equals: PolicyFunction = {
  name: 'equals',
  options: ['value'],
  compile(options, fail, { isPlaceholder }) {
    if (!Object.hasOwn(options, 'value')) {
      fail('equals needs "value": the value the field must have.', [], 'key');
      return undefined;
    }
    const expected = JSON.stringify(options.value);
    return (t) =>
      !t.present || isPlaceholder(t.value) || JSON.stringify(t.value) === expected
        ? []
        : [{ ...t, reason: `${fieldName(t.pointer)} is ${show(t.value)}, but this policy requires ${show(options.value)}.` }];
  },
};

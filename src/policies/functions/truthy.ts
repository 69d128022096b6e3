// Spectral's `truthy`: the field is present and not false, 0, "" or null.

import { fieldName } from '../../json/pointer.js';
import { show } from '../../text/show.js';
import type { PolicyFunction } from '../types.js';

export const truthy: PolicyFunction = {
  name: 'truthy',
  options: [],
  compile: (_options, _fail, { isPlaceholder }) => (t) => {
    if (t.present && (isPlaceholder(t.value) || t.value)) return [];
    const reason = t.present
      ? `${fieldName(t.pointer)} is ${show(t.value)}, but this policy requires a truthy value (not false, 0, "" or null).`
      : `${fieldName(t.pointer)} is missing, but this policy requires it, with a truthy value.`;
    return [{ ...t, reason }];
  },
};

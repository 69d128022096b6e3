// A number within `min`/`max` (inclusive). Non-numbers are left to the schema.

import { fieldName } from '../../json/pointer.js';
import { show } from '../../text/show.js';
import type { PolicyFunction } from '../types.js';
import { boundsWords, checkBounds, outside } from './bounds.js';

export const range: PolicyFunction = {
  name: 'range',
  options: ['min', 'max'],
  compile(options, fail, { isPlaceholder }) {
    const bounds = checkBounds('range', options, fail);
    if (!bounds) return undefined;
    const words = boundsWords(bounds);
    return (t) =>
      !t.present || isPlaceholder(t.value) || typeof t.value !== 'number' || !outside(bounds, t.value)
        ? []
        : [{ ...t, reason: `${fieldName(t.pointer)} is ${show(t.value)}, but this policy requires ${words}.` }];
  },
};

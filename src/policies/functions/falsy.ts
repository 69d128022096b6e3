// Spectral's `falsy`: the field is left out, or false, 0, "" or null.

import { fieldName } from '../../json/pointer.js';
import { show } from '../../text/show.js';
import type { PolicyFunction } from '../types.js';

export const falsy: PolicyFunction = {
  name: 'falsy',
  options: [],
  compile: (_options, _fail, { isPlaceholder }) => (t) =>
    !t.present || isPlaceholder(t.value) || !t.value
      ? []
      : [{ ...t, reason: `${fieldName(t.pointer)} is ${show(t.value)}, but this policy requires it to be left out or falsy (false, 0, "" or null).` }],
};

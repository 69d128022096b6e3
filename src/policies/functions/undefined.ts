// Spectral's `undefined`: the field is left out.

import { fieldName } from '../../json/pointer.js';
import { show } from '../../text/show.js';
import type { PolicyFunction } from '../types.js';

export const undefinedFunction: PolicyFunction = {
  name: 'undefined',
  options: [],
  compile: () => (t) => (!t.present ? [] : [{ ...t, reason: `${fieldName(t.pointer)} is set (to ${show(t.value)}), but this policy requires it to be left out.` }]),
};

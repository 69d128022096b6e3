// Spectral's `defined`: the field is present, whatever its value.

import { fieldName } from '../../json/pointer.js';
import type { PolicyFunction } from '../types.js';

export const defined: PolicyFunction = {
  name: 'defined',
  options: [],
  compile: () => (t) => (t.present ? [] : [{ ...t, reason: `${fieldName(t.pointer)} is missing, but this policy requires it.` }]),
};

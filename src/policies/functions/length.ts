// Spectral's `length`: characters of a string, items of an array, properties of an object,
// within `min`/`max` (inclusive).

import { fieldName, isObject } from '../../json/pointer.js';
import type { PolicyFunction } from '../types.js';
import { boundsWords, checkBounds, outside } from './bounds.js';

export const length: PolicyFunction = {
  name: 'length',
  options: ['min', 'max'],
  compile(options, fail, { isPlaceholder }) {
    const bounds = checkBounds('length', options, fail);
    if (!bounds) return undefined;
    const words = boundsWords(bounds);
    return (t) => {
      if (!t.present || isPlaceholder(t.value)) return [];
      const measured = measure(t.value);
      if (!measured || !outside(bounds, measured.size)) return [];
      return [{ ...t, reason: `${fieldName(t.pointer)} has ${measured.size} ${measured.unit}, but this policy requires ${words}.` }];
    };
  },
};

function measure(value: unknown): { size: number; unit: string } | undefined {
  if (typeof value === 'string') {
    const size = [...value].length;
    return { size, unit: size === 1 ? 'character' : 'characters' };
  }
  if (Array.isArray(value)) return { size: value.length, unit: value.length === 1 ? 'item' : 'items' };
  if (isObject(value)) {
    const size = Object.keys(value).length;
    return { size, unit: size === 1 ? 'property' : 'properties' };
  }
  return undefined;
}

// The `min`/`max` options that `length` and `range` share.

import { show } from '../../text/show.js';
import type { Problem } from '../types.js';

export interface Bounds {
  min?: number;
  max?: number;
}

/** The bounds, or undefined after reporting why they are unusable. */
export function checkBounds(name: 'length' | 'range', options: Readonly<Record<string, unknown>>, fail: Problem): Bounds | undefined {
  const bounds: Bounds = {};
  for (const key of ['min', 'max'] as const) {
    const value = options[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || (name === 'length' && (!Number.isInteger(value) || value < 0))) {
      fail(`${name} option "${key}" must be ${name === 'length' ? 'a whole number of 0 or more' : 'a number'}, not ${show(value)}.`, [key]);
      return undefined;
    }
    bounds[key] = value;
  }
  if (bounds.min === undefined && bounds.max === undefined) {
    fail(`${name} needs "min", "max" or both in functionOptions.`, [], 'key');
    return undefined;
  }
  if (bounds.min !== undefined && bounds.max !== undefined && bounds.min > bounds.max) {
    fail(`${name} option "min" (${bounds.min}) is greater than "max" (${bounds.max}); nothing could pass.`, ['min']);
    return undefined;
  }
  return bounds;
}

export function outside(bounds: Bounds, n: number): boolean {
  return (bounds.min !== undefined && n < bounds.min) || (bounds.max !== undefined && n > bounds.max);
}

export function boundsWords(bounds: Bounds): string {
  if (bounds.min !== undefined && bounds.max !== undefined) return `between ${bounds.min} and ${bounds.max}`;
  return bounds.min !== undefined ? `at least ${bounds.min}` : `at most ${String(bounds.max)}`;
}

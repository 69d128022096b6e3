// Which request a body is, from its one top-level key (output.md, "Kinds").

import { isObject } from '../json/pointer.js';
import type { Kind } from '../model.js';

export const KIND_BY_WRAPPER: Readonly<Record<string, Kind>> = {
  loadbalancer: 'create-loadbalancer',
  pool: 'create-master-slave-pool',
};

export function detectKind(body: unknown): Kind | null {
  if (!isObject(body)) return null;
  const keys = Object.keys(body);
  return keys.length === 1 && Object.hasOwn(KIND_BY_WRAPPER, keys[0] as string) ? (KIND_BY_WRAPPER[keys[0] as string] as Kind) : null;
}

/**
 * For a file found through a directory that is not valid JSON: is it a broken request body (to
 * report) or some other file (to skip)? Looks for a wrapper key where a body would start.
 */
export function looksLikeRequest(text: string): Kind | null {
  const match = /^\s*\{\s*(?:"|')?(loadbalancer|pool)(?:"|')?\s*:/.exec(text.slice(0, 4096));
  return match ? (KIND_BY_WRAPPER[match[1] as string] as Kind) : null;
}

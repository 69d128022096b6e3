// Which request a body is, from its top-level keys (output.md, "Kinds"), and which bodies look so
// much like a request that they must never be skipped (a misspelt wrapper key, both keys).

import { isObject } from '../json/pointer.js';
import type { Kind } from '../model.js';
import { editDistance } from '../text/suggest.js';

export const KIND_BY_WRAPPER: Readonly<Record<string, Kind>> = {
  loadbalancer: 'create-loadbalancer',
  pool: 'create-master-slave-pool',
};

const WRAPPERS = Object.keys(KIND_BY_WRAPPER);

/** The request a body is: one of the wrapper keys and not the other (other top-level keys are schema/unknown-field). */
export function detectKind(body: unknown): Kind | null {
  if (!isObject(body)) return null;
  let kind: Kind | null = null;
  for (const wrapper of WRAPPERS) {
    if (!Object.hasOwn(body, wrapper)) continue;
    if (kind !== null) return null;
    kind = KIND_BY_WRAPPER[wrapper] as Kind;
  }
  return kind;
}

/**
 * A body that is almost a request: both wrapper keys, or one top-level key that is a near miss of
 * one. Such a body gets input/unknown-kind wherever it was found; a CI gate must not pass a
 * template because its wrapper key is misspelt. Undefined for a body that is not like a request.
 */
export function almostRequest(body: unknown): { suggestion?: string } | undefined {
  if (!isObject(body)) return undefined;
  if (WRAPPERS.every((wrapper) => Object.hasOwn(body, wrapper))) return {};
  const keys = Object.keys(body);
  if (keys.length !== 1) return undefined;
  const suggestion = nearWrapper(keys[0] as string);
  return suggestion === undefined ? undefined : { suggestion };
}

/**
 * The wrapper key `key` is a near miss of: equal up to case, `_`/`-`/space and a plural `s`, or
 * within two edits of `loadbalancer`. `pool` allows one edit: two edits of a four-letter word reach
 * everyday keys (`port`, `root`, `post`), and their files would fail the gate for nothing.
 */
export function nearWrapper(key: string): string | undefined {
  if (Object.hasOwn(KIND_BY_WRAPPER, key)) return undefined;
  const normal = key.toLowerCase().replace(/[\s_-]+/g, '');
  const singular = normal.endsWith('s') ? normal.slice(0, -1) : normal;
  for (const wrapper of WRAPPERS) {
    if (normal === wrapper || singular === wrapper) return wrapper;
  }
  for (const wrapper of WRAPPERS) {
    const limit = wrapper.length >= 8 ? 2 : 1;
    if (editDistance(normal, wrapper, limit) <= limit || editDistance(singular, wrapper, limit) <= limit) return wrapper;
  }
  return undefined;
}

/**
 * For a body that is not valid JSON: is it a broken request body (to report) or some other file
 * (to skip)? Looks for a wrapper key, or a near miss of one, where a body would start. `kind` is
 * null for a near miss.
 */
export function looksLikeRequest(text: string): { kind: Kind | null } | undefined {
  const match = /^\s*\{\s*(?:"([^"\\\r\n]{1,40})"|'([^'\\\r\n]{1,40})'|([A-Za-z_$][\w$-]{0,39}))\s*:/.exec(text.slice(0, 4096));
  if (!match) return undefined;
  const key = (match[1] ?? match[2] ?? match[3]) as string;
  if (Object.hasOwn(KIND_BY_WRAPPER, key)) return { kind: KIND_BY_WRAPPER[key] as Kind };
  return nearWrapper(key) === undefined ? undefined : { kind: null };
}

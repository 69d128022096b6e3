// Every safe fix of a text, as `elb-lint --fix` applies them (api.md): lint, apply the
// non-overlapping fixes, lint the new text again, until no safe fix is left or 10 passes are done.

import { applyFixes } from '../engine/fixes.js';
import type { Finding } from '../model.js';

export const MAX_FIX_PASSES = 10;

export function fixAll(text: string, findings: readonly Finding[], relint: (text: string) => readonly Finding[]): string {
  let output = text;
  let current = findings;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const applied = applyFixes(output, current);
    if (applied.fixed.length === 0) break;
    output = applied.output;
    if (pass + 1 < MAX_FIX_PASSES) current = relint(output);
  }
  return output;
}

/** The one edit that turns `before` into `after`: the span between their common prefix and suffix. */
export function spanningEdit(before: string, after: string): { start: number; end: number; text: string } {
  let prefix = 0;
  const shorter = Math.min(before.length, after.length);
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  // Never split a surrogate pair: back up to its first half.
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  while (suffix < shorter - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;
  return { start: prefix, end: before.length - suffix, text: after.slice(prefix, after.length - suffix) };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

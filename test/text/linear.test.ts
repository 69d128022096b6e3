// Text transforms and "did you mean" stay linear on hostile input. No timings: each case is an
// input that took minutes or hours with the old code (so the test times out there), and the
// assertions check the output, or count the work done.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closest, editDistance, MAX_COMPARISONS, Suggester } from '../../src/text/suggest.js';
import { oneLine, printable } from '../../src/text/printable.js';

/** The full (unbanded) optimal string alignment distance: what editDistance must agree with. */
function referenceDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** closest() as it was written before the index: every candidate, in order. */
function referenceClosest(input: string, candidates: readonly string[], maxDistance: number): string | undefined {
  const lower = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === input) continue;
    if (candidate.toLowerCase() === lower) return candidate;
    const distance = Math.min(referenceDistance(lower, candidate.toLowerCase()), maxDistance + 1);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= maxDistance && bestDistance < Math.max(input.length, best.length) ? best : undefined;
}

const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', '_'), maxLength: 9 });

describe('edit distance and did-you-mean', () => {
  it('the banded edit distance agrees with the full one, up to the limit', () => {
    fc.assert(fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, limit) => {
      expect(editDistance(a, b, limit)).toBe(Math.min(referenceDistance(a, b), limit + 1));
    }), { numRuns: 3000 });
  });

  it('closest() and the indexed Suggester pick what a plain loop over the candidates picks', () => {
    fc.assert(fc.property(word, fc.array(word, { maxLength: 30 }), fc.integer({ min: 1, max: 3 }), (input, candidates, maxDistance) => {
      const expected = referenceClosest(input, candidates, maxDistance);
      expect(closest(input, candidates, maxDistance)).toBe(expected);
      expect(new Suggester(candidates, maxDistance).closest(input)).toBe(expected);
    }), { numRuns: 3000 });
  });

  it('over more candidates than it compares, the Suggester still finds a near miss late or early in a name', () => {
    const candidates = Array.from({ length: 5000 }, (_, index) => `policy/policy-number-${index}`);
    const suggester = new Suggester(candidates, 3);
    expect(suggester.closest('policy/policy-numbr-193')).toBe('policy/policy-number-193');
    expect(suggester.closest('plicy/policy-number-4321')).toBe('policy/policy-number-4321');
    expect(suggester.closest('policy/policy-number-77x')).toBe('policy/policy-number-77');
  });

  it('a look-up compares at most MAX_COMPARISONS candidates, however many have a near length', () => {
    const candidates = Array.from({ length: 20_000 }, (_, index) => `policy/name-${String(index).padStart(5, '0')}`);
    const suggester = new Suggester(candidates, 3);
    for (let index = 0; index < 100; index++) suggester.closest(`policy/nmae-${index}`);
    expect(suggester.comparisons).toBeLessThanOrEqual(100 * MAX_COMPARISONS);
    // A case-insensitive match is found through the index, with no comparison at all.
    const before = suggester.comparisons;
    expect(suggester.closest('POLICY/NAME-12345')).toBe('policy/name-12345');
    expect(suggester.comparisons).toBe(before);
  });

  it('a candidate whose length is out of reach costs nothing: a 640 kB input makes no comparison', () => {
    const suggester = new Suggester(['loadbalancer', 'pool'], 2);
    expect(suggester.closest(`${' '.repeat(640_000)}pool`)).toBeUndefined();
    expect(suggester.comparisons).toBe(0);
  });

  it('two long strings of the same length are compared along the diagonal band only', () => {
    const a = 'x'.repeat(200_000);
    expect(editDistance(a, `${a.slice(1)}y`, 3)).toBe(1);
    expect(editDistance(a, 'y'.repeat(200_000), 3)).toBe(4);
  });
});

describe('message flattening and escaping', () => {
  it('oneLine: a 640 kB run of spaces without a line break is left as it is', () => {
    const key = `a${' '.repeat(640_000)}b`;
    expect(oneLine(key)).toBe(key);
  });

  it('oneLine: every whitespace run that holds a line break becomes one space, also in huge runs', () => {
    const half = ' '.repeat(500_000);
    expect(oneLine(`a${half}\n${half}b`)).toBe('a b');
    expect(oneLine('one\r\n  two\n\nthree\rfour  five')).toBe('one two three four  five');
    expect(oneLine(`${'x \n'.repeat(200_000)}`)).toBe(`${'x '.repeat(200_000)}`);
  });

  it('printable escapes C0 and C1 controls, DEL, U+2028/2029 and bidi controls, and nothing else', () => {
    expect(printable('\u001b[2J\u0007bell\rcr\nlf\ttab\u0000nul\u007fdel\u0085nel\u009bcsi')).toBe('\\u001B[2J\\u0007bell\\rcr\\nlf\\ttab\\u0000nul\\u007Fdel\\u0085nel\\u009Bcsi');
    expect(printable('a\u2028b\u2029c\u202ed\u2066e\u2069f\u200fg\u061ch')).toBe('a\\u2028b\\u2029c\\u202Ed\\u2066e\\u2069f\\u200Fg\\u061Ch');
    const ordinary = 'Port 1–65535, "naïve" 名前 🙂 \\u001b as text';
    expect(printable(ordinary)).toBe(ordinary);
  });

  it('printable is linear: a megabyte of escapes comes out whole', () => {
    const text = '\u001b'.repeat(1_000_000);
    expect(printable(text)).toBe('\\u001B'.repeat(1_000_000));
  });
});

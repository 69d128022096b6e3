// "Did you mean …?": the closest candidate by case-insensitive match or edit distance ≤ 2.
// Linear however hostile the input: candidates are indexed once, by lower-case text, each
// comparison is banded (O(length × distance)), and one look-up makes at most MAX_COMPARISONS of
// them. Up to that many candidates, every one whose length is within reach is compared; beyond
// it, the neighbours of the input in sorted order and in sorted order of the reversed texts (a
// typo late in a name keeps its start, an early one keeps its end).

/** Edit-distance comparisons one look-up may make: a config with 5,000 policies must not cost 5,000 per typo. */
export const MAX_COMPARISONS = 200;
/** Entries a look-up may step over in each sorted list while looking for candidates of a near length. */
const MAX_SCANNED = 4 * MAX_COMPARISONS;

interface Candidate {
  text: string;
  lower: string;
  reversed: string;
  /** Position among the candidates: the earlier wins a tie, as in a plain loop. */
  order: number;
}

export class Suggester {
  /** Edit-distance comparisons made so far (for tests and benchmarks). */
  comparisons = 0;
  private readonly byLower = new Map<string, string[]>();
  private readonly all: Candidate[] = [];
  private forward: Candidate[] | undefined;
  private backward: Candidate[] | undefined;

  constructor(candidates: Iterable<string>, private readonly maxDistance = 2) {
    for (const text of candidates) {
      const lower = text.toLowerCase();
      const same = this.byLower.get(lower);
      if (same) same.push(text);
      else this.byLower.set(lower, [text]);
      this.all.push({ text, lower, reversed: '', order: this.all.length });
    }
  }

  closest(input: string, maxDistance = this.maxDistance): string | undefined {
    const lower = input.toLowerCase();
    const sameLetters = this.byLower.get(lower)?.find((candidate) => candidate !== input);
    if (sameLetters !== undefined) return sameLetters;
    let best: Candidate | undefined;
    let bestDistance = Infinity;
    for (const candidate of this.near(lower, maxDistance)) {
      if (candidate.text === input) continue;
      this.comparisons++;
      const distance = editDistance(lower, candidate.lower, maxDistance);
      if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate.order < best.order)) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return acceptable(input, best?.text, bestDistance, maxDistance);
  }

  /** The candidates worth comparing: at most MAX_COMPARISONS, each of a length within reach. */
  private near(lower: string, maxDistance: number): Candidate[] {
    const reachable = (candidate: Candidate) => Math.abs(candidate.lower.length - lower.length) <= maxDistance;
    if (this.all.length <= MAX_COMPARISONS) return this.all.filter(reachable);
    if (!this.forward || !this.backward) {
      for (const candidate of this.all) candidate.reversed = reverse(candidate.lower);
      this.forward = [...this.all].sort((a, b) => compare(a.lower, b.lower));
      this.backward = [...this.all].sort((a, b) => compare(a.reversed, b.reversed));
    }
    const chosen = new Set<Candidate>();
    neighbours(this.forward, lower, (candidate) => candidate.lower, reachable, chosen, MAX_COMPARISONS / 2);
    neighbours(this.backward, reverse(lower), (candidate) => candidate.reversed, reachable, chosen, MAX_COMPARISONS);
    return [...chosen];
  }
}

/** Adds to `chosen` (up to `limit` in all) the reachable entries nearest to `key` in the sorted list, alternating sides. */
function neighbours(sorted: readonly Candidate[], key: string, keyOf: (candidate: Candidate) => string, reachable: (candidate: Candidate) => boolean, chosen: Set<Candidate>, limit: number): void {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (compare(keyOf(sorted[middle] as Candidate), key) < 0) low = middle + 1;
    else high = middle;
  }
  let left = low - 1;
  let right = low;
  for (let scanned = 0; scanned < MAX_SCANNED && chosen.size < limit && (left >= 0 || right < sorted.length); scanned++) {
    const index = (scanned % 2 === 0 && right < sorted.length) || left < 0 ? right++ : left--;
    const candidate = sorted[index] as Candidate;
    if (reachable(candidate)) chosen.add(candidate);
  }
}

function reverse(text: string): string {
  return [...text].reverse().join('');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One look-up. A short list (every built-in one) is searched in place; a long one is indexed first. */
export function closest(input: string, candidates: Iterable<string>, maxDistance = 2): string | undefined {
  const list = Array.isArray(candidates) ? (candidates as readonly string[]) : [...candidates];
  if (list.length > MAX_COMPARISONS) return new Suggester(list, maxDistance).closest(input);
  const lower = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of list) {
    if (candidate === input) continue;
    const candidateLower = candidate.toLowerCase();
    if (candidateLower === lower) return candidate;
    const distance = editDistance(lower, candidateLower, maxDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return acceptable(input, best, bestDistance, maxDistance);
}

/** Two edits turn any two-letter word into any other: a near miss keeps at least one letter. */
function acceptable(input: string, best: string | undefined, distance: number, maxDistance: number): string | undefined {
  return best !== undefined && distance <= maxDistance && distance < Math.max(input.length, best.length) ? best : undefined;
}

/**
 * Damerau–Levenshtein (optimal string alignment) distance, giving up above `limit`. Only the band
 * of cells within `limit` of the diagonal is computed: O(length × limit), not O(length²).
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const over = limit + 1;
  const width = b.length + 2;
  let before = new Array<number>(width).fill(over); // row i - 2
  let previous = new Array<number>(width).fill(over); // row i - 1
  let current = new Array<number>(width).fill(over);
  for (let j = 0; j <= Math.min(b.length, limit); j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const low = Math.max(1, i - limit);
    const high = Math.min(b.length, i + limit);
    // The cells just outside the band may hold a row from before: mark them out of reach.
    current[low - 1] = low === 1 && i <= limit ? i : over;
    current[high + 1] = over;
    let rowMinimum = current[low - 1] as number;
    for (let j = low; j <= high; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (before[j - 2] as number) + 1);
      }
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > limit) return over;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length] as number, over);
}

/** Field names are long and typos in them compound (max_retry → max_retries): allow 3 edits from 8 letters. */
export function closestField(input: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  const near = closest(input, list, input.length >= 8 ? 3 : 2);
  if (near !== undefined || input.length < 6) return near;
  // A shortened name (deletion_protection → deletion_protection_enable).
  const lower = input.toLowerCase();
  return list.find((candidate) => candidate.toLowerCase().startsWith(lower));
}

export function didYouMean(suggestion: string | undefined): string {
  return suggestion === undefined ? '' : ` Did you mean "${suggestion}"?`;
}

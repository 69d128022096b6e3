// "Did you mean …?": the closest candidate by case-insensitive match or edit distance ≤ 2.

export function closest(input: string, candidates: Iterable<string>, maxDistance = 2): string | undefined {
  const lower = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === input) continue;
    if (candidate.toLowerCase() === lower) return candidate;
    const distance = editDistance(lower, candidate.toLowerCase(), maxDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // Two edits turn any two-letter word into any other: a near miss keeps at least one letter.
  return best !== undefined && bestDistance <= maxDistance && bestDistance < Math.max(input.length, best.length) ? best : undefined;
}

/** Damerau–Levenshtein (optimal string alignment) distance, giving up above `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (previousPrevious[j - 2] as number) + 1);
      }
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    previousPrevious = previous;
    previous = current;
  }
  return previous[b.length] as number;
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

// Applying safe fixes to a text (api.md): in offset order, each edit replacing only its range, an
// edit that overlaps one already taken left for the next pass (as ESLint's source-code fixer does).

import type { Finding, TextEdit } from '../model.js';

export interface FixOutcome {
  /** The text with the fixes applied (the same string when none applied). */
  output: string;
  /** The findings whose fix was applied. */
  fixed: Finding[];
  /** Every other finding: without a safe fix, or whose fix overlapped one applied. */
  remaining: Finding[];
}

export function applyFixes(text: string, findings: readonly Finding[]): FixOutcome {
  const withFix = findings.filter((finding) => finding.fix !== undefined && isValidEdit(finding.fix, text.length));
  withFix.sort((a, b) => (a.fix as TextEdit).range[0] - (b.fix as TextEdit).range[0] || (a.fix as TextEdit).range[1] - (b.fix as TextEdit).range[1]);
  const taken = new Set<Finding>();
  const pieces: string[] = [];
  let cursor = 0;
  // Two insertions at one offset would come out in an order nobody chose: the first wins.
  let insertedAt = -1;
  for (const finding of withFix) {
    const { range: [start, end], text: replacement } = finding.fix as TextEdit;
    if (start < cursor || (start === end && start === insertedAt)) continue;
    pieces.push(text.slice(cursor, start), replacement);
    cursor = end;
    if (start === end) insertedAt = start;
    taken.add(finding);
  }
  if (taken.size === 0) return { output: text, fixed: [], remaining: [...findings] };
  pieces.push(text.slice(cursor));
  return {
    output: pieces.join(''),
    fixed: findings.filter((finding) => taken.has(finding)),
    remaining: findings.filter((finding) => !taken.has(finding)),
  };
}

function isValidEdit(edit: TextEdit, length: number): boolean {
  const [start, end] = edit.range;
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= length && typeof edit.text === 'string';
}


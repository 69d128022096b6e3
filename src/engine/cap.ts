// The findings kept per file: the first MAX_FINDINGS_PER_FILE in report order, plus one finding
// that says how many more there were. A body with a million unknown keys would otherwise keep a
// million findings and their report text in memory, and no one reads past the first screenful.
//
// The kept findings are held in a bounded max-heap (the worst kept finding on top), so memory
// stays at the limit however many findings arrive, in whatever order they arrive.

import { compareFindings, type Finding, type Severity } from '../model.js';

export const MAX_FINDINGS_PER_FILE = 1000;

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export class FindingCap {
  private readonly heap: Finding[] = [];
  private overflow = 0;
  /** Per rule ID: how many of its findings were dropped, and the first (in report order) of them. */
  private dropped: Map<string, { count: number; first: Finding }> | undefined;

  constructor(private readonly limit = MAX_FINDINGS_PER_FILE) {}

  /** How many findings were dropped so far. */
  get droppedCount(): number {
    return this.overflow;
  }

  add(finding: Finding): void {
    if (this.heap.length < this.limit) {
      this.heap.push(finding);
      this.siftUp(this.heap.length - 1);
      return;
    }
    const worst = this.heap[0];
    if (worst !== undefined && compareFindings(finding, worst) < 0) {
      this.heap[0] = finding;
      this.siftDown(0);
      this.drop(worst);
    } else this.drop(finding);
  }

  /** The kept findings in report order, then the one that counts the rest (when any were dropped). */
  findings(): Finding[] {
    const kept = [...this.heap].sort(compareFindings);
    const more = this.overflowFinding();
    if (more) kept.push(more);
    return kept;
  }

  private drop(finding: Finding): void {
    this.overflow++;
    // Made at the first drop: almost every file keeps all its findings.
    const dropped = (this.dropped ??= new Map());
    const entry = dropped.get(finding.ruleId);
    if (!entry) dropped.set(finding.ruleId, { count: 1, first: finding });
    else {
      entry.count++;
      if (compareFindings(finding, entry.first) < 0) entry.first = finding;
    }
  }

  /**
   * Reported under the dropped rule with the highest severity (then the most findings), with that
   * severity, so the exit code is what the whole list would have given. It sits at the first
   * finding of that rule that was left out.
   */
  private overflowFinding(): Finding | undefined {
    if (this.overflow === 0 || this.dropped === undefined) return undefined;
    const rules = [...this.dropped].map(([ruleId, entry]) => ({ ruleId, ...entry }));
    rules.sort((a, b) => RANK[b.first.severity] - RANK[a.first.severity] || b.count - a.count || (a.ruleId < b.ruleId ? -1 : 1));
    const top = rules[0] as (typeof rules)[number];
    const byRule = rules.slice(0, 5).map((rule) => `${count(rule.count)} ${rule.ruleId}`).join(', ');
    const others = rules.length > 5 ? `, and ${count(rules.slice(5).reduce((sum, rule) => sum + rule.count, 0))} of ${rules.length - 5} other rules` : '';
    const message = `${count(this.overflow)} more finding${this.overflow === 1 ? '' : 's'} in this file not shown (${byRule}${others}): elb-lint keeps the first ${count(this.limit)} per file. Fix these and lint again.`;
    const { line, column, endLine, endColumn, pointer, severity } = top.first;
    return { ruleId: top.ruleId, severity, message, pointer, line, column, endLine, endColumn };
  }

  private siftUp(index: number): void {
    const heap = this.heap;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (compareFindings(heap[index] as Finding, heap[parent] as Finding) <= 0) return;
      [heap[index], heap[parent]] = [heap[parent] as Finding, heap[index] as Finding];
      index = parent;
    }
  }

  private siftDown(index: number): void {
    const heap = this.heap;
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let largest = index;
      if (left < heap.length && compareFindings(heap[left] as Finding, heap[largest] as Finding) > 0) largest = left;
      if (right < heap.length && compareFindings(heap[right] as Finding, heap[largest] as Finding) > 0) largest = right;
      if (largest === index) return;
      [heap[index], heap[largest]] = [heap[largest] as Finding, heap[index] as Finding];
      index = largest;
    }
  }
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

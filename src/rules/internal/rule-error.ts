import { defineInputRule } from '../rule.js';

export default defineInputRule({
  id: 'internal/rule-error',
  severity: 'error',
  description: 'A rule failed on this file (a bug in elb-lint); the other rules still ran.',
});

export function ruleErrorMessage(ruleId: string, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return `Rule ${ruleId} failed on this file: ${reason}. This is a bug in elb-lint; please report it with the file. The other rules still ran.`;
}

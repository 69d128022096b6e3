import { POOL_HEALTHMONITOR_DELAY, POOL_HEALTHMONITOR_TIMEOUT } from '../pointers.js';
import { defineRule } from '../rule.js';

/** Both fields take 1–50 seconds (pool/healthmonitor-range). */
const MAX_SECONDS = 50;

export default defineRule({
  id: 'pool/healthmonitor-timeout',
  severity: 'warning',
  description: 'Health-check timeout should be below delay, or checks overlap.',
  kinds: ['create-master-slave-pool'],
  hasSuggestions: true,
  check(context) {
    const delay = context.number(POOL_HEALTHMONITOR_DELAY);
    const timeout = context.number(POOL_HEALTHMONITOR_TIMEOUT);
    if (delay === undefined || timeout === undefined || timeout < delay) return;
    context.report({
      pointer: POOL_HEALTHMONITOR_TIMEOUT,
      message:
        `healthmonitor.timeout is ${timeout}, which is not below healthmonitor.delay (${delay}); a check could still be waiting when the next one starts. ` +
        fix(delay, timeout),
      suggestions: [
        ...(delay > 1 && delay - 1 <= MAX_SECONDS ? [{ desc: `Lower healthmonitor.timeout to ${delay - 1}`, fix: { replaceValue: POOL_HEALTHMONITOR_TIMEOUT, json: delay - 1 } }] : []),
        ...(timeout < MAX_SECONDS ? [{ desc: `Raise healthmonitor.delay to ${timeout + 1}`, fix: { replaceValue: POOL_HEALTHMONITOR_DELAY, json: timeout + 1 } }] : []),
      ],
    });
  },
});

/** Advice that stays inside the 1–50 s range both fields have. */
function fix(delay: number, timeout: number): string {
  const ways: string[] = [];
  if (delay > 1 && delay <= 51) ways.push(`lower timeout to ${delay - 1} or less`);
  if (timeout < 50) ways.push(`raise delay to ${Math.max(timeout + 1, 1)} or more (at most 50)`);
  if (ways.length === 0) return 'Choose a timeout below the delay, e.g. delay 5 and timeout 3.';
  const text = ways.join(', or ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

import { LB_PREPAID_OPTIONS_PERIOD_NUM, LB_PREPAID_OPTIONS_PERIOD_TYPE } from '../pointers.js';
import { defineRule } from '../rule.js';
import { outside } from '../utils.js';

const LIMITS = { month: 9, year: 3 } as const;

export default defineRule({
  id: 'lb/prepaid-period',
  severity: 'error',
  description: 'prepaid_options.period_num must be 1–9 for months or 1–3 for years.',
  kinds: ['create-loadbalancer'],
  fixable: true,
  check(context) {
    const type = context.string(LB_PREPAID_OPTIONS_PERIOD_TYPE);
    const count = context.number(LB_PREPAID_OPTIONS_PERIOD_NUM);
    if (type !== 'month' && type !== 'year') return;
    if (!outside(count, 1, LIMITS[type])) return;
    const asYears = type === 'month' && count % 12 === 0 && count / 12 >= 1 && count / 12 <= LIMITS.year ? count / 12 : undefined;
    const fix = asYears !== undefined
      ? ` For ${count} months use period_type "year" with period_num ${asYears}.`
      : ` Use a value from 1 to ${LIMITS[type]}.`;
    context.report({
      pointer: LB_PREPAID_OPTIONS_PERIOD_NUM,
      message: `prepaid_options.period_num is ${count}, but with period_type "${type}" it must be between 1 and ${LIMITS[type]}.${fix}`,
      // 12, 24 or 36 months are whole years: the same period, said the way the API takes it.
      ...(asYears !== undefined && { fix: [{ replaceValue: LB_PREPAID_OPTIONS_PERIOD_TYPE, json: 'year' }, { replaceValue: LB_PREPAID_OPTIONS_PERIOD_NUM, json: asYears }] }),
    });
  },
});

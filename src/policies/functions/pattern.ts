// Spectral's `pattern`: a string (or number, as text) matches `match` and does not match
// `notMatch`. The regular expressions come from the untrusted configuration, so they go
// through compileUserRegex (length and backtracking limits).

import { compileUserRegex, type UserRegex } from '../../config/regex.js';
import { fieldName } from '../../json/pointer.js';
import { show } from '../../text/show.js';
import type { PolicyFunction, Problem } from '../types.js';

export const pattern: PolicyFunction = {
  name: 'pattern',
  options: ['match', 'notMatch'],
  compile(options, fail, { isPlaceholder }) {
    if (options.match === undefined && options.notMatch === undefined) fail('pattern needs "match" or "notMatch" (a regular expression) in functionOptions.', [], 'key');
    const match = regexOption(options, 'match', fail);
    const notMatch = regexOption(options, 'notMatch', fail);
    if (match === false || notMatch === false) return undefined;
    return (t) => {
      if (!t.present || isPlaceholder(t.value) || (typeof t.value !== 'string' && typeof t.value !== 'number')) return [];
      const text = String(t.value);
      if (match && !match.regex.test(text)) return [{ ...t, reason: `${fieldName(t.pointer)} is ${show(t.value)}, which does not match ${match.shown}.` }];
      if (notMatch && notMatch.regex.test(text)) return [{ ...t, reason: `${fieldName(t.pointer)} is ${show(t.value)}, which matches ${notMatch.shown}, and this policy forbids that.` }];
      return [];
    };
  },
};

/** The compiled option, undefined when it is not given, false when it is unusable (reported). */
function regexOption(options: Readonly<Record<string, unknown>>, key: 'match' | 'notMatch', fail: Problem): UserRegex | undefined | false {
  const source = options[key];
  if (source === undefined) return undefined;
  if (typeof source !== 'string') {
    fail(`pattern option "${key}" must be a regular expression written as a string, not ${show(source)}.`, [key]);
    return false;
  }
  const regex = compileUserRegex(source);
  if (typeof regex !== 'string') return regex;
  fail(`pattern option "${key}" is not a valid regular expression: ${regex}.`, [key]);
  return false;
}

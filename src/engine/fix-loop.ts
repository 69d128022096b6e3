// --fix for one text (api.md): lint, apply the safe fixes, lint the new text again, until no safe
// fix is left or 10 passes are done (as ESLint). A fix that would leave the text unparseable, or
// no longer a request body, is not taken; a text that does not parse is never changed.

import type { FileResult } from '../model.js';
import parseInvalidJson from '../rules/parse/invalid-json.js';
import { applyFixes } from './fixes.js';

export const MAX_FIX_PASSES = 10;

export interface FixedText {
  /** The text after every pass (the same string when nothing was fixed). */
  output: string;
  /** The result for `output`: what is left. */
  result: FileResult;
  /** How many fixes were applied, over all passes. */
  fixed: number;
}

/** `lint` gives the result for a text, or undefined when the text is not (or no longer) a request body. */
export function fixText(text: string, first: FileResult, lint: (text: string) => FileResult | undefined): FixedText {
  let output = text;
  let result = first;
  let fixed = 0;
  if (unparseable(first)) return { output, result, fixed };
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const applied = applyFixes(output, result.findings);
    if (applied.fixed.length === 0) break;
    const next = lint(applied.output);
    if (!next || unparseable(next)) break;
    output = applied.output;
    result = next;
    fixed += applied.fixed.length;
  }
  return { output, result, fixed };
}

/** Whether any safe fix is on offer (so that files without one are never read twice). */
export function hasSafeFix(result: FileResult): boolean {
  return result.findings.some((finding) => finding.fix !== undefined);
}

function unparseable(result: FileResult): boolean {
  return result.findings.some((finding) => finding.ruleId === parseInvalidJson.id);
}

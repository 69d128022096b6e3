// --fix and --fix-dry-run for one file: the safe fixes applied pass after pass (engine/fix-loop.ts),
// then the file rewritten atomically when its text changed (--fix), or the fixed text put in the
// report as `output` (--fix-dry-run). The only place elb-lint writes to a linted file.

import { lstatSync, readFileSync } from '../node-fs.js';
import { fixText } from '../engine/fix-loop.js';
import { lintFileText, type FileOptions } from '../engine/lint-file.js';
import { decodeBody } from '../input/decode.js';
import { describeError } from '../fs-errors.js';
import type { InputFile } from '../input/discover.js';
import type { FixedFile, LintedOutcome } from '../lint.js';
import { writeAtomically } from '../write-file.js';

export type FixMode = 'write' | 'dry-run';

const BOM = '\ufeff';

export function fixFile(mode: FixMode, file: InputFile, bytes: Uint8Array, linted: LintedOutcome, options: FileOptions): FixedFile {
  const decoded = decodeBody(bytes);
  if (!decoded.ok) return { outcome: linted };
  const lint = (text: string) => {
    const outcome = lintFileText(file, text, options);
    return outcome.status === 'linted' ? outcome : undefined;
  };
  // Linted afresh, not taken from the outcome given: that may come from the cache, which is the
  // linted repository's file like any other, and its edits are not to be trusted with a write.
  const first = lint(decoded.text);
  if (!first) return { outcome: linted };
  const fixed = fixText(decoded.text, first.result, (text) => lint(text)?.result);
  // Fixes change no request line, so the requests an .http file skips stay those of the first text.
  const outcome: LintedOutcome = { ...first, result: fixed.result };
  if (fixed.output === decoded.text) return { outcome };
  // A UTF-8 byte order mark is not part of the text the offsets count; it stays in the file.
  const text = (hasBom(bytes) ? BOM : '') + fixed.output;
  if (mode === 'dry-run') return { outcome: { ...outcome, result: { ...outcome.result, output: text } } };
  if (file.absolute === undefined) return { outcome, failure: 'Cannot write fixes to standard input; use --fix-dry-run.' };
  const refusal = refuseToWrite(file.absolute, bytes);
  if (refusal) return { outcome: linted, warning: `"${file.path}" ${refusal}; not fixed.` };
  try {
    writeAtomically(file.absolute, text);
  } catch (error) {
    return { outcome: linted, failure: `Cannot write the fixes to "${file.path}": ${describeError(error)}.` };
  }
  return { outcome, written: new TextEncoder().encode(text) };
}

/**
 * The linted repository is untrusted: a link in it may point anywhere, so --fix writes only the
 * file itself; and a file that changed since it was read keeps the change.
 */
function refuseToWrite(absolute: string, linted: Uint8Array): string | undefined {
  try {
    if (lstatSync(absolute).isSymbolicLink()) return 'is a symbolic link, and --fix does not write through links';
    if (!Buffer.from(linted).equals(readFileSync(absolute))) return 'changed while it was being linted';
  } catch (error) {
    return `could not be read again (${describeError(error)})`;
  }
  return undefined;
}

function hasBom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

// Fingerprints that identify a finding across runs for code scanning (SARIF partialFingerprints)
// and GitLab code quality: file, rule and JSON pointer, plus the occurrence among identical ones.
// No line number or message goes in, so they survive edits elsewhere in the file.

import { createHash } from 'node:crypto';
import type { FileResult } from '../model.js';

/** One fingerprint per finding of the file, in the file's finding order. */
export function findingFingerprints(file: FileResult): string[] {
  const seen = new Map<string, number>();
  return file.findings.map((finding) => {
    const identity = `${file.path}\u0000${finding.ruleId}\u0000${finding.pointer}`;
    const occurrence = (seen.get(identity) ?? 0) + 1;
    seen.set(identity, occurrence);
    return createHash('sha256').update(`${identity}\u0000${occurrence}`).digest('hex').slice(0, 32);
  });
}

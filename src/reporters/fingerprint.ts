// Fingerprints that identify a finding across runs for code scanning (SARIF partialFingerprints)
// and GitLab code quality: the finding's identity (model.ts: file, rule, JSON pointer), plus the
// occurrence among identical ones.

import { createHash } from 'node:crypto';
import { findingIdentity, type FileResult } from '../model.js';

/** One fingerprint per finding of the file, in the file's finding order. */
export function findingFingerprints(file: FileResult): string[] {
  const seen = new Map<string, number>();
  return file.findings.map((finding) => {
    const identity = findingIdentity(file.path, finding);
    const occurrence = (seen.get(identity) ?? 0) + 1;
    seen.set(identity, occurrence);
    return createHash('sha256').update(`${identity}\u0000${occurrence}`).digest('hex').slice(0, 32);
  });
}

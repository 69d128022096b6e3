// GitLab CI code quality report (artifacts:reports:codequality): a JSON array of issues with
// description, check_name, fingerprint, severity and location (path, lines.begin). Shown in merge
// request widgets and diffs.

import type { Severity } from '../model.js';
import { findingFingerprints } from './fingerprint.js';
import type { Reporter } from './types.js';

/** GitLab's severities are info, minor, major, critical and blocker. */
const SEVERITY: Record<Severity, 'major' | 'minor' | 'info'> = { error: 'major', warning: 'minor', info: 'info' };

const gitlab: Reporter = (report) => {
  const issues = report.files.flatMap((file) => {
    const fingerprints = findingFingerprints(file);
    return file.findings.map((finding, index) => ({
      type: 'issue',
      description: finding.message,
      check_name: finding.ruleId,
      fingerprint: fingerprints[index] as string,
      severity: SEVERITY[finding.severity],
      location: { path: file.path, lines: { begin: finding.line, end: finding.endLine } },
    }));
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
};

export default gitlab;

// One line per finding, `path:line:column: severity: message [ruleId]`, for problem matchers.

import type { Reporter } from './types.js';

const compact: Reporter = (report) => {
  let out = '';
  for (const file of report.files) {
    for (const finding of file.findings) {
      out += `${file.path}:${finding.line}:${finding.column}: ${finding.severity}: ${oneLine(finding.message)} [${finding.ruleId}]\n`;
    }
  }
  return out;
};

export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

export default compact;

// One line per finding, `path:line:column: severity: message [ruleId]`, for problem matchers.
// Line breaks in a message become a space, and other control characters from the linted files
// are escaped (printable), so a body cannot add or rewrite lines.

import { oneLine, printable } from '../text/printable.js';
import type { Reporter } from './types.js';

const compact: Reporter = (report) => {
  let out = '';
  for (const file of report.files) {
    const path = printable(file.path);
    for (const finding of file.findings) {
      out += `${path}:${finding.line}:${finding.column}: ${finding.severity}: ${printable(oneLine(finding.message))} [${printable(finding.ruleId)}]\n`;
    }
  }
  return out;
};

export default compact;

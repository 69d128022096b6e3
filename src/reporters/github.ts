// GitHub Actions workflow commands: one annotation per finding.
// Escaping follows @actions/core: data escapes % CR LF; properties also escape : and ,. Before
// that, control characters from the linted files (ESC, BEL, CR, LF, bidi overrides) are written
// as escapes (printable): a body can neither colour the log nor start a workflow command of its own.

import type { Severity } from '../model.js';
import { printable } from '../text/printable.js';
import type { Reporter } from './types.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

const github: Reporter = (report) => {
  let out = '';
  for (const file of report.files) {
    for (const finding of file.findings) {
      const properties = [
        `file=${escapeProperty(file.path)}`,
        `line=${finding.line}`,
        `col=${finding.column}`,
        `endLine=${finding.endLine}`,
        `endColumn=${finding.endColumn}`,
        `title=${escapeProperty(finding.ruleId)}`,
      ].join(',');
      out += `::${COMMAND[finding.severity]} ${properties}::${escapeData(finding.message)}\n`;
    }
  }
  return out;
};

export function escapeData(text: string): string {
  return printable(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export default github;

// Text for people, in the manner of ESLint's "stylish": findings grouped by file, aligned
// columns, the rule ID last, and a closing summary line.

import pc from 'picocolors';
import type { Severity } from '../model.js';
import type { Reporter } from './types.js';

const MAX_ALIGNED_MESSAGE = 80;

const human: Reporter = (report, context) => {
  const c = pc.createColors(context.color);
  const paint: Record<Severity, (text: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  let out = '';
  for (const file of report.files) {
    if (file.findings.length === 0) continue;
    const places = file.findings.map((finding) => `${finding.line}:${finding.column}`);
    const placeWidth = widest(places.map((place) => place.length));
    const severityWidth = widest(file.findings.map((finding) => finding.severity.length));
    // Align rule IDs, but do not push them past the width of an ordinary message.
    const messageWidth = Math.min(MAX_ALIGNED_MESSAGE, widest(file.findings.map((finding) => finding.message.length)));
    out += `\n${c.underline(file.path)}\n`;
    file.findings.forEach((finding, index) => {
      const place = (places[index] as string).padEnd(placeWidth);
      const severity = paint[finding.severity](finding.severity.padEnd(severityWidth));
      const message = finding.message.padEnd(messageWidth);
      out += `  ${c.dim(place)}  ${severity}  ${message}  ${c.dim(finding.ruleId)}\n`;
    });
  }
  const { files, errors, warnings, infos } = report.summary;
  const problems = errors + warnings + infos;
  const inFiles = `in ${files} file${files === 1 ? '' : 's'}`;
  if (problems === 0) return `${out}${c.green('✔')} No problems ${inFiles}.\n`;
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}`;
  const line = `✖ ${plural(problems, 'problem')} (${counts}) ${inFiles}`;
  const colour = errors > 0 ? c.red : warnings > 0 ? c.yellow : c.blue;
  return `${out}\n${c.bold(colour(line))}\n`;
};

/** Math.max(...lengths) without spreading: a file with 300,000 findings would overflow the stack. */
function widest(lengths: readonly number[]): number {
  let width = 0;
  for (const length of lengths) if (length > width) width = length;
  return width;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export default human;

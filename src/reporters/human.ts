// Text for people, in the manner of ESLint's "stylish": findings grouped by file, every column
// aligned (widths in terminal columns), the rule ID last, and a closing summary line that says how
// the run ended. Text from the linted files is escaped (printable), so it cannot drive the terminal.

import pc from 'picocolors';
import type { FileResult, Severity } from '../model.js';
import { printable } from '../text/printable.js';
import { displayWidth, padToWidth } from '../text/width.js';
import type { Reporter, RunOutcome } from './types.js';

/**
 * Rule IDs line up after the widest message of the file, up to this many columns. Only a message
 * that quotes a huge key or value is longer; padding the others to it would write megabytes of spaces.
 */
export const MAX_ALIGNED_MESSAGE = 400;

const human: Reporter = (report, context) => {
  const c = pc.createColors(context.color);
  const paint: Record<Severity, (text: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  let out = '';
  for (const file of report.files) {
    if (file.findings.length === 0) continue;
    const places = file.findings.map((finding) => `${finding.line}:${finding.column}`);
    const messages = file.findings.map((finding) => printable(finding.message));
    const widths = messages.map(displayWidth);
    const placeWidth = widest(places.map((place) => place.length));
    const severityWidth = widest(file.findings.map((finding) => finding.severity.length));
    const messageWidth = widest(widths.filter((width) => width <= MAX_ALIGNED_MESSAGE));
    out += `\n${c.underline(printable(file.path))}\n`;
    file.findings.forEach((finding, index) => {
      const place = (places[index] as string).padEnd(placeWidth);
      const severity = paint[finding.severity](finding.severity.padEnd(severityWidth));
      const message = padToWidth(messages[index] as string, messageWidth);
      out += `  ${c.dim(place)}  ${severity}  ${message}  ${c.dim(printable(finding.ruleId))}\n`;
    });
  }
  return `${out}${summaryLine(report.files, report.summary, context.outcome, c)}`;
};

function summaryLine(files: readonly FileResult[], summary: { files: number; errors: number; warnings: number; infos: number }, outcome: RunOutcome | undefined, c: ReturnType<typeof pc.createColors>): string {
  const { errors, warnings, infos } = summary;
  const problems = errors + warnings + infos;
  const withProblems = files.filter((file) => file.findings.length > 0).length;
  const lintedFiles = plural(summary.files, 'file');
  const hidden = outcome && outcome.hiddenWarnings > 0 ? ` (${plural(outcome.hiddenWarnings, 'warning')} not shown: --quiet)` : '';
  const lines: string[] = [];
  if (problems > 0) {
    const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}`;
    const colour = errors > 0 ? c.red : warnings > 0 ? c.yellow : c.blue;
    lines.push(`\n${c.bold(colour(`✖ ${plural(problems, 'problem')} (${counts}) in ${withProblems} of ${lintedFiles}${hidden}`))}`);
  } else if (!outcome?.failed && !outcome?.warningsOverLimit) {
    // "No errors" when --quiet hid warnings: "No problems" would be untrue.
    return `${c.green('✔')} No ${hidden ? 'errors' : 'problems'} in ${lintedFiles}${hidden}.\n`;
  }
  if (outcome?.warningsOverLimit) {
    const { warnings: count, limit } = outcome.warningsOverLimit;
    lines.push(`${c.bold(c.red(`✖ ${plural(count, 'warning')}${hidden ? ' (not shown: --quiet)' : ''}, more than --max-warnings ${limit} allows.`))}`);
  }
  if (outcome?.failed) {
    const linted = summary.files === 0 ? 'nothing was linted' : problems > 0 ? 'files that could not be linted are not counted above' : summary.files === 1 ? 'the 1 file that was linted has no problems' : `the ${summary.files} files that were linted have no problems`;
    lines.push(c.bold(c.red(`✖ The run failed (exit code 2): ${linted}; see the elb-lint messages on stderr.`)));
  }
  return `${lines.join('\n')}\n`;
}

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

// `--format NAME[=FILE]`: which reports to produce and where. Files are written to a temporary
// name in the same directory and renamed, so a reader never sees half a report.

import { resolve } from 'node:path';
import type { LintReport } from '../model.js';
import { FORMATS, isFormatName, loadReporter, type FormatName } from '../reporters/index.js';
import type { ReporterContext } from '../reporters/types.js';
import { describeError } from '../fs-errors.js';
import { UsageError } from './errors.js';
import { treeOf } from '../repository.js';
import { inPieces, writeAtomically } from '../write-file.js';

export interface Output {
  format: FormatName;
  /** Absolute path, or undefined for stdout. */
  file: string | undefined;
  /** As the user wrote it, for messages. */
  named: string | undefined;
}

export function resolveOutputs(specs: readonly string[], cwd: string): Output[] {
  if (specs.length === 0) return [{ format: 'human', file: undefined, named: undefined }];
  const outputs = specs.map((spec): Output => {
    const equals = spec.indexOf('=');
    const name = equals < 0 ? spec : spec.slice(0, equals);
    const file = equals < 0 ? undefined : spec.slice(equals + 1);
    if (!isFormatName(name)) throw new UsageError(`unknown format "${name}"; use one of ${FORMATS.join(', ')}.`);
    if (file === '') throw new UsageError(`--format ${name}= needs a file name after "=".`);
    return { format: name, file: file === undefined ? undefined : resolve(cwd, file), named: file };
  });
  if (outputs.filter((output) => output.file === undefined).length > 1) {
    throw new UsageError('at most one --format may write to stdout; give the others a file, e.g. --format sarif=elb-lint.sarif.');
  }
  return outputs;
}

/** Writes every report; returns the failures (the run then exits with 2). */
export async function writeOutputs(outputs: readonly Output[], report: LintReport, context: ReporterContext, io: { cwd: string; stdout: { write(text: string): void } }): Promise<string[]> {
  const failures: string[] = [];
  // A report file in the linted tree never writes through a committed symlink (write-file.ts).
  const tree = treeOf(io.cwd);
  for (const output of outputs) {
    const reporter = await loadReporter(output.format);
    if (output.file === undefined) {
      for (const piece of inPieces(reporter(report, context))) io.stdout.write(piece);
      continue;
    }
    try {
      writeAtomically(output.file, reporter(report, { ...context, color: false }), tree);
    } catch (error) {
      failures.push(`Cannot write the ${output.format} report to "${output.named}": ${describeError(error)}.`);
    }
  }
  return failures;
}

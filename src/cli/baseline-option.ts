// `--baseline FILE` and `--update-baseline` on the command line. The baseline logic lives in
// src/baseline.ts and is loaded only when a run uses it.

import { resolve } from 'node:path';
import type { LintReport } from '../model.js';
import type { BaselineOptions, BaselineOutcome } from '../baseline.js';
import type { ParsedOptions } from './options.js';
import { UsageError } from './errors.js';

export function baselineOption(options: ParsedOptions, cwd: string): BaselineOptions | undefined {
  const named = options.baseline;
  if (options['update-baseline'] && typeof named !== 'string') {
    throw new UsageError('--update-baseline needs --baseline FILE, the file to write (e.g. --baseline .elb-lint-baseline.json).');
  }
  if (named === undefined) return undefined;
  if (typeof named !== 'string' || named === '') throw new UsageError('--baseline needs a file name.');
  return { named, file: resolve(cwd, named), update: options['update-baseline'] === true, cwd };
}

export async function applyBaseline(report: LintReport, options: BaselineOptions | undefined): Promise<BaselineOutcome> {
  if (!options) return { report, messages: [], failures: [] };
  const { runBaseline } = await import('../baseline.js');
  return runBaseline(report, options);
}

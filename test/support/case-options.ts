// A rule case's <scenario>.args file (one command-line argument per line, paths relative to the
// case folder) as library options: --kind, --flavors, -c/--config and --skip-unknown-kind are
// what cases use. Any other argument fails loudly: a case that needs more is a CLI test.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintFiles, lintText, loadConfig, type FileResult, type Kind, type LintTextOptions } from '../../src/index.js';
import { fixText } from '../../src/engine/fix-loop.js';
import { isKind } from '../../src/model.js';

export function caseArgs(directory: string, file: string): string[] {
  const argsFile = join(directory, file.replace(/\.(json|http|rest)$/, '.args'));
  return existsSync(argsFile) ? readFileSync(argsFile, 'utf8').split('\n').map((line) => line.trim()).filter(Boolean) : [];
}

export interface CaseOptions extends LintTextOptions {
  filePath: string;
  /** --skip-unknown-kind: a lintFiles option (lintText never skips the text it is given). */
  skipUnknownKind: boolean;
}

/** What the library needs to lint the case as `elb-lint [args] file` run in its folder would. */
export async function caseOptions(directory: string, file: string): Promise<CaseOptions> {
  let kind: Kind | undefined;
  let configFile: string | undefined;
  let flavorsFile: string | undefined;
  let skipUnknownKind = false;
  const args = caseArgs(directory, file);
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    if (arg === '--skip-unknown-kind') {
      skipUnknownKind = true;
      continue;
    }
    const value = args[++index];
    if (value === undefined) throw new Error(`${file}.args: ${arg} needs a value`);
    if (arg === '--kind' && isKind(value)) kind = value;
    else if (arg === '--flavors') flavorsFile = value;
    else if (arg === '-c' || arg === '--config') configFile = value;
    else throw new Error(`${file}.args: "${arg} ${value}" is not an option rule cases take (--kind, --flavors, -c, --skip-unknown-kind)`);
  }
  // The CLI would find the nearest config from the folder up; without -c or --flavors that is
  // the built-in preset (the repository's rules.yaml is the recommended preset, catalog.test.ts).
  const config = configFile !== undefined || flavorsFile !== undefined ? await loadConfig({ cwd: directory, configFile, flavorsFile }) : undefined;
  return { filePath: file, skipUnknownKind, ...(kind && { kind }), ...(config && { config }) };
}

/**
 * The case's result, in-process: through lintText, or, for a case about --skip-unknown-kind,
 * through lintFiles (the library call that takes it); undefined when the file was skipped.
 */
export async function lintCase(directory: string, file: string): Promise<FileResult | undefined> {
  const options = await caseOptions(directory, file);
  if (!options.skipUnknownKind) return lintText(caseText(directory, file), options);
  const run = await lintFiles([file], { cwd: directory, config: options.config ?? (await loadConfig({ cwd: directory })), kind: options.kind, skipUnknownKind: true });
  if (run.failures.length > 0) throw new Error(`${file}: ${run.failures.join('; ')}`);
  return run.report.files[0];
}

/**
 * The text --fix would leave (engine/fix-loop.ts, as the CLI's --fix-dry-run runs it), or
 * undefined when no safe fix changes it.
 */
export async function fixCase(directory: string, file: string): Promise<string | undefined> {
  const options = await caseOptions(directory, file);
  const text = caseText(directory, file);
  const lint = (next: string) => lintText(next, options);
  const { output } = fixText(text, lint(text), lint);
  return output === text ? undefined : output;
}

/** The case file's text; case files are UTF-8 (byte-level inputs are CLI and robustness tests). */
export function caseText(directory: string, file: string): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(join(directory, file)));
}

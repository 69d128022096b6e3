// A configuration that cannot be used: a bad rules.yaml, flavor catalog or --rule option. The run
// stops with exit code 2 and one `file:line:column: reason` line per problem on stderr.

import { relative, sep } from 'node:path';

export interface ConfigProblem {
  /** Absolute path of the file the problem is in; undefined for a command-line option. */
  file: string | undefined;
  line?: number;
  column?: number;
  message: string;
}

export class ConfigError extends Error {
  /** Where the first problem is (api.md): the file (undefined for a command-line option), line and column. */
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(readonly problems: readonly ConfigProblem[]) {
    super(problems.map((problem) => problem.message).join('\n'));
    this.name = 'ConfigError';
    this.file = problems[0]?.file;
    this.line = problems[0]?.line;
    this.column = problems[0]?.column;
  }

  /** The lines for stderr, with paths relative to the working directory. */
  format(cwd: string): string {
    const sorted = [...this.problems].sort((a, b) =>
      (a.file ?? '') < (b.file ?? '') ? -1 : (a.file ?? '') > (b.file ?? '') ? 1 : (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    const lines = sorted.map((problem) => {
      if (problem.file === undefined) return `elb-lint: ${problem.message}`;
      const where = displayPath(cwd, problem.file);
      return problem.line === undefined ? `${where}: ${problem.message}` : `${where}:${problem.line}:${problem.column ?? 1}: ${problem.message}`;
    });
    const count = this.problems.length === 1 ? 'a problem' : `${this.problems.length} problems`;
    return `${lines.join('\n')}\nelb-lint: the configuration has ${count}; nothing was linted.\n`;
  }
}

export function displayPath(cwd: string, file: string): string {
  const path = relative(cwd, file) || file;
  return sep === '/' ? path : path.split(sep).join('/');
}

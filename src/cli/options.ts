// The command line, declared once. The fast parser (node:util parseArgs) and yargs (help text,
// and the error message when the fast parser rejects a command line) are both built from it.

export interface OptionSpec {
  name: string;
  alias?: string;
  type: 'string' | 'boolean';
  array?: boolean;
  value?: string;
  description: string;
}

export const OPTIONS: readonly OptionSpec[] = [
  { name: 'fix', type: 'boolean', description: 'Apply the safe fixes to the files (up to 10 passes) and report what is left.' },
  { name: 'fix-dry-run', type: 'boolean', description: 'Like --fix, but write nothing: the JSON report gives each changed file its fixed text as "output".' },
  { name: 'kind', type: 'string', value: 'KIND', description: 'Lint every body as this request: create-loadbalancer or create-master-slave-pool.' },
  { name: 'stdin-filename', type: 'string', value: 'PATH', description: 'Name standard input (`-`) as PATH in reports and for path-based configuration.' },
  { name: 'config', alias: 'c', type: 'string', value: 'FILE', description: 'Use this rules.yaml (default: the nearest rules.yaml from the working directory up; none: the built-in recommended preset).' },
  { name: 'rule', type: 'string', array: true, value: 'ID=SEVERITY', description: 'Set a rule or policy to error, warning, info or off; wins over the configuration. Repeatable.' },
  { name: 'flavors', type: 'string', value: 'FILE', description: 'A saved GET /v3/{project_id}/elb/flavors response: enables lb/flavor-catalog and the flavor checks of lb/flavor-billing.' },
  { name: 'format', alias: 'f', type: 'string', array: true, value: 'NAME[=FILE]', description: 'Report format: human (default), json, sarif, compact, github, gitlab. Repeatable; with =FILE the report is written to FILE.' },
  { name: 'max-warnings', type: 'string', value: 'N', description: 'Exit with 1 when there are more than N warnings.' },
  { name: 'quiet', type: 'boolean', description: 'Report errors only (warnings still count for --max-warnings).' },
  { name: 'cache', type: 'boolean', description: 'Remember results and lint only files whose content changed since the last run.' },
  { name: 'cache-location', type: 'string', value: 'PATH', description: 'Where --cache keeps its file (default: .elb-lint-cache in the working directory).' },
  { name: 'shard', type: 'string', value: 'I/N', description: 'Lint only shard I of N (1-based), split by path hash, for a CI matrix of N jobs.' },
  { name: 'skip-unknown-kind', type: 'boolean', description: 'Skip files whose kind cannot be told even when named (for pre-commit and lint-staged, which name every staged JSON file).' },
  { name: 'baseline', type: 'string', value: 'FILE', description: 'Do not report the known findings recorded in FILE (by file, rule and pointer); list entries that no longer occur.' },
  { name: 'update-baseline', type: 'boolean', description: 'Record the current findings of the linted files in the --baseline FILE.' },
  { name: 'debug', type: 'boolean', description: 'Print skipped files and timings to stderr.' },
  { name: 'color', type: 'boolean', description: 'Force colours on (default: on for a terminal; NO_COLOR and FORCE_COLOR are respected).' },
  { name: 'no-color', type: 'boolean', description: 'Turn colours off.' },
  { name: 'list-rules', type: 'boolean', description: 'List every rule and custom policy with its default severity, its edits ("fix": --fix fixes it; "suggestions": an editor offers edits) and description.' },
  { name: 'print-schema', type: 'string', value: 'KIND', description: 'Print the JSON Schema of a request body (for editors).' },
  { name: 'print-config', type: 'string', value: 'FILE', description: 'Print the configuration that applies to FILE, as JSON.' },
  { name: 'version', alias: 'v', type: 'boolean', description: 'Print the version.' },
  { name: 'help', alias: 'h', type: 'boolean', description: 'Show this help.' },
];

export const USAGE = 'elb-lint [options] [path | glob | -] ...';

/** Parsed values, keyed by option name. */
export type ParsedOptions = { [name: string]: string | boolean | string[] | undefined } & { _: string[] };

/** What parsing a command line gives, whichever parser did it. */
export type CommandLine =
  | { status: 'ok'; options: ParsedOptions }
  | { status: 'help'; text: string }
  | { status: 'usage-error'; message: string };

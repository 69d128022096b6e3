// yargs, built from the same option table: help text and usage errors.

import yargs from 'yargs';
import { OPTIONS, USAGE, type CommandLine, type ParsedOptions } from './options.js';

export function parseWithYargs(argv: readonly string[]): CommandLine {
  let failure: string | undefined;
  let output = '';
  let parser = yargs([...argv])
    .scriptName('elb-lint')
    .usage(`Usage: ${USAGE}\n\nLint Huawei Cloud ELB v3 request bodies (create load balancer, create master-slave pool).`)
    .strict()
    .help(false)
    .version(false)
    .exitProcess(false)
    // The help is in English: LANG must not send yargs to read translation files.
    .detectLocale(false)
    .wrap(Math.min(100, process.stdout.columns || 100))
    .parserConfiguration({ 'boolean-negation': false, 'camel-case-expansion': false })
    .fail((message, error) => {
      failure = message ?? error?.message ?? 'invalid command line';
    })
    .epilogue('Exit codes: 0 no errors, 1 errors or too many warnings, 2 the run failed (bad option, config or path).');
  for (const spec of OPTIONS) {
    parser = parser.option(spec.name, {
      type: spec.type,
      ...(spec.alias && { alias: spec.alias }),
      ...(spec.array && { array: true }),
      ...(spec.value && { requiresArg: true }),
      description: spec.description,
    });
  }
  const parsed = parser.parseSync() as Record<string, unknown>;
  if (failure) return { status: 'usage-error', message: failure };
  if (parsed.help) {
    parser.showHelp((text) => (output = text));
    return { status: 'help', text: `${output}\n` };
  }
  const options: ParsedOptions = { _: ((parsed._ as unknown[]) ?? []).map(String) };
  for (const spec of OPTIONS) if (parsed[spec.name] !== undefined) options[spec.name] = parsed[spec.name] as string;
  return { status: 'ok', options };
}

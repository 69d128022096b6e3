// The fast path: node's own parseArgs costs nothing to load. yargs (about 100 ms to load) is
// imported only for --help and for command lines the fast path rejects, so users get yargs'
// messages without every run paying for them.

import { requireBuiltin } from '../require-builtin.js';
import { OPTIONS, type CommandLine, type ParsedOptions } from './options.js';

const { parseArgs } = requireBuiltin<typeof import('node:util')>('node:util');

export async function parseCommandLine(argv: readonly string[]): Promise<CommandLine> {
  const fast = parseFast(argv);
  if (fast && !fast.help) return { status: 'ok', options: fast };
  const { parseWithYargs } = await import('./yargs.js');
  return parseWithYargs(argv);
}

export function parseFast(argv: readonly string[]): ParsedOptions | undefined {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
  for (const spec of OPTIONS) {
    options[spec.name] = { type: spec.type, ...(spec.alias && { short: spec.alias }), ...(spec.array && { multiple: true }) };
  }
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    return { ...(values as Record<string, string | boolean | string[]>), _: positionals };
  } catch {
    return undefined;
  }
}

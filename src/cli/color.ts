// Colour on a terminal, unless told otherwise: --no-color > --color > NO_COLOR > FORCE_COLOR > TTY.

import type { ParsedOptions } from './options.js';

export function useColor(options: ParsedOptions, io: { env: Readonly<Record<string, string | undefined>>; stdout: { isTTY: boolean } }): boolean {
  if (options['no-color']) return false;
  if (options.color) return true;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return io.stdout.isTTY;
}

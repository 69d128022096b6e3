// Paths as reports and globs write them: `/` separators on every platform. A leaf module for the
// input, config and baseline layers (the engine core uses text/posix-path.ts, without node:path).

import { sep } from 'node:path';

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

// Node built-ins loaded through require rather than an ESM import. Node builds the ESM view of a
// built-in by reading every export once, lazy getters included: reading fs.ReadStream loads Node's
// streams (about 3 ms of a one-file run, which never streams), and node:util has such getters too.
// Only built-ins are required, so the base path given to createRequire does not matter (and
// `import.meta`, whose first use costs as much again, is not read).

import { createRequire } from 'node:module';

const load = createRequire('/');

export function requireBuiltin<M>(name: `node:${string}`): M {
  return load(name) as M;
}

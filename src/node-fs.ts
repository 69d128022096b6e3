// node:fs for the layers that read and write files, loaded through require rather than an ESM
// import. Node builds the ESM view of a built-in by reading every export once, and reading
// fs.ReadStream loads Node's streams (about 3 ms of a one-file run, which never streams). Only
// built-ins are required here, so the base path given to createRequire does not matter (and
// `import.meta`, whose first use costs as much again, is not read).

import { createRequire } from 'node:module';

const fs = createRequire('/')('node:fs') as typeof import('node:fs');

export const {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  stat,
  statSync,
  writeSync,
} = fs;

// node:fs for the layers that read and write files, through require (require-builtin.ts says why).

import { requireBuiltin } from './require-builtin.js';

const fs = requireBuiltin<typeof import('node:fs')>('node:fs');

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

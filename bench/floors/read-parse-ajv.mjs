// Floor 2: read, JSON.parse and validate every body with the project's own request schemas,
// compiled ahead of time (Ajv standalone code, as scripts/build.mjs generates them).

import { readFileSync } from 'node:fs';
import { createLoadbalancer, createMasterSlavePool } from '../../src/schema/generated/validators.js';
import { listJsonFiles } from './list-files.mjs';

let invalid = 0;
for (const file of listJsonFiles(process.argv[2])) {
  const body = JSON.parse(readFileSync(file, 'utf8'));
  const validate = 'pool' in body ? createMasterSlavePool : createLoadbalancer;
  if (!validate(body)) invalid++;
}
process.stdout.write(`${invalid}\n`);

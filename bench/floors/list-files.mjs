// The file walk both floors share: every *.json under a directory, with node's own readdir.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function listJsonFiles(target) {
  if (target.endsWith('.json')) return [target];
  return readdirSync(target, { recursive: true })
    .filter((name) => name.endsWith('.json'))
    .map((name) => join(target, name));
}

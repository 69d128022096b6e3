// The playground is built from the repository and served as a page; the npm package does not ship it.

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

it('npm pack leaves the playground out', () => {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const output = execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const files = (JSON.parse(output) as { files: { path: string }[] }[])[0]!.files.map((file) => file.path);
  expect(files).toContain('dist/index.js');
  expect(files.filter((path) => path.startsWith('playground/') || path.includes('build-playground'))).toEqual([]);
});

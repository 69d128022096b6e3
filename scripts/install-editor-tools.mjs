// `npm test` runs this first (pretest): the VS Code extension's packaging tools live in
// editors/vscode/ with their own lock, kept out of the root install; the extension test needs them.
// Installs them from that lock when they are missing (a no-op once they are there).

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const extension = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'editors/vscode');
if (!existsSync(join(extension, 'node_modules/@vscode/vsce'))) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: extension, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// npm's `prepare` script: build dist/ (scripts/build.mjs), which needs the devDependencies.
//
// npm runs it on `npm ci`/`npm install` in a clone, on `npm pack`, and when it installs elb-lint
// from git. For a git install npm is meant to install the devDependencies in its temporary clone
// first, but under `npm install -g` that inner `npm install` inherits npm_config_global=true and
// installs nothing locally (npm/cli#8440; pacote passes --global=false only since its fix for
// npm/cli#9406). pre-commit 4 installs hooks exactly so (`npm install -g git+file://…`), so
// here the build installs its devDependencies itself, from the lockfile, then runs.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BUILD_TOOLS = ['esbuild', 'ajv', 'ajv-errors', 'typescript'];

function buildToolsInstalled() {
  const require = createRequire(join(root, 'package.json'));
  return BUILD_TOOLS.every((name) => {
    try {
      require.resolve(name);
      return true;
    } catch {
      return false;
    }
  });
}

/** A global install (`npm install -g` of a git URL or a directory), which npm prepares without devDependencies. */
function isGlobalInstall() {
  return process.env.npm_config_global === 'true' && Boolean(process.env.npm_execpath) && existsSync(join(root, 'package-lock.json'));
}

function installBuildTools() {
  // --ignore-scripts: `npm ci` would run this `prepare` again; esbuild works without its
  // postinstall (it finds its binary in the @esbuild/<platform> optional dependency).
  const args = [process.env.npm_execpath, 'ci', '--global=false', '--include=dev', '--ignore-scripts', '--no-audit', '--no-fund'];
  const child = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (child.status !== 0) throw new Error(`installing the build's devDependencies failed: npm ci exited with ${child.status ?? child.signal}`);
}

if (!buildToolsInstalled()) {
  if (!isGlobalInstall()) {
    console.error(`elb-lint's build needs its devDependencies (${BUILD_TOOLS.join(', ')}): run \`npm ci\` first.`);
    process.exit(1);
  }
  installBuildTools();
}
await import('./build.mjs');

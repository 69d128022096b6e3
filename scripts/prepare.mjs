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
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** What scripts/build.mjs imports or runs. */
const BUILD_TOOLS = ['esbuild', 'ajv', 'ajv-errors', 'typescript'];

/** In this package's own node_modules: resolving would also find a copy in a parent folder. */
function buildToolsInstalled() {
  return BUILD_TOOLS.every((name) => existsSync(join(root, 'node_modules', name, 'package.json')));
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

if (isGlobalInstall() && !buildToolsInstalled()) installBuildTools();
await import('./build.mjs');

// `npm run package:vscode`: the VS Code extension (editors/vscode/) as a .vsix. Type-checks and
// bundles the extension with the root's TypeScript and esbuild, copies in the language server
// (dist/lsp.js, one self-contained file), and packs it with @vscode/vsce, offline.
//
// The extension's tools (vsce, vscode-languageclient, @types/vscode) have their own package.json and
// lock in editors/vscode/, so the root install stays small; `--install` runs `npm ci` there first
// when they are missing (CI does that in .ci/run). Options: --out FILE (default
// editors/vscode/elb-lint-VERSION.vsix), --install.

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const extension = join(root, 'editors/vscode');
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const { version } = JSON.parse(readFileSync(join(extension, 'package.json'), 'utf8'));
const out = resolve(outIndex >= 0 ? args[outIndex + 1] : join(extension, `elb-lint-${version}.vsix`));

function run(command, commandArgs, cwd) {
  const result = spawnSync(command, commandArgs, { cwd, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

if (!existsSync(join(extension, 'node_modules/@vscode/vsce'))) {
  if (!args.includes('--install')) {
    throw new Error('editors/vscode/node_modules is missing: run `npm ci --prefix editors/vscode` (or this script with --install) first');
  }
  run('npm', ['ci', '--no-audit', '--no-fund'], extension);
}
if (!existsSync(join(root, 'dist/lsp.js'))) throw new Error('dist/lsp.js is missing: run `npm run build` first');

const rootVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
if (version !== rootVersion) throw new Error(`editors/vscode/package.json has version ${version}, the package ${rootVersion}; keep them equal`);

run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(extension, 'tsconfig.json')], extension);
await build({
  entryPoints: [join(extension, 'src/extension.ts')], outfile: join(extension, 'dist/extension.js'),
  bundle: true, format: 'cjs', platform: 'node', target: 'node20', external: ['vscode'],
  nodePaths: [join(extension, 'node_modules')], minifySyntax: true, legalComments: 'none', logLevel: 'error',
});
mkdirSync(join(extension, 'server'), { recursive: true });
copyFileSync(join(root, 'dist/lsp.js'), join(extension, 'server/elb-lint-language-server.mjs'));

mkdirSync(dirname(out), { recursive: true });
run(process.execPath, [join(extension, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--no-rewrite-relative-links', '--out', out], extension);

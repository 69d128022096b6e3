// The executable (bin/elb-lint.cjs and its one CommonJS bundle) against the sources: most CLI
// tests run main() in-process from src/, so what only the bundle can get wrong (a module that
// reads import.meta, a dynamic import esbuild did not inline, a part loaded on demand) shows here.
// Each command line takes another lazily loaded part; the bundle must answer as the sources do.

import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, useWorkspace } from '../support/helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin/elb-lint.cjs');
const workspace = useWorkspace('elb-lint-bundle-');

const POLICIES = `rules:
  lb/single-az: warning
ignore: ["old/**"]
policies:
  - name: names-have-a-team
    given: $.loadbalancer
    then: { field: name, function: pattern, functionOptions: { match: "^team-" } }
  - name: pool-is-an-object
    given: $.pool
    then: { function: schema, functionOptions: { schema: { type: object } } }
`;

function stage(): void {
  workspace.write('lb.json', readFileSync(join(ROOT, 'examples/mistakes/prepaid-elastic-lb.json'), 'utf8'));
  workspace.write('pool.json', readFileSync(join(ROOT, 'examples/seed-master-slave-pool.json'), 'utf8'));
  workspace.write('old/skipped.json', '{ "pool": { "nmae": 1 } }\n');
  workspace.write('requests.http', `POST https://elb.example.com/v3/p/elb/master-slave-pools\nContent-Type: application/json\n\n${readFileSync(join(ROOT, 'examples/mistakes/tls-pool-any-port.json'), 'utf8')}\n`);
  workspace.write('with-policies/rules.yaml', POLICIES);
  workspace.write('with-policies/lb.json', readFileSync(join(ROOT, 'examples/templates/web-private-lb.json'), 'utf8'));
}

function runBundle(args: readonly string[], cwd: string, stdin?: string) {
  const child = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', input: stdin ?? '', env: { PATH: process.env.PATH, HOME: process.env.HOME } });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

const COMMAND_LINES: { args: string[]; cwd?: string; stdin?: string }[] = [
  { args: ['--version'] },
  { args: ['--list-rules'] },
  { args: ['--print-schema', 'create-master-slave-pool'] },
  { args: ['--print-config', 'lb.json'] },
  { args: ['lb.json', 'pool.json'] },
  { args: ['-f', 'json', '.'] },
  { args: ['-f', 'json', '**/*.json'] },
  { args: ['-f', 'sarif', 'lb.json', 'requests.http'] },
  { args: ['-f', 'compact', 'lb.json'] },
  { args: ['-f', 'github', 'lb.json'] },
  { args: ['-f', 'gitlab', 'lb.json'] },
  { args: ['--fix-dry-run', '-f', 'json', 'lb.json', 'requests.http'] },
  { args: ['-f', 'json', '-', '--stdin-filename', 'from-stdin.json'], stdin: readFileSync(join(ROOT, 'examples/mistakes/tls-pool-any-port.json'), 'utf8') },
  { args: ['-f', 'json', '.'], cwd: 'with-policies' },
  { args: ['--rule', 'no/such-rule=error', 'lb.json'] },
  { args: ['--bogus'] },
];

describe('the executable answers as the sources do', () => {
  it.each(COMMAND_LINES.map((line) => [line.args.join(' ') + (line.cwd ? ` (in ${line.cwd}/)` : ''), line] as const))('elb-lint %s', async (_, line) => {
    stage();
    const cwd = line.cwd ? join(workspace.dir, line.cwd) : workspace.dir;
    const bundled = runBundle(line.args, cwd, line.stdin);
    const sources = await runCli(line.args, { cwd, ...(line.stdin !== undefined && { stdin: line.stdin }) });
    expect(bundled.stderr).not.toMatch(/internal error/);
    expect(bundled).toEqual(sources);
  });

  it('elb-lint --help (yargs, loaded only for it)', async () => {
    const bundled = runBundle(['--help'], workspace.dir);
    expect(bundled.stderr).toBe('');
    expect(bundled.code).toBe(0);
    expect(bundled.stdout).toMatch(/^Usage: elb-lint /);
    // Every option is in it; the wrapping may differ from an in-process run, the words do not.
    const words = (text: string) => text.split(/\s+/).filter(Boolean);
    expect(words(bundled.stdout)).toEqual(words((await runCli(['--help'], { cwd: workspace.dir })).stdout));
  });

  it('is strict code, as the ES modules were', () => {
    expect(readFileSync(join(ROOT, 'dist/cli.cjs'), 'latin1')).toMatch(/^'use strict';/);
  });

  it('reads no translation a repository plants beside the installation (node_modules/locales)', () => {
    // Installed as a dependency of the linted repository, whose node_modules/ the pull request wrote.
    const repo = join(workspace.dir, 'repo');
    for (const path of ['bin', 'dist', 'package.json']) cpSync(join(ROOT, path), join(repo, 'node_modules/elb-lint', path), { recursive: true });
    const planted = JSON.stringify({ 'Options:': 'PLANTED', 'Unknown argument: %s': 'PLANTED %s' });
    for (const locale of ['en', 'en_US', 'C', 'de', 'de_DE']) workspace.write(`repo/node_modules/locales/${locale}.json`, planted);
    const bin = join(repo, 'node_modules/elb-lint/bin/elb-lint.cjs');
    const help = runBundle(['--help'], workspace.dir).stdout;
    for (const lang of [undefined, 'C.UTF-8', 'en_US.UTF-8', 'de_DE.UTF-8']) {
      const env = { PATH: process.env.PATH, ...(lang && { LANG: lang }) };
      const shown = spawnSync(process.execPath, [bin, '--help'], { cwd: repo, encoding: 'utf8', env });
      expect({ lang, code: shown.status, stdout: shown.stdout }).toEqual({ lang, code: 0, stdout: help });
      const usage = spawnSync(process.execPath, [bin, '--nope'], { cwd: repo, encoding: 'utf8', env });
      expect({ lang, code: usage.status, stderr: usage.stderr }).toEqual({ lang, code: 2, stderr: expect.stringContaining('Unknown argument: nope') });
      expect(usage.stderr).not.toMatch(/PLANTED|internal error/);
    }
  });

  it('runs its own bundle when started through a link, even with --preserve-symlinks-main', () => {
    const repo = join(workspace.dir, 'repo');
    cpSync(join(ROOT, 'bin'), join(workspace.dir, 'installed/bin'), { recursive: true });
    cpSync(join(ROOT, 'dist'), join(workspace.dir, 'installed/dist'), { recursive: true });
    // What a pull request could commit where ../dist of the link would point.
    workspace.write('repo/node_modules/dist/cli.cjs', "process.stdout.write('PLANTED\\n');\n");
    mkdirSync(join(repo, 'node_modules/.bin'), { recursive: true });
    symlinkSync(join(workspace.dir, 'installed/bin/elb-lint.cjs'), join(repo, 'node_modules/.bin/elb-lint'));
    for (const options of [[], ['--preserve-symlinks-main']]) {
      const child = spawnSync(process.execPath, [...options, join(repo, 'node_modules/.bin/elb-lint'), '--version'], { cwd: repo, encoding: 'utf8' });
      expect({ options, code: child.status, stdout: child.stdout }).toEqual({ options, code: 0, stdout: runBundle(['--version'], repo).stdout });
    }
  });

  it('says so, with exit code 2, when the package is not built', () => {
    cpSync(join(ROOT, 'bin'), join(workspace.dir, 'unbuilt/bin'), { recursive: true });
    const child = spawnSync(process.execPath, [join(workspace.dir, 'unbuilt/bin/elb-lint.cjs'), 'lb.json'], { cwd: workspace.dir, encoding: 'utf8' });
    expect(child.status).toBe(2);
    expect(child.stderr).toMatch(/^elb-lint: cannot read .*cli\.cjs \(ENOENT\): the package is not built; run `npm run build` in it, or install it again\.\n$/);
  });
});

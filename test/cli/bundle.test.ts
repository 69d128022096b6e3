// The executable (bin/elb-lint.cjs and its one CommonJS bundle) against the sources: most CLI
// tests run main() in-process from src/, so what only the bundle can get wrong (a module that
// reads import.meta, a dynamic import esbuild did not inline, a part loaded on demand) shows here.
// Each command line takes another lazily loaded part; the bundle must answer as the sources do.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
});

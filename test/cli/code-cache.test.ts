// The executable's V8 code cache (bin/elb-lint.cjs, made by scripts/code-cache.cjs at build): the
// cache the build made is the one V8 takes in a fresh process, a cache of another build or one V8
// refuses is passed over, and the report is the same byte for byte with or without it. The
// executable never writes the cache. Each case runs a copy of bin/ and dist/ in a scratch folder.

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useWorkspace } from '../support/helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const workspace = useWorkspace('elb-lint-code-cache-');

const BUNDLE = 'dist/cli.cjs';
const CACHE = 'dist/cli.cjs.code-cache';
const BODIES = ['examples/seed-master-slave-pool.json', 'examples/mistakes/tls-pool-any-port.json'];

/** A copy of the executable with the cache as given (the build's when `cache` is undefined, none when null). */
function install(name: string, cache?: Buffer | null): string {
  const dir = join(workspace.dir, name);
  for (const path of ['bin/elb-lint.cjs', BUNDLE]) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    copyFileSync(join(ROOT, path), join(dir, path));
  }
  if (cache === undefined) copyFileSync(join(ROOT, CACHE), join(dir, CACHE));
  else if (cache !== null) writeFileSync(join(dir, CACHE), cache);
  for (const body of BODIES) copyFileSync(join(ROOT, body), join(dir, body.split('/').pop()!));
  return dir;
}

/** Runs the copy in a fresh process (Node's default flags), as the executable; gives what the loader says of the cache. */
function run(dir: string) {
  const loader = join(dir, 'bin/elb-lint.cjs');
  const statusFile = join(dir, 'status.txt');
  const script = `const [loader, statusFile, ...args] = process.argv.slice(1);
process.argv = [process.argv[0], loader, ...args];
require('node:fs').writeFileSync(statusFile, require(loader).run().status);`;
  const bodies = BODIES.map((body) => body.split('/').pop()!);
  const child = spawnSync(process.execPath, ['-e', script, loader, statusFile, '--format', 'json', ...bodies], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr, status: readFileSync(statusFile, 'utf8') };
}

const realCache = () => readFileSync(join(ROOT, CACHE));
const headerLength = (cache: Buffer) => cache.indexOf(0x0a) + 1;

describe('the code cache of the executable', () => {
  it('is made for the bundle it ships with, and V8 takes it in a fresh process', () => {
    const token = /^\/\/ elb-lint build ([0-9a-f]+)\n/.exec(readFileSync(join(ROOT, BUNDLE), 'utf8'))?.[1];
    expect(token).toBeDefined();
    expect(realCache().subarray(0, headerLength(realCache())).toString()).toBe(`elb-lint code cache ${token}\n`);
    const result = run(install('used'));
    expect(result.stderr).toBe('');
    expect(result.status).toBe('used');
  });

  it('gives the same report, byte for byte, whether it is used, missing, of another build or refused by V8', () => {
    const cache = realCache();
    const otherBuild = Buffer.concat([Buffer.from('elb-lint code cache 0123456789abcdef0123456789abcdef\n'), cache.subarray(headerLength(cache))]);
    // The right header over bytes V8 cannot read: V8 checks the data and refuses it.
    const garbage = Buffer.concat([cache.subarray(0, headerLength(cache)), Buffer.alloc(cache.length - headerLength(cache), 0x5a)]);
    const runs = {
      used: run(install('used')),
      missing: run(install('missing', null)),
      stale: run(install('stale', otherBuild)),
      rejected: run(install('rejected', garbage)),
    };
    for (const [status, result] of Object.entries(runs)) expect(result.status, status).toBe(status);
    const { used } = runs;
    expect(used.code).toBe(1);
    const files = JSON.parse(used.stdout).files as { path: string; findings: unknown[] }[];
    expect(files.map((file) => file.path)).toEqual(BODIES.map((body) => body.split('/').pop()));
    expect(files[1]!.findings.length).toBeGreaterThan(0);
    for (const [status, result] of Object.entries(runs)) {
      expect({ status, code: result.code, stdout: result.stdout, stderr: result.stderr }).toEqual({ status, code: used.code, stdout: used.stdout, stderr: used.stderr });
    }
  });

  it('is only ever read: a run without one makes none, and a run with one leaves it as it was', () => {
    const without = install('no-write', null);
    run(without);
    expect(existsSync(join(without, CACHE))).toBe(false);
    const withCache = install('read-only');
    const before = statSync(join(withCache, CACHE));
    run(withCache);
    const after = statSync(join(withCache, CACHE));
    expect(readFileSync(join(withCache, CACHE)).equals(realCache())).toBe(true);
    expect(after.mtimeMs).toBe(before.mtimeMs);
  });
});

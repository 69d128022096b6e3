// The executable's V8 code cache (bin/elb-lint.cjs, made by scripts/code-cache.cjs at build): the
// cache the build made is the one V8 takes in a fresh process; a cache of another build, a damaged
// one, one made for a bundle since edited, or one V8 refuses is passed over, and the report is the
// same byte for byte with or without it. The executable never writes the cache, and its stack
// frames never name the machine that built it. Each case runs a copy of bin/ and dist/ in a
// scratch folder.

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { useWorkspace } from '../support/helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const workspace = useWorkspace('elb-lint-code-cache-');

const BUNDLE = 'dist/cli.cjs';
const CACHE = 'dist/cli.cjs.code-cache';
const BODIES = ['examples/seed-master-slave-pool.json', 'examples/mistakes/tls-pool-any-port.json'];

/** A copy of the executable with the cache (and bundle) as given: the build's by default, no cache for null. */
function install(name: string, files: { cache?: Buffer | null; bundle?: Buffer } = {}): string {
  const dir = join(workspace.dir, name);
  for (const path of ['bin/elb-lint.cjs', BUNDLE]) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    copyFileSync(join(ROOT, path), join(dir, path));
  }
  if (files.bundle) writeFileSync(join(dir, BUNDLE), files.bundle);
  if (files.cache === undefined) copyFileSync(join(ROOT, CACHE), join(dir, CACHE));
  else if (files.cache !== null) writeFileSync(join(dir, CACHE), files.cache);
  for (const body of BODIES) copyFileSync(join(ROOT, body), join(dir, body.split('/').pop()!));
  return dir;
}

/** Runs the copy in a fresh process, as the executable; gives what the loader says of the cache. */
function run(dir: string, env: Record<string, string> = {}, nodeOptions: string[] = []) {
  const loader = join(dir, 'bin/elb-lint.cjs');
  const statusFile = join(dir, 'status.txt');
  const script = `const [loader, statusFile, ...args] = process.argv.slice(1);
process.argv = [process.argv[0], loader, ...args];
require('node:fs').writeFileSync(statusFile, require(loader).run().status);`;
  const bodies = BODIES.map((body) => body.split('/').pop()!);
  const child = spawnSync(process.execPath, [...nodeOptions, '-e', script, loader, statusFile, '--format', 'json', ...bodies], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
  });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr, status: readFileSync(statusFile, 'utf8') };
}

const realBundle = () => readFileSync(join(ROOT, BUNDLE));
const realCache = () => readFileSync(join(ROOT, CACHE));
const dataOf = (cache: Buffer) => cache.subarray(cache.indexOf(0x0a) + 1);
/** The header the loader expects, computed here on its own: the CRC-32 of the bundle, then of the data. */
const headerFor = (bundle: Buffer, data: Buffer) => Buffer.from(`elb-lint code cache ${(crc32(data, crc32(bundle)) >>> 0).toString(16).padStart(8, '0')}\n`);

describe('the code cache of the executable', () => {
  it('is made for the bundle it ships with, and V8 takes it in a fresh process', () => {
    const cache = realCache();
    expect(cache.subarray(0, cache.indexOf(0x0a) + 1).equals(headerFor(realBundle(), dataOf(cache)))).toBe(true);
    const result = run(install('used'));
    expect(result.stderr).toBe('');
    expect(result.status).toBe('used');
  });

  it('gives the same report, byte for byte, with the cache used, missing, of another build, damaged, or refused by V8', () => {
    const cache = realCache();
    const data = dataOf(cache);
    const otherBuild = Buffer.concat([Buffer.from('elb-lint code cache 0badc0de\n'), data]);
    // One bit flipped deep in the data: V8 does not check its data, and such a cache can crash it.
    const damaged = Buffer.from(cache);
    damaged[cache.length - Math.floor(data.length / 3)]! ^= 1;
    // A header that fits over bytes V8 cannot read: V8 refuses them.
    const garbage = Buffer.alloc(data.length, 0x5a);
    const unreadable = Buffer.concat([headerFor(realBundle(), garbage), garbage]);
    const runs = {
      used: run(install('used')),
      missing: run(install('missing', { cache: null })),
      'stale (another build)': run(install('other-build', { cache: otherBuild })),
      'stale (damaged)': run(install('damaged', { cache: damaged })),
      'rejected (unreadable)': run(install('unreadable', { cache: unreadable })),
      // Node options with V8 flags: V8 takes a cache only under the flags it was made with.
      'rejected (other V8 flags)': run(install('flags'), {}, ['--max-old-space-size=4096']),
    };
    for (const [name, result] of Object.entries(runs)) expect(result.status, name).toBe(name.split(' ')[0]);
    const { used } = runs;
    expect(used.code).toBe(1);
    const files = JSON.parse(used.stdout).files as { path: string; findings: unknown[] }[];
    expect(files.map((file) => file.path)).toEqual(BODIES.map((body) => body.split('/').pop()));
    expect(files[1]!.findings.length).toBeGreaterThan(0);
    for (const [name, result] of Object.entries(runs)) {
      expect({ name, code: result.code, stdout: result.stdout, stderr: result.stderr }).toEqual({ name, code: used.code, stdout: used.stdout, stderr: used.stderr });
    }
  });

  it('is not used for a bundle edited since, even one of the same length: the edit is what runs', () => {
    const bundle = realBundle();
    const text = bundle.toString('latin1');
    const word = '"problem"';
    expect(text).toContain(word);
    const edited = Buffer.from(text.replaceAll(word, '"PROBLEM"'), 'latin1');
    expect(edited.length).toBe(bundle.length);
    const dir = install('edited', { bundle: edited });
    const child = spawnSync(process.execPath, [join(dir, 'bin/elb-lint.cjs'), ...BODIES.map((body) => body.split('/').pop()!)], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH } });
    expect(child.stdout).toMatch(/ PROBLEMs? /);
    expect(run(dir).status).toBe('stale');
  });

  it('is only ever read: a run without one makes none, and a run with one leaves it as it was', () => {
    const without = install('no-write', { cache: null });
    run(without);
    expect(existsSync(join(without, CACHE))).toBe(false);
    const withCache = install('read-only');
    const before = statSync(join(withCache, CACHE));
    run(withCache);
    const after = statSync(join(withCache, CACHE));
    expect(readFileSync(join(withCache, CACHE)).equals(realCache())).toBe(true);
    expect(after.mtimeMs).toBe(before.mtimeMs);
  });

  it('names the bundle the same on every machine: no stack frame names the folder it was built in', () => {
    const dir = install('elsewhere');
    const profiles = join(dir, 'profiles');
    const { status } = run(dir, {}, ['--cpu-prof', '--cpu-prof-dir', profiles]);
    expect(status).toBe('used');
    const urls = new Set<string>();
    for (const name of readdirSync(profiles)) {
      const profile = JSON.parse(readFileSync(join(profiles, name), 'utf8')) as { nodes: { callFrame: { url: string } }[] };
      for (const node of profile.nodes) urls.add(node.callFrame.url);
    }
    expect(urls).toContain('elb-lint/dist/cli.cjs');
    expect([...urls].filter((url) => url.includes(ROOT))).toEqual([]);
  });
});

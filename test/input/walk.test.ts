// The directory walk on an untrusted tree (docs/security.md, docs/reliability.md): each real
// directory is read once, known by device and inode, whatever its symlinks; a symlink that leads
// out of the repository is not followed. Counted, not timed: `--debug` says how many directories
// were walked, and that must equal the number of distinct directories.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'bin/elb-lint.cjs');
const POOL = readFileSync(join(ROOT, 'examples/templates/web-tcp-pool.json'), 'utf8');

let base: string;
let repo: string;
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'elb-lint-walk-'));
  repo = join(base, 'repo');
  mkdirSync(join(repo, '.git'), { recursive: true });
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

function write(path: string, text = POOL): void {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  writeFileSync(join(repo, path), text);
}

function link(target: string, path: string): void {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  symlinkSync(target, join(repo, path));
}

/**
 * The CLI spawned with a timeout (a walk that follows every path would run for hours, and a
 * synchronous walk in-process could not be stopped), with --debug for the counts.
 */
/** chain/1 … chain/<depth>, each holding a pool.json and two links to the next: 2^depth paths, depth directories. */
function writeLinkChain(depth: number): void {
  for (let level = 1; level <= depth; level++) {
    write(`chain/${level}/pool.json`);
    if (level < depth) {
      link(`../${level + 1}`, `chain/${level}/left`);
      link(`../${level + 1}`, `chain/${level}/right`);
    }
  }
}

function walk(args: string[] = ['.']): { files: string[]; directories: number; stderr: string; status: number | null } {
  const result = spawnSync(process.execPath, [CLI, '--debug', '--format', 'json', ...args], { cwd: repo, encoding: 'utf8', timeout: 60_000 });
  expect(result.error).toBeUndefined();
  const counted = /found \d+ files? to lint \(walked (\d+) director(?:y|ies)\)/.exec(result.stderr);
  if (!counted) throw new Error(`no walk count in:\n${result.stderr}`);
  const report = JSON.parse(result.stdout) as { files: { path: string }[] };
  return { files: report.files.map((file) => file.path), directories: Number(counted[1]), stderr: result.stderr, status: result.status };
}

describe('each real directory is walked once', () => {
  it('a chain of directories each holding two links to the next (2^30 paths): one visit per directory', () => {
    const depth = 30;
    writeLinkChain(depth);
    const run = walk();
    // The repository, chain/ and its 30 levels.
    expect(run.directories).toBe(depth + 2);
    expect(run.files).toHaveLength(depth);
    expect(run.files).toContain('chain/30/pool.json');
  });

  it('a chain reached only through links with absolute targets: each directory once', () => {
    const depth = 12;
    for (let level = 1; level <= depth; level++) {
      write(`hidden-chain/${level}/pool.json`);
      if (level < depth) {
        link(join(repo, 'hidden-chain', String(level + 1)), `hidden-chain/${level}/a`);
        link(join(repo, 'hidden-chain', String(level + 1)), `hidden-chain/${level}/b`);
      }
    }
    const run = walk(['hidden-chain/1']);
    expect(run.directories).toBe(depth);
    expect(run.files).toHaveLength(depth);
  });

  it('links to ancestors and to the root of the repository', () => {
    write('a/b/c/pool.json');
    link('..', 'a/up');
    link('../..', 'a/b/top');
    link(repo, 'a/b/c/repo');
    link('.', 'a/b/c/self');
    const run = walk();
    // The repository, a, a/b, a/b/c.
    expect(run.directories).toBe(4);
    expect(run.files).toEqual(['a/b/c/pool.json']);
    expect(run.stderr.match(/which is walked already; not walked again/g)).toHaveLength(4);
  });

  it.skipIf(process.platform !== 'linux')('`ln -s / root` and `/proc/self` inside the tree: outside the repository, not followed', () => {
    write('templates/pool.json');
    link('/', 'root');
    link('/proc/self', 'templates/proc');
    const run = walk();
    expect(run.directories).toBe(2);
    expect(run.files).toEqual(['templates/pool.json']);
    expect(run.stderr).toContain('elb-lint: skipped root: a symlink to /, outside the repository; not followed');
    expect(run.stderr).toMatch(/elb-lint: skipped templates\/proc: a symlink to \/proc\/\d+, outside the repository; not followed/);
  });
});

describe('command-line globs (fast-glob) are bounded the same way', () => {
  function globbed(pattern: string): { files: string[]; stderr: string } {
    const result = spawnSync(process.execPath, [CLI, '--debug', '--format', 'json', pattern], { cwd: repo, encoding: 'utf8', timeout: 60_000 });
    expect(result.error).toBeUndefined();
    return { files: (JSON.parse(result.stdout) as { files: { path: string }[] }).files.map((file) => file.path), stderr: result.stderr };
  }

  it('the 2^30 chain: a symlink to a directory another symlink led to is not followed again', () => {
    const depth = 30;
    writeLinkChain(depth);
    const run = globbed('chain/**/*.json');
    for (let level = 1; level <= depth; level++) expect(run.files).toContain(`chain/${level}/pool.json`);
    // Each directory by its own name, and at most once more through the first link that reached it.
    expect(run.files.length).toBeLessThan(2 * depth);
    expect(run.stderr).toContain('which is walked already; not walked again');
  });

  it.skipIf(process.platform !== 'linux')('`ln -s / root` is not followed by a glob either', () => {
    write('templates/pool.json');
    link('/', 'root');
    const run = globbed('**/*.json');
    expect(run.files).toEqual(['templates/pool.json']);
    expect(run.stderr).toContain('skipped root: a symlink to /, outside the repository; not followed');
  });
});

describe('a symlink out of the repository is not followed', () => {
  // A planted link plus a policy that prints the matched value would put the secret in the CI log.
  const SECRET = '{"pool": {"name": "db_password=hunter2"}}\n';
  const POLICY = 'policies:\n  - name: show\n    message: "the name is {{value}}"\n    given: $.pool.name\n    then: { function: pattern, functionOptions: { match: "^web-" } }\n';

  beforeEach(() => {
    writeFileSync(join(base, 'secret.json'), SECRET);
    write('.elb-lint.yaml', POLICY);
    write('templates/pool.json');
    link('../../secret.json', 'templates/secret.json');
  });

  it('found in a directory: left out, listed by --debug, and nothing of it is printed', async () => {
    const result = await runCli(['--debug', 'templates'], { cwd: repo });
    expect(result.code).toBe(0);
    expect(`${result.stdout}${result.stderr}`).not.toContain('hunter2');
    expect(result.stderr).toContain(`elb-lint: skipped templates/secret.json: a symlink to ${join(base, 'secret.json')}, outside the repository; not followed`);
  });

  it('named on the command line: the run fails (exit 2), the other files are still reported', async () => {
    const result = await runCli(['--format', 'json', 'templates/pool.json', 'templates/secret.json'], { cwd: repo });
    expect(result.code).toBe(2);
    expect(result.stdout).not.toContain('hunter2');
    expect(result.stderr).toContain(`elb-lint: Cannot read "templates/secret.json": it is a symlink to ${join(base, 'secret.json')}, outside the repository; elb-lint does not follow it.`);
    expect((JSON.parse(result.stdout) as { files: { path: string }[] }).files.map((file) => file.path)).toEqual(['templates/pool.json']);
  });

  it('a directory symlink out of the repository, found or named; and a glob that matches the link', async () => {
    mkdirSync(join(base, 'elsewhere'));
    writeFileSync(join(base, 'elsewhere', 'pool.json'), SECRET);
    link('../elsewhere', 'linked');
    const found = await runCli(['--debug', '.'], { cwd: repo });
    expect(found.stderr).toContain(`skipped linked: a symlink to ${join(base, 'elsewhere')}, outside the repository; not followed`);
    expect(`${found.stdout}${found.stderr}`).not.toContain('hunter2');
    const named = await runCli(['linked'], { cwd: repo });
    expect(named.code).toBe(2);
    const globbed = await runCli(['--debug', 'templates/*.json'], { cwd: repo });
    expect(globbed.code).toBe(0);
    expect(globbed.stderr).toContain('skipped templates/secret.json: a symlink to');
    expect(`${globbed.stdout}${globbed.stderr}`).not.toContain('hunter2');
  });

  it('a symlink to a file inside the repository is followed as before', async () => {
    write('shared/bad.json', SECRET.replace('db_password=hunter2', 'not-web'));
    link('../shared/bad.json', 'templates/bad.json');
    const result = await runCli(['--format', 'json', 'templates'], { cwd: repo });
    expect((JSON.parse(result.stdout) as { files: { path: string }[] }).files.map((file) => file.path)).toEqual(['templates/bad.json', 'templates/pool.json']);
  });
});

// The pre-commit hooks driven by the real pre-commit, the way a user meets them: a repository whose
// .pre-commit-config.yaml names elb-lint's git repository at a tag, `pre-commit install`, then
// `git commit`. pre-commit installs the hook with npm from git (4.x: `npm install -g git+file://…`;
// 3.x: `npm install` in its clone, `npm pack`, `npm install -g` of the tarball), so this covers
// the `prepare` build and the npm settings, not only the hook entries.
//
// Which pre-commit: ELB_LINT_PRE_COMMIT lists the executables to test (separated like PATH; .ci/run
// sets the current release and Debian's 3.x), else `pre-commit` on PATH. A missing one fails the
// test. Each version installs the hook once, into its own PRE_COMMIT_HOME; npm prefers its cache.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const TAG = `v${VERSION}`;
/** Installing the hook runs npm in a git clone and builds elb-lint; a slow machine needs minutes. */
const INSTALL_TIMEOUT = 600_000;
const COMMIT_TIMEOUT = 120_000;

const preCommits = (process.env.ELB_LINT_PRE_COMMIT ?? 'pre-commit').split(delimiter).filter((command) => command !== '');
const MISSING = 'this test needs pre-commit (`pip install pre-commit`, or run .ci/run)';

interface Run { code: number | null; output: string }

let scratch = '';
let hookRepository = '';
let childEnv: NodeJS.ProcessEnv = {};

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = childEnv): Run {
  const child = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: INSTALL_TIMEOUT });
  if (child.error) return { code: null, output: `${command} ${args.join(' ')}: ${child.error.message}` };
  return { code: child.status, output: `${child.stdout}${child.stderr}` };
}

function git(args: readonly string[], cwd: string): string {
  const result = run('git', args, cwd);
  expect(result.code, result.output).toBe(0);
  return result.output;
}

function write(dir: string, path: string, text: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

/** npm settings a developer's own npm would use too (the cache and registry this machine has). */
const KEPT_NPM_SETTINGS = new Set(['npm_config_cache', 'npm_config_registry']);

/**
 * The environment of a developer's shell: none of the other npm_* variables `npm test` exports (a
 * git hook does not run under npm) nor GIT_* ones (a test run from a git hook), git configured by
 * a file of our own (no global hooksPath or identity), npm reading its cache before the registry.
 */
function developerEnv(): NodeJS.ProcessEnv {
  const inherited = ([name]: [string, unknown]) => KEPT_NPM_SETTINGS.has(name.toLowerCase()) || !(/^(npm|git)_/i.test(name) || name === 'INIT_CWD');
  const env = Object.fromEntries(Object.entries(process.env).filter(inherited));
  const gitConfig = join(scratch, 'gitconfig');
  writeFileSync(gitConfig, '[user]\n\tname = Hook Tester\n\temail = hooks@example.com\n[init]\n\tdefaultBranch = main\n[advice]\n\tdetachedHead = false\n');
  return { ...env, GIT_CONFIG_GLOBAL: gitConfig, GIT_CONFIG_NOSYSTEM: '1', PRE_COMMIT_COLOR: 'never', npm_config_prefer_offline: 'true' };
}

/** A git repository with this checkout's files (tracked, and new ones not ignored), tagged as released. */
function createHookRepository(dir: string): void {
  const listed = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], ROOT).output.split('\0');
  mkdirSync(dir);
  for (const file of listed.filter((path) => path !== '' && existsSync(join(ROOT, path)) && !lstatSync(join(ROOT, path)).isDirectory())) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(ROOT, file), join(dir, file));
  }
  git(['init', '--quiet'], dir);
  git(['add', '--all'], dir);
  git(['commit', '--quiet', '--no-verify', '--message', `elb-lint ${VERSION}`], dir);
  git(['tag', TAG], dir);
}

const POOL = readFileSync(join(ROOT, 'examples/templates/web-tcp-pool.json'), 'utf8');
const LOAD_BALANCER = readFileSync(join(ROOT, 'examples/templates/web-private-lb.json'), 'utf8');
const POOL_REQUEST = 'POST https://{ELB_Endpoint}/v3/{project_id}/elb/master-slave-pools\nContent-Type: application/json\n\n';

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'elb-lint-pre-commit-'));
  childEnv = developerEnv();
  hookRepository = join(scratch, 'elb-lint');
  createHookRepository(hookRepository);
}, INSTALL_TIMEOUT);

afterAll(() => {
  if (scratch !== '') rmSync(scratch, { recursive: true, force: true });
}, COMMIT_TIMEOUT);

it('has a pre-commit to test with', () => {
  expect(preCommits.length, MISSING).toBeGreaterThan(0);
});

describe.each(preCommits)('pre-commit hooks installed by %s', (preCommit) => {
  let home = '';
  let repositories = 0;

  /** A fresh repository using both hooks from the tagged hook repository, with the git hook installed. */
  function userRepository(): string {
    const dir = join(home, `repository-${++repositories}`);
    mkdirSync(dir);
    git(['init', '--quiet'], dir);
    write(dir, '.pre-commit-config.yaml', `repos:\n  - repo: ${JSON.stringify(hookRepository)}\n    rev: ${TAG}\n    hooks:\n      - id: elb-lint\n      - id: elb-lint-http\n`);
    const installed = run(preCommit, ['install'], dir, { ...childEnv, PRE_COMMIT_HOME: join(home, 'cache') });
    expect(installed.code, `${MISSING}: ${installed.output}`).toBe(0);
    return dir;
  }

  function commit(dir: string): Run {
    git(['add', '--all'], dir);
    return run('git', ['commit', '--message', 'Add load balancer templates'], dir, { ...childEnv, PRE_COMMIT_HOME: join(home, 'cache') });
  }

  function commits(dir: string): number {
    const log = run('git', ['rev-list', '--count', '--all'], dir);
    return log.code === 0 ? Number(log.output.trim()) : 0;
  }

  beforeAll(() => {
    home = join(scratch, `home-${preCommits.indexOf(preCommit)}`);
    mkdirSync(home);
  });

  it('is a pre-commit', () => {
    const version = run(preCommit, ['--version'], scratch);
    expect(version.code, `${MISSING}: ${version.output}`).toBe(0);
    expect(version.output).toMatch(/^pre-commit \d+\.\d+\.\d+\n$/);
  });

  it('installs both hooks from the git repository at a tag', () => {
    const dir = userRepository();
    const result = run(preCommit, ['install-hooks'], dir, { ...childEnv, PRE_COMMIT_HOME: join(home, 'cache') });
    expect(result.code, result.output).toBe(0);
    expect(result.output).not.toMatch(/mutable reference/);
  }, INSTALL_TIMEOUT);

  it('blocks a commit with a bad template, one path:line:col line per finding', () => {
    const dir = userRepository();
    write(dir, 'package.json', '{ "name": "infra", "private": true }\n');
    write(dir, 'templates/web-lb.json', LOAD_BALANCER);
    write(dir, 'templates/web-pool.json', POOL.replace('"delay": 5', '"delay": 60'));
    write(dir, 'requests/create-pool.http', POOL_REQUEST + POOL.replace('"max_retries": 3', '"max_retries": 20'));
    write(dir, 'api/create-pool.rest', POOL_REQUEST + POOL.replace('"delay": 5', '"delay": 60'));
    const result = commit(dir);
    expect(result.code, result.output).not.toBe(0);
    expect(result.output).toMatch(/^elb-lint\.+Failed$/m);
    expect(result.output).toMatch(/^elb-lint \(\.http\/\.rest request files\)\.+Failed$/m);
    expect(result.output.match(/^\S+:\d+:\d+: (error|warning|info): .*$/gm)).toEqual([
      expect.stringMatching(/^templates\/web-pool\.json:28:7: error: healthmonitor\.delay is 60, .* \[pool\/healthmonitor-range\]$/),
      expect.stringMatching(/^api\/create-pool\.rest:31:7: error: healthmonitor\.delay is 60, .* \[pool\/healthmonitor-range\]$/),
      expect.stringMatching(/^requests\/create-pool\.http:33:7: error: healthmonitor\.max_retries is 20, .* \[pool\/healthmonitor-range\]$/),
    ]);
    expect(commits(dir)).toBe(0);
  }, COMMIT_TIMEOUT);

  it('passes a commit of good templates with a staged package.json and other JSON files', () => {
    const dir = userRepository();
    write(dir, 'package.json', '{ "name": "infra", "private": true }\n');
    write(dir, 'tsconfig.json', '{\n  // comments: not strict JSON\n  "compilerOptions": { "strict": true, },\n}\n');
    write(dir, 'templates/web-lb.json', LOAD_BALANCER);
    write(dir, 'templates/web-pool.json', POOL);
    write(dir, 'requests/create-pool.http', POOL_REQUEST + POOL);
    write(dir, 'api/create-pool.rest', POOL_REQUEST + POOL);
    const result = commit(dir);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/^elb-lint\.+Passed$/m);
    expect(result.output).toMatch(/^elb-lint \(\.http\/\.rest request files\)\.+Passed$/m);
    expect(commits(dir)).toBe(1);
  }, COMMIT_TIMEOUT);
});

// State the linted tree can plant (docs/security.md): committed symlinks where elb-lint writes its
// reports, baseline and cache, and special files where it reads them. A link that leads out of the
// repository is never written through; a baseline is read only as a regular file inside it.

import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'bin/elb-lint.cjs');
const BAD = readFileSync(join(ROOT, 'examples/mistakes/prepaid-elastic-lb.json'), 'utf8');
const PRECIOUS = 'the user\'s own file\n';

let base: string;
/** The repository (it holds .git), and a file of the user's outside it. */
let repo: string;
let precious: string;
let keys: string;
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'elb-lint-planted-'));
  repo = join(base, 'repo');
  keys = join(base, 'keys');
  mkdirSync(join(repo, '.git'), { recursive: true });
  mkdirSync(join(base, 'home'));
  precious = join(base, 'home', 'precious.txt');
  writeFileSync(precious, PRECIOUS);
  write('templates/lb.json', BAD);
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  writeFileSync(join(repo, path), text);
}

function lint(args: string[]) {
  return runCli(args, { cwd: repo, env: { ELB_LINT_CACHE_KEY_DIR: keys } });
}

describe('a committed symlink never redirects a write out of the repository', () => {
  it.each([
    ['a SARIF report', ['-f', 'sarif=elb-lint.sarif', 'templates'], 'elb-lint.sarif', /"version": "2\.1\.0"/],
    ['the cache', ['--cache', 'templates'], '.elb-lint-cache', /^\{"version":2,"mac":/],
  ])('%s: the link is replaced by the file, the file it pointed to is untouched', async (_name, args, file, content) => {
    symlinkSync(precious, join(repo, file));
    const result = await lint(args as string[]);
    expect(result.stderr).not.toContain('internal error');
    expect(readFileSync(precious, 'utf8')).toBe(PRECIOUS);
    expect(lstatSync(join(repo, file)).isFile()).toBe(true);
    expect(readFileSync(join(repo, file), 'utf8')).toMatch(content as RegExp);
  });

  it('--update-baseline over a baseline that links out of the repository: refused with exit 2, the file untouched', async () => {
    symlinkSync(precious, join(repo, 'baseline.json'));
    const result = await lint(['--baseline', 'baseline.json', '--update-baseline', 'templates']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('it is a symlink to a file outside the repository');
    expect(readFileSync(precious, 'utf8')).toBe(PRECIOUS);
  });

  it('--update-baseline over a dangling link writes the baseline in the link\'s place', async () => {
    symlinkSync(join(base, 'home', 'new-baseline.json'), join(repo, 'baseline.json'));
    expect((await lint(['--baseline', 'baseline.json', '--update-baseline', 'templates'])).code).toBe(0);
    expect(readdirSync(join(base, 'home'))).toEqual(['precious.txt']);
    expect(readFileSync(join(repo, 'baseline.json'), 'utf8')).toMatch(/"tool": "elb-lint"/);
  });

  it('a dangling link (the write would create its target outside) is replaced too', async () => {
    symlinkSync(join(base, 'home', 'new-file'), join(repo, 'elb-lint.sarif'));
    await lint(['-f', 'sarif=elb-lint.sarif', 'templates']);
    expect(readdirSync(join(base, 'home'))).toEqual(['precious.txt']);
    expect(lstatSync(join(repo, 'elb-lint.sarif')).isFile()).toBe(true);
  });

  it('a link to a file inside the repository is followed and kept', async () => {
    write('reports/real.sarif', 'old');
    symlinkSync('reports/real.sarif', join(repo, 'elb-lint.sarif'));
    await lint(['-f', 'sarif=elb-lint.sarif', 'templates']);
    expect(readlinkSync(join(repo, 'elb-lint.sarif'))).toBe('reports/real.sarif');
    expect(readFileSync(join(repo, 'reports/real.sarif'), 'utf8')).toMatch(/"version": "2\.1\.0"/);
  });

  it('a report whose directory is a symlink out of the repository: exit 2, nothing written there', async () => {
    symlinkSync(join(base, 'home'), join(repo, 'reports'));
    const result = await lint(['-f', 'sarif=reports/elb-lint.sarif', '-f', 'json', 'templates']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Cannot write the sarif report to "reports/elb-lint.sarif": ');
    expect(result.stderr).toContain('its directory leads out of the repository through a symlink');
    expect(readdirSync(join(base, 'home'))).toEqual(['precious.txt']);
    // The report on stdout is still complete.
    expect(JSON.parse(result.stdout)).toMatchObject({ summary: { errors: expect.any(Number) } });
  });

  it('a report the user names outside the repository may go through their own symlink (/dev/stdout and the like)', async () => {
    const outside = join(base, 'home', 'link.sarif');
    symlinkSync(precious, outside);
    await lint(['-f', `sarif=${outside}`, 'templates']);
    expect(lstatSync(outside).isSymbolicLink()).toBe(true);
    expect(readFileSync(precious, 'utf8')).toMatch(/"version": "2\.1\.0"/);
  });
});

describe('a planted baseline is read only as a regular file inside the repository', () => {
  it('a baseline that is a symlink out of the repository: exit 2, and nothing of the file is shown', async () => {
    writeFileSync(precious, 'db_password: hunter2\n');
    symlinkSync(precious, join(repo, 'baseline.json'));
    const result = await lint(['--baseline', 'baseline.json', 'templates']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('elb-lint: Cannot use the baseline "baseline.json": it is a symlink to a file outside the repository.');
    expect(result.stderr).not.toContain('hunter2');
  });

  it('a baseline that is a FIFO or /dev/zero (named by the user): exit 2 at once, not a hang or a full memory', () => {
    expect(spawnSync('mkfifo', [join(repo, 'fifo.json')]).status).toBe(0);
    for (const named of ['fifo.json', '/dev/zero']) {
      // Spawned with a timeout: reading a FIFO without O_NONBLOCK waits for a writer forever.
      const result = spawnSync(process.execPath, [CLI, '--baseline', named, 'templates'], { cwd: repo, encoding: 'utf8', timeout: 20_000 });
      expect(result.error).toBeUndefined();
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(`Cannot use the baseline "${named}": it is not a regular file.`);
    }
  });
});

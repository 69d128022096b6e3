// --cache and --cache-location: a file whose bytes have not changed since the last run is not
// linted again, and nothing a user can see changes because of that. Every cached run is compared
// with the same run without the cache (exit code and report); `--debug` says how many files came
// from the cache ("linted them at … ms (N from the cache)"), which proves what was linted again.

import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli as runCliAnywhere, type CliResult, type JsonReport } from '../support/helpers.js';
import { createHash, createHmac } from 'node:crypto';

const ROOT = join(import.meta.dirname, '..', '..');
const example = (path: string) => readFileSync(join(ROOT, 'examples', path), 'utf8');
const SHOP_LB = example('mistakes/prepaid-elastic-lb.json');
const POOL = example('templates/web-tcp-pool.json');
/** pool/healthmonitor-timeout (warning): timeout 7 is not below delay 5. */
const SLOW_POOL = POOL.replace('"timeout": 3', '"timeout": 7');
/** lb/single-az (info): one availability zone. */
const PRIVATE_LB = example('seed-lb-private-ipv4.json');
/** Clean; names the L4 flavor 6b5b6b1c-… and the L7 flavor 7c6c7c2d-… of examples/flavors.json. */
const YEARLY_LB = example('templates/shop-public-lb-yearly.json');
const FLAVORS = example('flavors.json');
const CACHE = '.elb-lint-cache';
const FOUND = 6;

let work: string;
/** Where this machine keeps the cache key (ELB_LINT_CACHE_KEY_DIR), outside the linted tree. */
let keys: string;
let servers: Server[] = [];
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'elb-lint-cache-'));
  keys = mkdtempSync(join(tmpdir(), 'elb-lint-cache-keys-'));
  write('templates/shop-lb.json', SHOP_LB);
  write('templates/web-pool.json', POOL);
  write('templates/slow-pool.json', SLOW_POOL);
  write('templates/private-lb.json', PRIVATE_LB);
  write('templates/yearly-lb.json', YEARLY_LB);
  // Found through the directory, a file that is not a request body is skipped (and cached as such).
  write('templates/notes.json', '{"comment": "not a request body"}\n');
});
afterEach(async () => {
  await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
  servers = [];
  rmSync(work, { recursive: true, force: true });
  rmSync(keys, { recursive: true, force: true });
});

/** A run on this machine: its cache key is in `keys`, never in the user's home. */
function runCli(args: string[], options: Parameters<typeof runCliAnywhere>[1]): Promise<CliResult> {
  return runCliAnywhere(args, { ...options, env: { ELB_LINT_CACHE_KEY_DIR: keys, ...options.env } });
}

/** A cache file's parts: the authenticated body, as the CLI writes it. */
interface CacheBody {
  key: string;
  entries: Record<string, { hash: string; outcome: { status: string; findings?: unknown[]; reason?: string } }>;
}

function cacheBody(): CacheBody {
  const file = JSON.parse(read(CACHE)) as { version: number; body: CacheBody };
  expect(file.version).toBe(2);
  return file.body;
}

/** A cache file for a body, authenticated with this machine's key (or another), as the CLI writes it. */
function signedCache(body: string, key = readFileSync(join(keys, 'cache-key'), 'utf8').trim()): string {
  const mac = createHmac('sha256', Buffer.from(key, 'hex')).update(body).digest('base64url');
  return `{"version":2,"mac":"${mac}","body":${body}}`;
}

function write(path: string, text: string | Uint8Array): void {
  mkdirSync(dirname(join(work, path)), { recursive: true });
  writeFileSync(join(work, path), text);
}

function read(path: string): string {
  return readFileSync(join(work, path), 'utf8');
}

/** A run with the cache and --debug (for the counts), JSON report on stdout. */
function cached(args: string[], options: { stdin?: string } = {}): Promise<CliResult> {
  return runCli(['--cache', '--debug', '--format', 'json', ...args], { cwd: work, ...options });
}

/** The same run without the cache: what the cached run must print. */
function fresh(args: string[], options: { stdin?: string } = {}): Promise<CliResult> {
  return runCli(['--format', 'json', ...args], { cwd: work, ...options });
}

/** What a user sees of a run, besides --debug output. */
function seen(result: CliResult): { code: number; stdout: string } {
  return { code: result.code, stdout: result.stdout };
}

/** The counts --debug prints: files found, and how many of them the cache answered. */
function counts(result: CliResult): { found: number; fromCache: number } {
  const found = /found (\d+) files? to lint/.exec(result.stderr);
  const fromCache = /linted them at \d+ ms \((\d+) from the cache\)/.exec(result.stderr);
  if (!found || !fromCache) throw new Error(`no --debug counts in:\n${result.stderr}`);
  return { found: Number(found[1]), fromCache: Number(fromCache[1]) };
}

function report(result: CliResult): JsonReport {
  if (result.stdout === '') throw new Error(`no JSON report (exit ${result.code}): ${result.stderr}`);
  return JSON.parse(result.stdout) as JsonReport;
}

/** `path ruleId pointer severity` of every finding. */
function findings(result: CliResult): string[] {
  return report(result).files.flatMap((file) => file.findings.map((finding) => `${file.path} ${finding.ruleId} ${finding.pointer} ${finding.severity}`));
}

function fileState(path: string): { ino: number; mtimeMs: number; text: string } {
  const stats = statSync(join(work, path));
  return { ino: stats.ino, mtimeMs: stats.mtimeMs, text: read(path) };
}

describe('--cache', () => {
  it('a second run prints a byte-identical report from the cache and does not rewrite the cache file', async () => {
    const first = await cached(['templates']);
    expect(counts(first)).toEqual({ found: FOUND, fromCache: 0 });
    expect(seen(first)).toEqual(seen(await fresh(['templates'])));
    expect(first.code).toBe(1);
    expect(existsSync(join(work, CACHE))).toBe(true);
    const before = fileState(CACHE);

    const second = await cached(['templates']);
    expect(counts(second)).toEqual({ found: FOUND, fromCache: FOUND });
    expect(second.stdout).toBe(first.stdout);
    expect(second.code).toBe(first.code);
    // Not rewritten: same inode (an atomic write renames a new file over it), same time, same bytes.
    expect(fileState(CACHE)).toEqual(before);
    expect(readdirSync(work).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('lints again only the file that changed, and a file that is new', async () => {
    await cached(['templates']);
    const before = read(CACHE);
    write('templates/slow-pool.json', POOL);
    const edited = await cached(['templates']);
    expect(counts(edited)).toEqual({ found: FOUND, fromCache: FOUND - 1 });
    expect(seen(edited)).toEqual(seen(await fresh(['templates'])));
    expect(findings(edited).filter((finding) => finding.startsWith('templates/slow-pool.json'))).toEqual([]);
    expect(read(CACHE)).not.toBe(before);

    write('templates/new-pool.json', SLOW_POOL);
    const added = await cached(['templates']);
    expect(counts(added)).toEqual({ found: FOUND + 1, fromCache: FOUND });
    expect(seen(added)).toEqual(seen(await fresh(['templates'])));
    expect(findings(added)).toContain('templates/new-pool.json pool/healthmonitor-timeout /pool/healthmonitor/timeout warning');

    expect(counts(await cached(['templates']))).toEqual({ found: FOUND + 1, fromCache: FOUND + 1 });
  });

  it('options applied after linting (--quiet, --max-warnings, other formats) work on cached results', async () => {
    await cached(['templates']);
    for (const args of [['--quiet'], ['--max-warnings', '0'], ['--format', 'sarif'], ['--format', 'compact']]) {
      const result = await runCli(['--cache', '--debug', ...args, 'templates'], { cwd: work });
      expect(counts(result).fromCache, args.join(' ')).toBe(FOUND);
      expect(seen(result), args.join(' ')).toEqual(seen(await runCli([...args, 'templates'], { cwd: work })));
    }
  });
});

describe('--cache starts over when what shapes results changes', () => {
  beforeEach(() => {
    write('rules.yaml', 'extends: ./base.yaml\nflavors: flavors.json\nrules:\n  pool/healthmonitor-timeout: warning\n');
    write('base.yaml', 'extends: recommended\nrules:\n  lb/single-az: info\n');
    write('flavors.json', FLAVORS);
  });

  const changes: { name: string; change?: () => void; args?: string[]; before: string; after: string | undefined }[] = [
    {
      name: 'a severity in rules.yaml',
      change: () => write('rules.yaml', read('rules.yaml').replace('pool/healthmonitor-timeout: warning', 'pool/healthmonitor-timeout: error')),
      before: 'templates/slow-pool.json pool/healthmonitor-timeout /pool/healthmonitor/timeout warning',
      after: 'templates/slow-pool.json pool/healthmonitor-timeout /pool/healthmonitor/timeout error',
    },
    {
      name: 'the configuration rules.yaml extends',
      change: () => write('base.yaml', read('base.yaml').replace('lb/single-az: info', 'lb/single-az: off')),
      before: 'templates/private-lb.json lb/single-az /loadbalancer/availability_zone_list info',
      after: undefined,
    },
    {
      name: 'the flavor catalog (a flavor sold out)',
      change: () => {
        const catalog = JSON.parse(FLAVORS) as { flavors: { id: string; flavor_sold_out: boolean }[] };
        catalog.flavors.find((flavor) => flavor.id === '6b5b6b1c-8a5d-4f4e-9f0a-1c2d3e4f5a6b')!.flavor_sold_out = true;
        write('flavors.json', JSON.stringify(catalog, null, 2));
      },
      before: 'templates/slow-pool.json pool/healthmonitor-timeout /pool/healthmonitor/timeout warning',
      after: 'templates/yearly-lb.json lb/flavor-catalog /loadbalancer/l4_flavor_id error',
    },
    {
      name: '--rule ID=off',
      args: ['--rule', 'pool/healthmonitor-timeout=off'],
      before: 'templates/slow-pool.json pool/healthmonitor-timeout /pool/healthmonitor/timeout warning',
      after: undefined,
    },
    {
      name: '--kind',
      args: ['--kind', 'create-loadbalancer'],
      before: 'templates/slow-pool.json pool/healthmonitor-timeout /pool/healthmonitor/timeout warning',
      after: 'templates/notes.json schema/unknown-field /comment error',
    },
  ];

  it.each(changes)('$name', async ({ change, args = [], before, after }) => {
    const first = await cached(['templates']);
    expect(counts(first)).toEqual({ found: FOUND, fromCache: 0 });
    expect(findings(first)).toContain(before);
    expect(counts(await cached(['templates'])).fromCache).toBe(FOUND);

    change?.();
    const changed = await cached([...args, 'templates']);
    // Every file is linted again, not only those the change is about.
    expect(counts(changed)).toEqual({ found: FOUND, fromCache: 0 });
    expect(seen(changed)).toEqual(seen(await fresh([...args, 'templates'])));
    if (after === undefined) expect(findings(changed)).not.toContain(before);
    else expect(findings(changed)).toContain(after);
    // …and the new results are what the cache holds now.
    const again = await cached([...args, 'templates']);
    expect(counts(again).fromCache).toBe(FOUND);
    expect(again.stdout).toBe(changed.stdout);
  });

  it('a catalog named with --flavors, edited', async () => {
    write('cli-flavors.json', FLAVORS);
    const args = ['--flavors', 'cli-flavors.json', 'templates'];
    await cached(args);
    expect(counts(await cached(args)).fromCache).toBe(FOUND);
    write('cli-flavors.json', FLAVORS.replace('"flavor_sold_out": false', '"flavor_sold_out": true'));
    const changed = await cached(args);
    expect(counts(changed).fromCache).toBe(0);
    expect(seen(changed)).toEqual(seen(await fresh(args)));
    expect(findings(changed)).toContain('templates/yearly-lb.json lb/flavor-catalog /loadbalancer/l4_flavor_id error');
  });

  // Messages may name paths relative to the working directory (the flavor catalog), so the
  // working directory is part of the cache key.
  it('a message that names a path relative to the working directory follows the working directory', async () => {
    rmSync(join(work, 'rules.yaml'));
    write('templates/unknown-flavor-lb.json', YEARLY_LB.replace('6b5b6b1c-8a5d-4f4e-9f0a-1c2d3e4f5a6b', '6b5b6b1c-8a5d-4f4e-9f0a-000000000000'));
    const location = join(work, 'shared.cache');
    await runCli(['--cache-location', location, '--flavors', 'flavors.json', '-f', 'json', 'templates'], { cwd: work });
    const cwd = join(work, 'templates');
    const args = ['--flavors', '../flavors.json', '-f', 'json', '.'];
    const result = await runCli(['--cache-location', location, ...args], { cwd });
    expect(result.stdout).toContain('not in the flavor catalog ../flavors.json');
    expect(seen(result)).toEqual(seen(await runCli(args, { cwd })));
  });

  it('--kind is part of the key both ways: dropping it again does not serve the --kind results', async () => {
    await cached(['--kind', 'create-loadbalancer', 'templates']);
    const plain = await cached(['templates']);
    expect(counts(plain).fromCache).toBe(0);
    expect(seen(plain)).toEqual(seen(await fresh(['templates'])));
  });
});

describe('a corrupt or foreign cache file counts as empty', () => {
  const texts: [string, string | Uint8Array][] = [
    ['not JSON', 'not json'],
    ['empty', ''],
    ['binary', new Uint8Array([0xff, 0xfe, 0x00, 0x01, 0x7b])],
    ['a JSON null', 'null'],
    ['a JSON array', '[]'],
    ['another key', '{"version":1,"key":"x","entries":{"/a":{"hash":1}}}'],
    ['another version', '{"version":2,"key":"x","entries":{}}'],
    ['entries that are not an object', '{"version":1,"key":"x","entries":[{"hash":"x"}]}'],
  ];

  it.each(texts)('%s: ignored without a crash, then replaced by a good one', async (_name, text) => {
    write(CACHE, text);
    const result = await cached(['templates']);
    expect(result.stderr).not.toContain('internal error');
    expect(counts(result)).toEqual({ found: FOUND, fromCache: 0 });
    expect(seen(result)).toEqual(seen(await fresh(['templates'])));
    expect(JSON.parse(read(CACHE))).toMatchObject({ version: 2 });
    expect(counts(await cached(['templates'])).fromCache).toBe(FOUND);
  });

  it('entries of the wrong shape under the right key are ignored, one by one', async () => {
    await cached(['templates']);
    const file = cacheBody();
    const paths = Object.keys(file.entries);
    expect(paths).toHaveLength(FOUND);
    const wrong: ((hash: string) => unknown)[] = [
      () => ({ hash: 1, outcome: { status: 'skipped', reason: 'x' } }),
      (hash: string) => ({ hash, outcome: null }),
      (hash: string) => ({ hash, outcome: { status: 'linted', kind: 'create-loadbalancer' } }),
      (hash: string) => ({ hash, outcome: { status: 'skipped', reason: 5 } }),
      (hash: string) => ({ hash, outcome: { status: 'failed', reason: 'x' } }),
      () => 'a string',
    ];
    paths.forEach((path, index) => {
      const entry = file.entries[path]!;
      (file.entries as Record<string, unknown>)[path] = wrong[index % wrong.length]!(entry.hash);
    });
    write(CACHE, signedCache(JSON.stringify(file)));
    const result = await cached(['templates']);
    expect(result.stderr).not.toContain('internal error');
    expect(counts(result)).toEqual({ found: FOUND, fromCache: 0 });
    expect(seen(result)).toEqual(seen(await fresh(['templates'])));
  });

  it('__proto__ and constructor keys neither crash it nor pollute Object.prototype', async () => {
    await cached(['templates']);
    const { key, entries } = cacheBody();
    const entryTexts = JSON.stringify(entries).slice(1, -1);
    const shaped = '{"hash":"x","polluted":"entry","outcome":{"status":"skipped","reason":"r","__proto__":{"polluted":"outcome"}}}';
    write(CACHE, signedCache(`{"__proto__":{"polluted":"top"},"key":${JSON.stringify(key)},"entries":{"__proto__":${shaped},"constructor":{"prototype":{"polluted":"constructor"}},${entryTexts}}}`));
    try {
      const result = await cached(['templates']);
      expect(result.stderr).not.toContain('internal error');
      // The real entries are still good.
      expect(counts(result)).toEqual({ found: FOUND, fromCache: FOUND });
      expect(seen(result)).toEqual(seen(await fresh(['templates'])));
      // A change makes it write the cache back, with the odd keys in it, and read it again.
      write('templates/slow-pool.json', POOL);
      const written = await cached(['templates']);
      expect(counts(written)).toEqual({ found: FOUND, fromCache: FOUND - 1 });
      expect(cacheBody()).toMatchObject({ key });
      const reread = await cached(['templates']);
      expect(counts(reread)).toEqual({ found: FOUND, fromCache: FOUND });
      expect(seen(reread)).toEqual(seen(await fresh(['templates'])));
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
      expect((Object as unknown as Record<string, unknown>).polluted).toBeUndefined();
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
  });

  // A cache file is an input like any other: a finding of the wrong shape makes its entry unusable.
  it('findings of the wrong shape under the right key and hash are ignored', async () => {
    await cached(['templates']);
    const file = cacheBody();
    file.entries[join(work, 'templates/web-pool.json')]!.outcome.findings = [null];
    file.entries[join(work, 'templates/private-lb.json')]!.outcome.findings = [{ ruleId: 1, severity: 'bogus', line: 'a' }];
    write(CACHE, signedCache(JSON.stringify(file)));
    const result = await cached(['templates']);
    expect(result.stderr).not.toContain('internal error');
    expect(seen(result)).toEqual(seen(await fresh(['templates'])));
  });
});

describe('another build of the same version', () => {
  it('never replays the results a different build cached', async () => {
    // The in-process CLI runs from the sources (build "sources"); bin/elb-lint.cjs is the bundle,
    // whose build is a hash of the sources it was made from. Same version, same key file.
    const first = await cached(['templates']);
    expect(counts(first)).toEqual({ found: FOUND, fromCache: 0 });
    const bundled = spawnSync(process.execPath, [join(import.meta.dirname, '..', '..', 'bin', 'elb-lint.cjs'), '--cache', '--debug', '--format', 'json', 'templates'], {
      cwd: work, encoding: 'utf8', env: { ...process.env, ELB_LINT_CACHE_KEY_DIR: keys },
    });
    expect(counts({ code: bundled.status ?? -1, stdout: bundled.stdout, stderr: bundled.stderr })).toEqual({ found: FOUND, fromCache: 0 });
    expect(bundled.stdout).toBe(first.stdout);
    const again = await cached(['templates']);
    expect(counts(again).fromCache).toBe(0);
  });
});

describe('--cache-location', () => {
  it('creates the cache file in a nested directory that does not exist yet', async () => {
    const location = '.cache/elb-lint/nested/results';
    const first = await cached(['--cache-location', location, 'templates']);
    expect(counts(first).fromCache).toBe(0);
    expect(existsSync(join(work, location))).toBe(true);
    expect(existsSync(join(work, CACHE))).toBe(false);
    const second = await cached(['--cache-location', location, 'templates']);
    expect(counts(second)).toEqual({ found: FOUND, fromCache: FOUND });
    expect(second.stdout).toBe(first.stdout);
  });

  it('is relative to the working directory, and turns the cache on by itself', async () => {
    const cwd = join(work, 'templates');
    const run = () => runCli(['--debug', '--cache-location', '../ci/lint-cache', '-f', 'json', '.'], { cwd });
    const first = await run();
    expect(existsSync(join(work, 'ci/lint-cache'))).toBe(true);
    expect(existsSync(join(cwd, CACHE))).toBe(false);
    const second = await run();
    expect(counts(second)).toEqual({ found: FOUND, fromCache: FOUND });
    expect(second.stdout).toBe(first.stdout);
  });

  it('keeps separate caches apart: another location starts empty', async () => {
    await cached(['--cache-location', 'a.cache', 'templates']);
    expect(counts(await cached(['--cache-location', 'b.cache', 'templates'])).fromCache).toBe(0);
    expect(counts(await cached(['--cache-location', 'a.cache', 'templates'])).fromCache).toBe(FOUND);
  });

  // A cache that cannot be written costs the next run time, not this run's report.
  it('a location that cannot be written: the report is still printed, with a clear message', async () => {
    mkdirSync(join(work, 'a-directory'));
    const result = await cached(['--cache-location', 'a-directory', 'templates']);
    expect(result.stderr).not.toContain('internal error');
    expect(result.stderr).toContain('a-directory');
    expect(result.stdout).toBe((await fresh(['templates'])).stdout);
  });
});

describe('what the cache never answers', () => {
  it('standard input (-), even under the name of a cached file', async () => {
    const first = await cached(['-'], { stdin: SLOW_POOL });
    const second = await cached(['-'], { stdin: SLOW_POOL });
    for (const result of [first, second]) {
      expect(counts(result)).toEqual({ found: 1, fromCache: 0 });
      expect(seen(result)).toEqual(seen(await fresh(['-'], { stdin: SLOW_POOL })));
    }
    // templates/slow-pool.json is cached with a finding; standard input under its name is clean.
    await cached(['templates']);
    const named = await cached(['--stdin-filename', 'templates/slow-pool.json', '-'], { stdin: POOL });
    expect(counts(named)).toEqual({ found: 1, fromCache: 0 });
    expect(seen(named)).toEqual(seen(await fresh(['--stdin-filename', 'templates/slow-pool.json', '-'], { stdin: POOL })));
    expect(report(named).files).toEqual([{ path: 'templates/slow-pool.json', kind: 'create-master-slave-pool', findings: [] }]);
  });

  it.skipIf(process.platform === 'win32')('a cached file that became unreadable is reported as before, not served from the cache', async () => {
    const named = ['templates/web-pool.json', 'templates/slow-pool.json'];
    await cached(named);
    await cached(['templates']);
    await makeUnreadable('templates/slow-pool.json');
    for (const args of [named, ['templates']]) {
      const before = await fresh(args);
      const result = await runCli(['--cache', '--format', 'json', ...args], { cwd: work });
      expect(result, args.join(' ')).toEqual(before);
    }
    const result = await cached(named);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/elb-lint: Cannot read "templates\/slow-pool\.json": /);
    expect(report(result).files.map((file) => file.path)).toEqual(['templates/web-pool.json']);
    expect(counts(result)).toEqual({ found: 2, fromCache: 1 });
  });

  it('a .http file with skipped requests still prints its --debug notes on the second run', async () => {
    const get = 'GET https://{ELB_Endpoint}/v3/{project_id}/elb/loadbalancers?limit=10';
    write('requests/create.http', `${get}\n\n###\nPOST https://{ELB_Endpoint}/v3/{project_id}/elb/master-slave-pools\n\n${SLOW_POOL}`);
    write('requests/list.http', `${get}\n`);
    const notes = [
      `elb-lint: skipped a request in requests/create.http: line 1: ${get} is not a create-loadbalancer or create-master-slave-pool request\n`,
      `elb-lint: skipped requests/list.http: line 1: ${get} is not a create-loadbalancer or create-master-slave-pool request\n`,
    ];
    const first = await cached(['requests']);
    const second = await cached(['requests']);
    for (const result of [first, second]) {
      for (const note of notes) expect(result.stderr).toContain(note);
      expect(seen(result)).toEqual(seen(await fresh(['requests'])));
    }
    expect(findings(second)).toEqual(['requests/create.http pool/healthmonitor-timeout /pool/healthmonitor/timeout warning']);
  });

  // Named or found through a directory decides what happens to a body of unknown kind, so the
  // two are cached apart.
  it('a file named on the command line after a directory run is judged as named', async () => {
    await cached(['templates']);
    const result = await cached(['templates/notes.json']);
    expect(seen(result)).toEqual(seen(await fresh(['templates/notes.json'])));
  });

  // The same bug the other way: after `elb-lint --cache templates/notes.json` (an input/unknown-kind
  // error), `elb-lint --cache templates` reports that error instead of skipping the file.
  it('a file found in a directory after it was named is judged as found', async () => {
    await cached(['templates/notes.json']);
    const result = await cached(['templates']);
    expect(seen(result)).toEqual(seen(await fresh(['templates'])));
  });
});

/**
 * Makes a file unreadable: chmod 000, or, where that does not stop the reader (root ignores
 * permissions), a Unix socket in its place, which open() refuses (ENXIO) even to root.
 */
async function makeUnreadable(path: string): Promise<void> {
  const file = join(work, path);
  chmodSync(file, 0o000);
  try {
    readFileSync(file);
  } catch {
    return;
  }
  rmSync(file);
  const server = createServer();
  servers.push(server);
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(file, done);
  });
}

// The linted tree is untrusted (docs/security.md): a pull request can commit a cache file. Every
// input of the old cache key (version, working directory, configuration text) and every content
// hash is predictable, so such a file could say that a bad template is clean.
describe('a cache this machine did not write is worthless', () => {
  /** The forgery: templates/web-pool.json becomes a bad template, and the cache claims it is still clean. */
  function forge(): { body: CacheBody; bad: string } {
    const body = cacheBody();
    const path = join(work, 'templates/web-pool.json');
    write('templates/web-pool.json', SHOP_LB);
    body.entries[path]!.hash = createHash('sha1').update(readFileSync(path)).digest('base64');
    expect(body.entries[path]!.outcome).toMatchObject({ status: 'linted', findings: [] });
    return { body, bad: 'templates/web-pool.json' };
  }

  async function expectReported(bad: string): Promise<CliResult> {
    const result = await cached(['templates']);
    expect(seen(result)).toEqual(seen(await fresh(['templates'])));
    expect(result.code).toBe(1);
    expect(findings(result).filter((finding) => finding.startsWith(`${bad} `)).length).toBeGreaterThan(0);
    return result;
  }

  it('a forged cache in the old format (key and hashes computed by the attacker) does not hide a bad template', async () => {
    await cached(['templates']);
    const { body, bad } = forge();
    write(CACHE, JSON.stringify({ version: 1, key: body.key, entries: body.entries }));
    const result = await expectReported(bad);
    expect(counts(result).fromCache).toBe(0);
  });

  it('a cache signed with another key (another machine, or the attacker\'s own) is empty, and --debug says so', async () => {
    await cached(['templates']);
    const { body, bad } = forge();
    write(CACHE, signedCache(JSON.stringify(body), 'ab'.repeat(32)));
    const result = await expectReported(bad);
    expect(counts(result).fromCache).toBe(0);
    expect(result.stderr).toContain("elb-lint: cache .elb-lint-cache: it was not written by elb-lint with this machine's cache key (its authentication failed); starting with an empty cache");
  });

  it('an authentic cache with its body edited (the MAC kept) is empty', async () => {
    await cached(['templates']);
    const mac = (JSON.parse(read(CACHE)) as { mac: string }).mac;
    const { body, bad } = forge();
    write(CACHE, `{"version":2,"mac":"${mac}","body":${JSON.stringify(body)}}`);
    expect(counts(await expectReported(bad)).fromCache).toBe(0);
  });

  it('the key is made on first use, mode 600 in a directory of mode 700, and kept', async () => {
    const xdg = join(keys, 'xdg');
    const run = (args: string[]) => runCliAnywhere(['--cache', '--debug', '-f', 'json', ...args], { cwd: work, env: { XDG_CACHE_HOME: xdg } });
    await run(['templates']);
    const keyFile = join(xdg, 'elb-lint', 'cache-key');
    expect(readFileSync(keyFile, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    if (process.platform !== 'win32') {
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      expect(statSync(join(xdg, 'elb-lint')).mode & 0o777).toBe(0o700);
    }
    const before = readFileSync(keyFile, 'utf8');
    expect(counts(await run(['templates'])).fromCache).toBe(FOUND);
    expect(readFileSync(keyFile, 'utf8')).toBe(before);
    // Another key directory is another machine: the cache counts as empty there.
    expect(counts(await cached(['templates'])).fromCache).toBe(0);
  });

  it('a key directory that cannot be made: a warning, and the run lints without the cache', async () => {
    writeFileSync(join(keys, 'not-a-directory'), 'x');
    const result = await runCliAnywhere(['--cache', '-f', 'json', 'templates'], { cwd: work, env: { ELB_LINT_CACHE_KEY_DIR: join(keys, 'not-a-directory', 'keys') } });
    expect(seen(result)).toEqual(seen(await fresh(['templates'])));
    expect(result.stderr).toMatch(/^elb-lint: cannot create the cache key in ".*keys": a part of the path is not a directory; linting without the cache\.\n$/);
    expect(existsSync(join(work, CACHE))).toBe(false);
  });

  it('a key directory inside the linted repository is refused: a pull request could plant a key there', async () => {
    mkdirSync(join(work, '.git'));
    write('.elb-lint-keys/cache-key', `${'ab'.repeat(32)}\n`);
    const result = await runCliAnywhere(['--cache', '-f', 'json', 'templates'], { cwd: work, env: { ELB_LINT_CACHE_KEY_DIR: join(work, '.elb-lint-keys') } });
    expect(seen(result)).toEqual(seen(await fresh(['templates'])));
    expect(result.stderr).toContain('lies inside the repository, where a pull request could plant a key');
    expect(existsSync(join(work, CACHE))).toBe(false);
  });

  it('ELB_LINT_CACHE_KEY (a CI secret) is the key when set: the same secret reads the cache, another does not', async () => {
    const run = (secret: string) => runCliAnywhere(['--cache', '--debug', '-f', 'json', 'templates'], { cwd: work, env: { ELB_LINT_CACHE_KEY: secret, ELB_LINT_CACHE_KEY_DIR: keys } });
    expect(counts(await run('first secret')).fromCache).toBe(0);
    expect(counts(await run('first secret')).fromCache).toBe(FOUND);
    expect(counts(await run('another secret')).fromCache).toBe(0);
    expect(existsSync(join(keys, 'cache-key'))).toBe(false);
  });

  it.skipIf(process.platform === 'win32')('a cache file that is a symlink to /dev/zero, or a FIFO, is empty and never read', async () => {
    symlinkSync('/dev/zero', join(work, CACHE));
    const zero = await cached(['templates']);
    expect(seen(zero)).toEqual(seen(await fresh(['templates'])));
    expect(zero.stderr).toContain('cache .elb-lint-cache: cannot read it (it is not a regular file); starting with an empty cache');
    // The link was replaced by the cache file itself, not written through.
    expect(lstatSync(join(work, CACHE)).isFile()).toBe(true);
    rmSync(join(work, CACHE));
    expect(spawnSync('mkfifo', [join(work, CACHE)]).status).toBe(0);
    // Spawned with a timeout: a FIFO opened without O_NONBLOCK waits for a writer forever.
    const fifo = spawnSync(process.execPath, [join(ROOT, 'bin/elb-lint.cjs'), '--cache', '--debug', '-f', 'json', 'templates'], { cwd: work, encoding: 'utf8', timeout: 20_000, env: { ...process.env, ELB_LINT_CACHE_KEY_DIR: keys } });
    expect(fifo.error).toBeUndefined();
    expect(fifo.stdout).toBe((await fresh(['templates'])).stdout);
    expect(fifo.stderr).toContain('cannot read it (it is not a regular file)');
  });
});

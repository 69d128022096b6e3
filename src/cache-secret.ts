// The secret that authenticates `--cache` files (docs/security.md). A cache file lives in the
// linted tree, where a pull request can plant one whose content hashes it computed itself; an
// HMAC under a key the tree cannot read makes such a file worthless. The key lives in the user's
// cache directory, created on first use (directory mode 700, file mode 600).

import { closeSync, constants, existsSync, linkSync, mkdirSync, openSync, rmSync, writeSync } from './node-fs.js';
import { createHash, randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { isWithin, namesInside, realPathOf, type Tree } from './repository.js';
import { readConfigText } from './config/read-config.js';
import { describeError } from './fs-errors.js';

export const KEY_FILE_NAME = 'cache-key';
const KEY_BYTES = 32;

/**
 * Where the key is kept: `ELB_LINT_CACHE_KEY_DIR`, else `$XDG_CACHE_HOME/elb-lint`, else the
 * platform's cache directory (`~/.cache/elb-lint`, `~/Library/Caches/elb-lint`,
 * `%LOCALAPPDATA%\elb-lint`).
 */
export function keyDirectory(env: Readonly<Record<string, string | undefined>>, platform = process.platform): string {
  if (env.ELB_LINT_CACHE_KEY_DIR) return env.ELB_LINT_CACHE_KEY_DIR;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'elb-lint');
  const home = env.HOME || homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'elb-lint');
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'elb-lint');
  return join(home, '.cache', 'elb-lint');
}

export type Secret = { ok: true; key: Buffer } | { ok: false; reason: string };

/**
 * The key for a run: `ELB_LINT_CACHE_KEY` (a CI secret, for runners that cannot keep a directory
 * outside the checkout), else the key file in `keyDirectory(env)`. A key directory inside the
 * linted repository is refused: a pull request could commit a key there along with its cache.
 */
export function secretFor(env: Readonly<Record<string, string | undefined>>, tree: Tree): Secret {
  if (env.ELB_LINT_CACHE_KEY) return { ok: true, key: createHash('sha256').update(env.ELB_LINT_CACHE_KEY).digest() };
  const directory = resolve(keyDirectory(env));
  const real = realPathOf(nearestExisting(directory));
  if (namesInside(tree, directory) || (real !== undefined && isWithin(tree.real, real))) {
    return { ok: false, reason: `the cache key directory "${directory}" lies inside the repository, where a pull request could plant a key; keep it outside (ELB_LINT_CACHE_KEY_DIR, XDG_CACHE_HOME) or use ELB_LINT_CACHE_KEY` };
  }
  return cacheSecret(directory);
}

function nearestExisting(path: string): string {
  for (let current = path; ; current = dirname(current)) {
    if (existsSync(current) || dirname(current) === current) return current;
  }
}

/** The key, created when there is none yet; or why it cannot be had (the cache is then not used). */
export function cacheSecret(directory: string): Secret {
  const file = join(directory, KEY_FILE_NAME);
  const existing = readKey(file);
  if (existing) return { ok: true, key: existing };
  try {
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    // Written under a temporary name, then linked into place: of two runs creating it at once,
    // one wins and the other reads the winner's key.
    const temporary = join(directory, `${KEY_FILE_NAME}.${process.pid}.${Date.now().toString(36)}.tmp`);
    const fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    try {
      writeSync(fd, `${randomBytes(KEY_BYTES).toString('hex')}\n`);
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(temporary, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      rmSync(temporary, { force: true });
    }
  } catch (error) {
    return { ok: false, reason: `cannot create the cache key in "${directory}": ${describeError(error)}` };
  }
  const created = readKey(file);
  return created ? { ok: true, key: created } : { ok: false, reason: `"${file}" is not an elb-lint cache key (64 hexadecimal digits); delete it to have a new one made` };
}

function readKey(file: string): Buffer | undefined {
  const read = readConfigText(file, 1024, 'a cache key');
  const text = read.ok ? read.text.trim() : '';
  return /^[0-9a-f]{64}$/.test(text) ? Buffer.from(text, 'hex') : undefined;
}

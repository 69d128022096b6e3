#!/usr/bin/env node
// The elb-lint executable. The CLI is one CommonJS bundle (dist/cli.cjs), compiled with the V8
// code cache the build made next to it (dist/cli.cjs.code-cache): V8 then neither parses the
// bundle nor compiles the functions a run needs first: a one-file run (a pre-commit hook) is
// 10–15 ms sooner done, about an eighth (bench/README.md). Node 20 caches no ES module, hence
// CommonJS here.
//
// The cache is only ever read, and only from this installation. Its first line holds the CRC-32
// of the bundle and of the cache data: a cache of another build, of an edited bundle, or a
// damaged one is not used (V8 would run stale code for a bundle of the same length, and damaged
// data can crash it). V8 itself refuses a cache of another V8 version or other V8 flags. Without
// a usable cache the bundle is compiled as any script is, with the same results.
'use strict';

const { readFileSync, realpathSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');
const { crc32 } = require('node:zlib');

// From this file's real path: run through a link (node_modules/.bin/elb-lint) with
// --preserve-symlinks-main, __dirname is the link's folder, and ../dist would be in the project.
const DIST = join(dirname(realpathSync(__filename)), '..', 'dist');
const BUNDLE = join(DIST, 'cli.cjs');
const CACHE = `${BUNDLE}.code-cache`;
// The name of the bundle in stack traces, the same on every machine: V8 keeps the name a cache was
// made under, so the real path would name the folder of the machine that built the package.
const SCRIPT_NAME = 'elb-lint/dist/cli.cjs';

/** The first line of a cache: the CRC-32 of the bundle's bytes, then of the cache data. */
function cacheHeader(bundle, data) {
  const sum = crc32(data, crc32(bundle)) >>> 0;
  return Buffer.from(`elb-lint code cache ${sum.toString(16).padStart(8, '0')}\n`);
}

/** The cache data, when the cache was made from these bundle bytes and arrived whole. */
function cacheFor(bundle) {
  // zlib.crc32 came with Node 20.15: without a way to check the cache, it is not used.
  if (typeof crc32 !== 'function') return { status: 'unverifiable' };
  let bytes;
  try {
    bytes = readFileSync(CACHE);
  } catch {
    return { status: 'missing' };
  }
  const lineEnd = bytes.indexOf(0x0a);
  const data = bytes.subarray(lineEnd + 1);
  if (lineEnd < 0 || data.length === 0 || !bytes.subarray(0, lineEnd + 1).equals(cacheHeader(bundle, data))) return { status: 'stale' };
  return { status: 'used', data };
}

/**
 * Compiles and runs the bundle as Node runs a CommonJS module (same wrapper, so the same line
 * numbers). Returns the script and the bundle's bytes, for scripts/code-cache.cjs to make the
 * cache of, and whether the cache was used: 'used', 'rejected' (by V8), 'stale' (not made from
 * this bundle, or damaged), 'missing' or 'unverifiable' (no zlib.crc32).
 */
function run() {
  let bundle;
  try {
    bundle = readFileSync(BUNDLE);
  } catch (error) {
    process.stderr.write(`elb-lint: cannot read ${BUNDLE} (${error.code ?? error.message}): the package is not built; run \`npm run build\` in it, or install it again.\n`);
    process.exit(2);
  }
  const cache = cacheFor(bundle);
  // The bundle is ASCII (scripts/build.mjs makes sure): as latin1 its bytes are its text, without a UTF-8 decode.
  const source = bundle.toString('latin1');
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: SCRIPT_NAME,
    ...(cache.data && { cachedData: cache.data }),
  });
  const status = cache.data && script.cachedDataRejected ? 'rejected' : cache.status;
  const module = { exports: {}, filename: BUNDLE, id: BUNDLE };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, DIST);
  return { script, status, bundle };
}

if (require.main === module) run();
else module.exports = { run, cacheHeader, CACHE };

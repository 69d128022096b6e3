#!/usr/bin/env node
// The elb-lint executable. The CLI is one CommonJS bundle (dist/cli.cjs), compiled with the V8
// code cache the build made next to it (dist/cli.cjs.code-cache): V8 then neither parses the
// bundle nor compiles the functions a run needs first, and a one-file run (a pre-commit hook)
// starts in about two thirds of the time. Node 20 caches no ES module, hence CommonJS here.
//
// The cache is only ever read. It holds the token of the bundle it was made from (the bundle's
// first line); a cache of another build is not used, and V8 itself refuses one of another V8
// version or other V8 flags. Without a usable cache the bundle is compiled as any script is.
'use strict';

const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join } = require('node:path');
const { Script } = require('node:vm');

const BUNDLE = join(__dirname, '..', 'dist', 'cli.cjs');
const CACHE = `${BUNDLE}.code-cache`;

/** The token on the bundle's first line (scripts/build.mjs), or undefined. */
function tokenOf(source) {
  return /^\/\/ elb-lint build ([0-9a-f]{16,})\n/.exec(source)?.[1];
}

/** The line a cache starts with: the token of the bundle it was made from. */
function cacheHeader(token) {
  return Buffer.from(`elb-lint code cache ${token}\n`);
}

/** The cache's bytes after its header line, when that names this bundle's token. */
function cacheFor(token) {
  let bytes;
  try {
    bytes = readFileSync(CACHE);
  } catch {
    return { status: 'missing' };
  }
  const header = cacheHeader(token);
  if (token === undefined || bytes.length <= header.length || !bytes.subarray(0, header.length).equals(header)) return { status: 'stale' };
  return { status: 'used', data: bytes.subarray(header.length) };
}

/**
 * Compiles and runs the bundle as Node runs a CommonJS module (same wrapper, so the same line
 * numbers). Returns the script and its token, for scripts/code-cache.cjs to make the cache of, and
 * whether the cache was used: 'used', 'rejected' (by V8), 'stale' (another build's) or 'missing'.
 */
function run() {
  // The bundle is ASCII (scripts/build.mjs makes sure): read as latin1, 1.5 MB is a copy, not a UTF-8 decode.
  const source = readFileSync(BUNDLE, 'latin1');
  const token = tokenOf(source);
  const cache = cacheFor(token);
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: BUNDLE,
    ...(cache.data && { cachedData: cache.data }),
  });
  const status = cache.data && script.cachedDataRejected ? 'rejected' : cache.status;
  const module = { exports: {}, filename: BUNDLE, id: BUNDLE };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, join(__dirname, '..', 'dist'));
  return { script, status, token };
}

if (require.main === module) run();
else module.exports = { run, cacheHeader, CACHE };

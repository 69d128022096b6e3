// Writing an output file (report, baseline, cache) so that a reader never sees half of it: write a
// temporary file beside it, then rename. Devices and FIFOs are written in place.
//
// In the linted tree (untrusted, docs/security.md) a committed symlink must not redirect the write:
// `elb-lint.sarif -> ~/.bashrc` would otherwise overwrite that file. There a link that leads out
// of the tree (or nowhere) is replaced itself (the rename puts the new file where the link was),
// and a file whose directory leads out of the tree through a symlink is refused. Outside the tree the user's own links are followed
// (`-f sarif=/dev/stdout`).

import { closeSync, constants, lstatSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync } from './node-fs.js';
import type { Stats } from 'node:fs';
import { dirname } from 'node:path';
import { isWithin, namesInside, realPathOf, type Tree } from './repository.js';

/** Contents whole, or in pieces (a large report is never one string). */
export type Contents = string | Iterable<string>;

export function writeAtomically(file: string, contents: Contents, tree?: Tree): void {
  const inTree = tree !== undefined && namesInside(tree, file);
  if (inTree) {
    const directory = nearestDirectory(dirname(file));
    const real = realPathOf(directory);
    if (real === undefined || !isWithin(tree.real, real)) {
      throw Object.assign(new Error(`${file}: its directory leads out of the repository through a symlink; not written`), { code: 'EOUTSIDE' });
    }
    // A link to a file inside the tree is followed (and kept); one that leads out of it, or
    // nowhere (the write would create its target), is replaced by the file itself.
    if (lstatOrUndefined(file)?.isSymbolicLink()) {
      const target = realPathOf(file);
      if (target === undefined || !isWithin(tree.real, target)) {
        replace(file, contents);
        return;
      }
    }
  }
  const existing = statOrUndefined(file);
  if (existing?.isDirectory()) throw Object.assign(new Error(`${file} is a directory`), { code: 'EISDIR' });
  if (existing && !existing.isFile()) {
    // /dev/null, /dev/stdout, a FIFO: write straight to it. A rename would replace the device.
    // Opened without blocking: a FIFO nobody reads is an error (ENXIO), not a run that hangs.
    writeTo(file, constants.O_WRONLY | (constants.O_NONBLOCK ?? 0), contents);
    return;
  }
  // Outside the tree, through a symlink, replace the file it points to and keep the link.
  replace(existing ? realpathSync(file) : file, contents);
}

/** A temporary file beside `target`, renamed over it. */
function replace(target: string, contents: Contents): void {
  mkdirSync(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.${Date.now().toString(36)}.tmp`;
  try {
    writeTo(temporary, 'wx', contents);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** The directory itself, or its nearest ancestor that exists (the write creates the rest). */
function nearestDirectory(directory: string): string {
  for (let current = directory; ; current = dirname(current)) {
    if (lstatOrUndefined(current) !== undefined || dirname(current) === current) return current;
  }
}

function writeTo(file: string, flag: 'wx' | number, contents: Contents): void {
  const fd = openSync(file, flag);
  try {
    for (const piece of inPieces(contents)) writeFully(fd, piece);
  } finally {
    closeSync(fd);
  }
}

function writeFully(fd: number, text: string): void {
  // The string goes to the kernel as it is (no Buffer made for it); only a short or refused write
  // (a full pipe) continues from bytes.
  let written = 0;
  try {
    written = writeSync(fd, text);
    if (written === Buffer.byteLength(text)) return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
  }
  const bytes = Buffer.from(text);
  while (written < bytes.length) {
    try {
      written += writeSync(fd, bytes, written);
    } catch (error) {
      // A pipe opened without blocking is full: wait for the reader a little.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(PAUSE, 0, 0, 10);
    }
  }
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/** Small pieces gathered into writes of about 64 KiB: one system call each, not one per file. */
export function* inPieces(contents: Contents, size = 64 * 1024): Generator<string> {
  if (typeof contents === 'string') {
    yield contents;
    return;
  }
  let pending = '';
  for (const piece of contents) {
    pending += piece;
    if (pending.length >= size) {
      yield pending;
      pending = '';
    }
  }
  if (pending !== '') yield pending;
}

function lstatOrUndefined(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

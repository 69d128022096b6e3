// Writing an output file (report, baseline, cache) so that a reader never sees half of it: write a
// temporary file beside it, then rename. Devices and FIFOs are written in place.

import { closeSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';

/** Contents whole, or in pieces (a large report is never one string). */
export type Contents = string | Iterable<string>;

export function writeAtomically(file: string, contents: Contents): void {
  const existing = statOrUndefined(file);
  if (existing?.isDirectory()) throw Object.assign(new Error(`${file} is a directory`), { code: 'EISDIR' });
  if (existing && !existing.isFile()) {
    // /dev/null, /dev/stdout, a FIFO: write straight to it. A rename would replace the device.
    writeTo(file, 'w', contents);
    return;
  }
  // Through a symlink, replace the file it points to and keep the link.
  const target = existing ? realpathSync(file) : file;
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

function writeTo(file: string, flag: 'w' | 'wx', contents: Contents): void {
  const fd = openSync(file, flag);
  try {
    for (const piece of inPieces(contents)) writeFully(fd, piece);
  } finally {
    closeSync(fd);
  }
}

function writeFully(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
}

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

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

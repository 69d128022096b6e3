// Reads one input without ever blocking on something that is not a file, or loading an
// unbounded amount into memory.

import { closeSync, constants, fstatSync, openSync, readSync } from '../node-fs.js';
import { HEAD_BYTES, MAX_FILE_BYTES } from '../engine/limits.js';
import { describeError } from '../fs-errors.js';
import type { InputFile } from './discover.js';

export type ReadOutcome =
  /** For a file found through a directory, `bytes` is only valid until the next readInput call. */
  | { status: 'read'; bytes: Uint8Array }
  /** `size` is exact for a regular file; for a stream (stdin, a FIFO) reading stopped at the limit. */
  | { status: 'too-large'; size: number; exact: boolean; head: Uint8Array }
  | { status: 'vanished' }
  /** Found through a directory or glob, but not a regular file (a FIFO, socket or device, or a directory now). */
  | { status: 'not-a-file'; reason: string }
  | { status: 'failed'; reason: string };

/**
 * Found through a directory, a file is opened without blocking: if it was swapped for a FIFO
 * after the listing, open() would otherwise wait for a writer forever. O_NONBLOCK changes nothing
 * for a regular file.
 */
const OPEN_FOUND = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export function readInput(file: InputFile, stdin: () => Uint8Array): ReadOutcome {
  if (file.absolute === undefined) {
    try {
      return fromStream(stdin());
    } catch (error) {
      // `elb-lint - <&-`: standard input is closed.
      return { status: 'failed', reason: describeError(error) };
    }
  }
  let fd: number;
  try {
    fd = openSync(file.absolute, file.explicit ? constants.O_RDONLY : OPEN_FOUND);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !file.explicit) return { status: 'vanished' };
    return { status: 'failed', reason: describeError(error) };
  }
  try {
    return file.explicit ? readOpened(fd, true) : readFound(fd);
  } catch (error) {
    return { status: 'failed', reason: describeError(error) };
  } finally {
    closeSync(fd);
  }
}

/** Request bodies are a few kilobytes: a found file that fits in this is read without fstat. */
const SCRATCH_BYTES = 64 * 1024;
let scratch: Buffer | undefined;

/**
 * A file found through a directory, read straight into one reused buffer: no fstat, no Stats
 * object and no allocation per file, which a run over thousands of files notices. The bytes
 * handed on are a view of that buffer, valid until the next readInput call (the caller hashes
 * and decodes them before reading the next file). A file that fills the buffer, reads as empty
 * or cannot be read (a directory or a FIFO swapped in since the listing) is looked at with fstat.
 */
function readFound(fd: number): ReadOutcome {
  const buffer = (scratch ??= Buffer.allocUnsafe(SCRATCH_BYTES));
  let filled = 0;
  try {
    for (let count = -1; count !== 0 && filled < buffer.length; filled += count) {
      count = readSync(fd, buffer, filled, buffer.length - filled, null);
    }
  } catch {
    return readOpened(fd, false);
  }
  if (filled === 0 || filled === buffer.length) return readOpened(fd, false);
  return { status: 'read', bytes: buffer.subarray(0, filled) };
}

/** Decides by fstat what the opened input is, then reads it (from its start, for a regular file). */
function readOpened(fd: number, explicit: boolean): ReadOutcome {
  const stats = fstatSync(fd);
  if (stats.isDirectory()) {
    const reason = describeError(Object.assign(new Error(), { code: 'EISDIR' }));
    return explicit ? { status: 'failed', reason } : { status: 'not-a-file', reason };
  }
  // FIFOs and devices are read only when named on the command line (e.g. `<(…)`); found in a
  // directory they could block forever.
  if (!stats.isFile()) {
    if (!explicit) return { status: 'not-a-file', reason: 'not a regular file (a FIFO, socket or device)' };
    return fromStream(readUpTo(fd, MAX_FILE_BYTES + 1, null));
  }
  if (stats.size > MAX_FILE_BYTES) return { status: 'too-large', size: stats.size, exact: true, head: readUpTo(fd, HEAD_BYTES, 0) };
  // Some files report no size (/proc and the like); read those as a stream, still bounded.
  return stats.size === 0 ? fromStream(readUpTo(fd, MAX_FILE_BYTES + 1, 0)) : { status: 'read', bytes: readExactly(fd, stats.size) };
}

function fromStream(bytes: Uint8Array): ReadOutcome {
  return bytes.length > MAX_FILE_BYTES
    ? { status: 'too-large', size: bytes.length, exact: false, head: bytes.subarray(0, HEAD_BYTES) }
    : { status: 'read', bytes };
}

/**
 * Standard input, read up to one byte over the limit and no further: `cat /dev/zero | elb-lint -`
 * ends with a finding instead of filling the memory.
 */
export function readStandardInput(): Uint8Array {
  return readUpTo(0, MAX_FILE_BYTES + 1, null);
}

/** A regular file from its start (reads that went before, without fstat, do not count). */
function readExactly(fd: number, size: number): Uint8Array {
  const buffer = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const count = readSync(fd, buffer, filled, size - filled, filled);
    if (count === 0) break;
    filled += count;
  }
  return buffer.subarray(0, filled);
}

/** Reads until the end or the limit; from `position` on (a file), or where the stream is (null). */
function readUpTo(fd: number, limit: number, position: number | null): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, limit - total));
    if (chunk.length === 0) break;
    const count = readRetrying(fd, chunk, position === null ? null : position + total);
    if (count === 0) break;
    chunks.push(count === chunk.length ? chunk : chunk.subarray(0, count));
    total += count;
  }
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total);
}

/** A pipe or terminal may be in non-blocking mode (EAGAIN): wait a little and read again. */
function readRetrying(fd: number, buffer: Buffer, position: number | null): number {
  for (;;) {
    try {
      return readSync(fd, buffer, 0, buffer.length, position);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EOF') return 0;
      if (code !== 'EAGAIN') throw error;
      Atomics.wait(PAUSE, 0, 0, 10);
    }
  }
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

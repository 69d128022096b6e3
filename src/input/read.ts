// Reads one input without ever blocking on something that is not a file, or loading an
// unbounded amount into memory.

import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { describeError, type InputFile } from './discover.js';

/** Request bodies are a few kilobytes; anything over this limit is reported, not read. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type ReadOutcome =
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
    const stats = fstatSync(fd);
    if (stats.isDirectory()) {
      const reason = describeError(Object.assign(new Error(), { code: 'EISDIR' }));
      return file.explicit ? { status: 'failed', reason } : { status: 'not-a-file', reason };
    }
    // FIFOs and devices are read only when named on the command line (e.g. `<(…)`); found in a
    // directory they could block forever.
    if (!stats.isFile()) {
      if (!file.explicit) return { status: 'not-a-file', reason: 'not a regular file (a FIFO, socket or device)' };
      return fromStream(readUpTo(fd, MAX_FILE_BYTES + 1));
    }
    if (stats.size > MAX_FILE_BYTES) return { status: 'too-large', size: stats.size, exact: true, head: readUpTo(fd, 4096) };
    // Some files report no size (/proc and the like); read those as a stream, still bounded.
    return stats.size === 0 ? fromStream(readUpTo(fd, MAX_FILE_BYTES + 1)) : { status: 'read', bytes: readExactly(fd, stats.size) };
  } catch (error) {
    return { status: 'failed', reason: describeError(error) };
  } finally {
    closeSync(fd);
  }
}

function fromStream(bytes: Uint8Array): ReadOutcome {
  return bytes.length > MAX_FILE_BYTES
    ? { status: 'too-large', size: bytes.length, exact: false, head: bytes.subarray(0, 4096) }
    : { status: 'read', bytes };
}

/**
 * Standard input, read up to one byte over the limit and no further: `cat /dev/zero | elb-lint -`
 * ends with a finding instead of filling the memory.
 */
export function readStandardInput(): Uint8Array {
  return readUpTo(0, MAX_FILE_BYTES + 1);
}

function readExactly(fd: number, size: number): Uint8Array {
  const buffer = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const count = readSync(fd, buffer, filled, size - filled, null);
    if (count === 0) break;
    filled += count;
  }
  return buffer.subarray(0, filled);
}

function readUpTo(fd: number, limit: number): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, limit - total));
    if (chunk.length === 0) break;
    const count = readRetrying(fd, chunk);
    if (count === 0) break;
    chunks.push(count === chunk.length ? chunk : chunk.subarray(0, count));
    total += count;
  }
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total);
}

/** A pipe or terminal may be in non-blocking mode (EAGAIN): wait a little and read again. */
function readRetrying(fd: number, buffer: Buffer): number {
  for (;;) {
    try {
      return readSync(fd, buffer, 0, buffer.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EOF') return 0;
      if (code !== 'EAGAIN') throw error;
      Atomics.wait(PAUSE, 0, 0, 10);
    }
  }
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

export function formatBytes(size: number): string {
  return size >= 1024 * 1024 ? `${(size / (1024 * 1024)).toFixed(1)} MiB` : `${Math.ceil(size / 1024)} KiB`;
}

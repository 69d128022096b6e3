// Reads a configuration file's text (rules.yaml, a flavor catalog, a baseline, the cache) with a
// size limit: a rules.yaml is a few kilobytes, so a huge one is refused before the YAML parser
// sees it. Only a regular file is read: it is opened without blocking (a FIFO would otherwise
// wait for a writer forever) and looked at with fstat before a byte is read, so neither a FIFO
// nor /dev/zero blocks or fills the memory. A UTF-8 byte order mark is dropped.

import { closeSync, constants, fstatSync, openSync, readSync } from '../node-fs.js';
import { describeError } from '../fs-errors.js';
import { formatBytes, MAX_CONFIG_BYTES } from '../engine/limits.js';

export type ConfigText = { ok: true; text: string } | { ok: false; reason: string };

export function readConfigText(file: string, limit = MAX_CONFIG_BYTES, what = 'a configuration file'): ConfigText {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { ok: false, reason: describeError(error) };
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) return { ok: false, reason: 'it is a directory' };
    if (!stats.isFile()) return { ok: false, reason: 'it is not a regular file' };
    if (stats.size > limit) {
      return { ok: false, reason: `it is ${formatBytes(stats.size)}, more than the ${formatBytes(limit)} elb-lint reads for ${what}` };
    }
    const buffer = Buffer.alloc(stats.size);
    let filled = 0;
    while (filled < stats.size) {
      const count = readSync(fd, buffer, filled, stats.size - filled, null);
      if (count === 0) break;
      filled += count;
    }
    const bytes = buffer.subarray(0, filled);
    const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    try {
      return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start)) };
    } catch {
      return { ok: false, reason: 'it is not UTF-8 text' };
    }
  } catch (error) {
    return { ok: false, reason: describeError(error) };
  } finally {
    closeSync(fd);
  }
}

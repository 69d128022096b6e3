// Reads a configuration file's text with a size limit: a rules.yaml is a few kilobytes, so a
// huge one is refused before the YAML parser sees it.

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { describeError } from '../input/discover.js';
import { formatBytes } from '../input/read.js';

export const MAX_CONFIG_BYTES = 1024 * 1024;

export type ConfigText = { ok: true; text: string } | { ok: false; reason: string };

export function readConfigText(file: string): ConfigText {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    return { ok: false, reason: describeError(error) };
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) return { ok: false, reason: 'it is a directory' };
    if (!stats.isFile()) return { ok: false, reason: 'it is not a regular file' };
    if (stats.size > MAX_CONFIG_BYTES) {
      return { ok: false, reason: `it is ${formatBytes(stats.size)}, more than the ${formatBytes(MAX_CONFIG_BYTES)} elb-lint reads for a configuration file` };
    }
    const buffer = Buffer.alloc(stats.size);
    let filled = 0;
    while (filled < stats.size) {
      const count = readSync(fd, buffer, filled, stats.size - filled, null);
      if (count === 0) break;
      filled += count;
    }
    try {
      return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, filled)) };
    } catch {
      return { ok: false, reason: 'it is not UTF-8 text' };
    }
  } catch (error) {
    return { ok: false, reason: describeError(error) };
  } finally {
    closeSync(fd);
  }
}

// Writing an output file (report, baseline, cache) so that a reader never sees half of it: write a
// temporary file beside it, then rename. Devices and FIFOs are written in place.

import { mkdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';

export function writeAtomically(file: string, contents: string): void {
  const existing = statOrUndefined(file);
  if (existing?.isDirectory()) throw Object.assign(new Error(`${file} is a directory`), { code: 'EISDIR' });
  if (existing && !existing.isFile()) {
    // /dev/null, /dev/stdout, a FIFO: write straight to it. A rename would replace the device.
    writeFileSync(file, contents);
    return;
  }
  // Through a symlink, replace the file it points to and keep the link.
  const target = existing ? realpathSync(file) : file;
  mkdirSync(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.${Date.now().toString(36)}.tmp`;
  try {
    writeFileSync(temporary, contents, { flag: 'wx' });
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

// A progress line on stderr while many files are linted: only on a terminal, never when a
// machine-readable report goes to stdout (someone is reading that stream, perhaps on the same
// terminal) or with --debug (its lines would be torn). Redrawn at most every 100 ms, and cleared
// before anything else is printed, so the report never shares a line with it.

/** Fewer files than this finish too fast for a progress line to help. */
export const PROGRESS_MIN_FILES = 20;
const REDRAW_MS = 100;
const CLEAR_LINE = '\r\u001b[K';

export interface Progress {
  update(done: number, total: number): void;
  /** Erases the line if one was drawn. */
  clear(): void;
}

/**
 * `enabled` is asked once, at the first update of a run long enough for a line: a short run never
 * asks whether stderr is a terminal (which would set up the stream).
 */
export function createProgress(stream: { write(text: string): void }, options: { enabled: boolean | (() => boolean); now?: () => number }): Progress {
  if (options.enabled === false) return { update: () => {}, clear: () => {} };
  const now = options.now ?? (() => performance.now());
  let enabled: boolean | undefined = options.enabled === true ? true : undefined;
  let drawn = false;
  let last = -Infinity;
  return {
    update(done, total) {
      if (total < PROGRESS_MIN_FILES || done >= total) return;
      if (!(enabled ??= (options.enabled as () => boolean)())) return;
      const time = now();
      if (drawn && time - last < REDRAW_MS) return;
      last = time;
      drawn = true;
      stream.write(`${CLEAR_LINE}elb-lint: linted ${done} of ${total} files (${Math.floor((done / total) * 100)}%)`);
    },
    clear() {
      if (drawn) stream.write(CLEAR_LINE);
      drawn = false;
    },
  };
}

/** On a terminal, unless --debug is on or a format other than human writes to stdout. */
export function wantsProgress(options: { debug: boolean; stdoutFormat: string | undefined }, stderr: { isTTY: boolean }): boolean {
  return stderr.isTTY && !options.debug && (options.stdoutFormat === undefined || options.stdoutFormat === 'human');
}

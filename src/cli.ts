// The elb-lint executable: wires the process to main().

import { writeSync } from './node-fs.js';
import { main } from './cli/main.js';
import { describeError } from './fs-errors.js';
import { readStandardInput } from './input/read.js';
import { requireBuiltin } from './require-builtin.js';

// Two V8 settings for long runs (bench/README.md). Set as soon as the command line says a run may
// be long (a directory, a glob, many paths), before the heap has grown: a short run (the files a
// pre-commit hook names) does not load node:v8 (2 ms) for nothing.
// - Linting thousands of bodies allocates fast, and V8 answers by growing the young generation up
//   to 16 MiB a semi-space, which stays resident: a 10,000-file run then needed 89 MiB instead of
//   72, for no gain in speed. Keep the young generation at its starting size.
// - A run is over in about a second, so most of it is spent before the optimising compiler has
//   caught up with the ~35 rules. Without inlining it compiles each function sooner and cheaper:
//   10,000 files 0.85 → 0.75 s, although fully warmed code is ~5 % slower.
const MANY_PATHS = 20;

function tuneForLongRuns(paths: readonly string[]): void {
  const oneFileEach = paths.length > 0 && paths.length < MANY_PATHS && paths.every((path) => path === '-' || /\.(json|http|rest)$/i.test(path));
  if (oneFileEach) return;
  const { setFlagsFromString } = requireBuiltin<typeof import('node:v8')>('node:v8');
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--no-turbo-inlining');
}

// process.stdout and process.stderr are made on first use (a pipe or a file stream costs 2–3 ms
// to set up), so a run that writes its report to a file and says nothing never makes them.
function standardStream(name: 'stdout' | 'stderr'): () => NodeJS.WriteStream {
  let stream: NodeJS.WriteStream | undefined;
  return () => {
    if (stream === undefined) {
      stream = process[name];
      stream.on('error', onStreamError(stream));
    }
    return stream;
  };
}

function onStreamError(stream: NodeJS.WriteStream) {
  return (error: NodeJS.ErrnoException) => {
    // Piped into `head`, the reader may go away early: stop quietly, no stack trace.
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    // Anything else (`> /dev/full`, a closed descriptor): the report is lost, so say so and fail.
    if (stream === process.stdout) {
      try {
        writeSync(2, `elb-lint: cannot write the report to standard output: ${describeError(error)}.\n`);
      } catch {
        // stderr is gone too; the exit code still tells.
      }
    }
    process.exit(2);
  };
}

const stdout = standardStream('stdout');
const stderr = standardStream('stderr');

let cwd: string;
try {
  cwd = process.cwd();
} catch (error) {
  // Run from a directory that was deleted meanwhile.
  stderr().write(`elb-lint: cannot use the working directory: ${describeError(error)}.\n`);
  process.exit(2);
}

// No top-level await: the executable is a CommonJS bundle (bin/elb-lint.cjs says why).
void main(process.argv.slice(2), {
  cwd,
  env: process.env,
  stdout: { write: (text) => void stdout().write(text), get isTTY() { return stdout().isTTY === true; } },
  stderr: { write: (text) => void stderr().write(text), get isTTY() { return stderr().isTTY === true; } },
  // Bounded: `cat /dev/zero | elb-lint -` gets a finding, not an out-of-memory crash.
  readStdin: readStandardInput,
  beforeLinting: tuneForLongRuns,
}).then((exitCode) => {
  process.exitCode = exitCode;
});

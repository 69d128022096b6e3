// The elb-lint executable: wires the process to main().

import { writeSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { main } from './cli/main.js';
import { describeError } from './fs-errors.js';
import { readStandardInput } from './input/read.js';

// Two V8 settings for long runs (bench/README.md), free for short ones:
// - Linting thousands of bodies allocates fast, and V8 answers by growing the young generation up
//   to 16 MiB a semi-space, which stays resident: a 10,000-file run then needed 89 MiB instead of
//   72, for no gain in speed. Keep the young generation at its starting size.
// - A run is over in about a second, so most of it is spent before the optimising compiler has
//   caught up with the ~35 rules. Without inlining it compiles each function sooner and cheaper:
//   10,000 files 0.85 → 0.75 s, although fully warmed code is ~5 % slower.
setFlagsFromString('--semi-space-growth-factor=1');
setFlagsFromString('--no-turbo-inlining');

for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
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
  });
}

let cwd: string;
try {
  cwd = process.cwd();
} catch (error) {
  // Run from a directory that was deleted meanwhile.
  process.stderr.write(`elb-lint: cannot use the working directory: ${describeError(error)}.\n`);
  process.exit(2);
}

const exitCode = await main(process.argv.slice(2), {
  cwd,
  env: process.env,
  stdout: { write: (text) => void process.stdout.write(text), isTTY: process.stdout.isTTY === true },
  stderr: { write: (text) => void process.stderr.write(text), isTTY: process.stderr.isTTY === true },
  // Bounded: `cat /dev/zero | elb-lint -` gets a finding, not an out-of-memory crash.
  readStdin: readStandardInput,
});
process.exitCode = exitCode;

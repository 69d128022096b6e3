// The elb-lint-language-server executable: `--stdio` speaks LSP over standard input and output.
// Standard output carries nothing but the protocol, so console output goes to stderr, and an
// error nobody caught is logged, never fatal.

import { format } from 'node:util';
import { createConnection } from 'vscode-languageserver/node';
import { VERSION } from '../version.js';
import { FrameGuard } from './frame-guard.js';
import { startServer } from './server.js';

const USAGE = `Usage: elb-lint-language-server --stdio

The elb-lint language server: diagnostics, quick fixes and hovers for Huawei Cloud ELB v3 request
bodies (JSON, .http and .rest files) in any editor that speaks the Language Server Protocol.

Options:
  --stdio     speak LSP over standard input and output (the only transport)
  --version   print the version and exit
  --help      print this help and exit
`;

for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir'] as const) {
  console[method] = (...args: unknown[]) => void process.stderr.write(`${format(...args)}\n`);
}

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(USAGE);
} else if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${VERSION}\n`);
} else {
  // vscode-languageclient adds --clientProcessId=PID (the server exits when that process dies).
  const unknown = args.filter((arg) => arg !== '--stdio' && !arg.startsWith('--clientProcessId'));
  if (!args.includes('--stdio') || unknown.length > 0) {
    process.stderr.write(`elb-lint-language-server: ${unknown.length > 0 ? `unknown option ${unknown[0]}` : 'say --stdio to start it'}.\n\n${USAGE}`);
    process.exitCode = 2;
  } else {
    process.on('uncaughtException', (error) => process.stderr.write(`elb-lint-language-server: ${error.stack ?? error.message}\n`));
    process.on('unhandledRejection', (reason) => process.stderr.write(`elb-lint-language-server: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}\n`));
    process.stdout.on('error', () => process.exit(1));
    const input = process.stdin.pipe(new FrameGuard((reason) => process.stderr.write(`elb-lint-language-server: dropped ${reason}\n`)));
    // Given streams, the library also ends the process when its input closes (the client died).
    startServer(createConnection(input, process.stdout));
  }
}

// A command line the CLI cannot run: main() prints the message with a hint to --help and exits 2.
// A leaf module, so the option parsers can throw it without importing main.ts back.

export class UsageError extends Error {}

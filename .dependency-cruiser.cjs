// The one-way flow of src/ (input → engine → rules → results → front ends), checked by
// test/engine/structure.test.ts in `npm test`; `npm run depcruise` shows the same report.
// Type-only imports count: a cycle through types still ties two modules together.

/** The engine core and the policies it runs: they must run anywhere (a browser page, an editor), so no fs, no process, no CLI. */
const CORE = '^src/(engine|json|schema|rules|text|policies)/|^src/model[.]ts$';

/** What reads files, the environment or the command line: the core never imports these. */
const HOST = [
  '^src/cli/',
  '^src/cli[.]ts$',
  '^src/lsp/',
  '^src/config/(load|find|file-config|read-config|flavors-file)[.]ts$',
  '^src/input/(read|discover|walk)[.]ts$',
  '^src/(cache|cache-secret|baseline|repository|write-file|node-fs|require-builtin|uptime)[.]ts$',
];

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules import each other in a circle: move the shared piece into a leaf module.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-no-node-builtins',
      severity: 'error',
      comment: 'The engine core runs without Node: files, streams and the environment stay in the input and CLI layers.',
      from: { path: CORE },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-no-host',
      severity: 'error',
      comment: 'The engine core never imports the CLI, the language server, config loading or input reading (not even through another module).',
      from: { path: CORE },
      to: { path: HOST, reachable: true },
    },
    {
      name: 'library-no-cli',
      severity: 'error',
      comment: 'The library (src/index.ts) and the reporters are shared by every front end; they never import one.',
      from: { path: '^src/(index[.]ts|reporters/)' },
      to: { path: '^src/(cli|lsp)(/|[.]ts$)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/types/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};

// Build the playground (playground/index.html + playground/assets/): the lint worker bundled for
// the browser as a classic script and inlined into the page's bundle (started from a Blob URL, so
// the page works from file:// too), CodeMirror, and the shipped examples, embedded at build time.
// The core is bundled for platform "browser": an import chain that reaches a node builtin fails
// the build here.

import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pageDir = join(root, 'playground');
const assetsDir = join(pageDir, 'assets');

/** Bodies under examples/ (the seeds, templates and mistakes), with paths relative to examples/. */
function exampleBodies(directory) {
  return readdirSync(directory).sort().flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return exampleBodies(path);
    return name.endsWith('.json') && name !== 'flavors.json' ? [path] : [];
  });
}

function examples() {
  const examplesDir = join(root, 'examples');
  const bodies = exampleBodies(examplesDir).map((file) => ({ path: relative(examplesDir, file).split('\\').join('/'), text: readFileSync(file, 'utf8') }));
  // The example rules.yaml names its flavor catalog by path; the page has a panel for it instead.
  const config = readFileSync(join(examplesDir, 'rules.yaml'), 'utf8')
    .replace(/^flavors: (.*)$/m, '# flavors: $1   (in the playground, the flavor catalog panel holds it)');
  const flavors = readFileSync(join(examplesDir, 'flavors.json'), 'utf8');
  return { bodies, config, flavors };
}

/** `import x from 'playground:name'` → the module esbuild gets from `modules[name]`. */
function virtualModules(modules) {
  return {
    name: 'playground-virtual',
    setup(builder) {
      builder.onResolve({ filter: /^playground:/ }, (args) => ({ path: args.path.slice('playground:'.length), namespace: 'playground' }));
      builder.onLoad({ filter: /.*/, namespace: 'playground' }, (args) => ({ contents: `export default ${JSON.stringify(modules[args.path]())};`, loader: 'js' }));
    },
  };
}

const common = { bundle: true, platform: 'browser', target: ['chrome111', 'firefox113', 'safari16.4'], minify: true, legalComments: 'none', write: false, logLevel: 'error' };

const worker = await build({ ...common, entryPoints: [join(pageDir, 'src/worker.ts')], format: 'iife', outfile: join(assetsDir, 'worker.js') });
const page = await build({
  ...common,
  entryPoints: [join(pageDir, 'src/main.ts')],
  format: 'iife',
  outfile: join(assetsDir, 'playground.js'),
  plugins: [virtualModules({ 'worker-source': () => worker.outputFiles[0].text, examples })],
});

mkdirSync(assetsDir, { recursive: true });
for (const output of page.outputFiles) {
  const temporary = `${output.path}.${process.pid}.tmp`;
  writeFileSync(temporary, output.text);
  renameSync(temporary, output.path);
}
console.log(`playground: ${relative(root, join(pageDir, 'index.html'))} and ${page.outputFiles.map((output) => relative(root, output.path)).join(', ')} (${Math.round(page.outputFiles[0].contents.length / 1024)} KiB)`);

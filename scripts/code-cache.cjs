// Makes dist/cli.cjs.code-cache (scripts/build.mjs runs this after bundling the CLI): runs the CLI
// through bin/elb-lint.cjs, as a user does, over clean bodies and bodies with findings and fixes,
// then asks V8 for the cache of the bundle with every function that run compiled. A run over a few
// named files sets no V8 flag (src/cli.ts, tuneForLongRuns), so the cache is one V8 takes in a
// process started with the default flags.
'use strict';

const { copyFileSync, mkdtempSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'elb-lint-code-cache-'));
// Both kinds, each clean and with findings (and fixes): the rules of both kinds get compiled.
const bodies = ['seed-lb-public-ipv4.json', 'seed-master-slave-pool.json', 'mistakes/prepaid-elastic-lb.json', 'mistakes/tls-pool-any-port.json'];
for (const [index, body] of bodies.entries()) copyFileSync(join(root, 'examples', body), join(work, `${index}.json`));

const loader = require('../bin/elb-lint.cjs');
process.chdir(work);
process.argv = [process.argv[0], join(root, 'bin/elb-lint.cjs'), '--format', 'human', '--format', `json=${join(work, 'report.json')}`, ...bodies.map((_, index) => `${index}.json`)];

const { script, status, bundle } = loader.run();
process.on('exit', () => {
  rmSync(work, { recursive: true, force: true });
  if (process.exitCode !== 1) {
    // Exit code 1 is the body with findings; anything else means the run did not get far.
    process.stderr.write(`code-cache.cjs: the training run ended with exit code ${process.exitCode} (cache ${status})\n`);
    process.exitCode = 2;
    return;
  }
  const data = script.createCachedData();
  const temporary = `${loader.CACHE}.${process.pid}.tmp`;
  writeFileSync(temporary, Buffer.concat([loader.cacheHeader(bundle, data), data]));
  renameSync(temporary, loader.CACHE);
  process.exitCode = 0;
});

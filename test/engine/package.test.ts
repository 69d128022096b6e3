// The library as its users get it: `npm pack`, install the tarball into a scratch project, import
// it there (ESM), and type-check a program against the shipped declarations.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('the packed package', () => {
  let scratch = '';
  let project = '';

  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'elb-lint-pack-'));
    execFileSync(npm, ['pack', '--silent', '--pack-destination', scratch], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const tarball = readdirSync(scratch).find((name) => name.endsWith('.tgz'));
    if (!tarball) throw new Error('npm pack wrote no tarball');
    project = join(scratch, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'uses-elb-lint', private: true, type: 'module' }));
    execFileSync(npm, ['install', '--offline', '--no-audit', '--no-fund', '--silent', join(scratch, tarball)], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] });
  }, 180_000);

  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('imports as ESM and lints a text the way api.md shows', () => {
    writeFileSync(join(project, 'use.mjs'), `
      import { lintText, loadConfig, applyFixes, rules, schemas } from 'elb-lint';
      const config = await loadConfig({ cwd: process.cwd() });
      const result = lintText('{"pool": {"protocol": "TCP"}}', { filePath: 'templates/pool.json', config });
      const { output } = applyFixes('{}', result.findings);
      console.log(JSON.stringify({ path: result.path, kind: result.kind, rules: result.findings.map((f) => f.ruleId), output, ruleCount: rules.length, kinds: Object.keys(schemas) }));
    `);
    const printed = JSON.parse(execFileSync(process.execPath, ['use.mjs'], { cwd: project, encoding: 'utf8' })) as Record<string, unknown>;
    expect(printed).toMatchObject({ path: 'templates/pool.json', kind: 'create-master-slave-pool', output: '{}', kinds: ['create-loadbalancer', 'create-master-slave-pool'] });
    expect(printed.rules).toContain('schema/required');
    expect(printed.ruleCount).toBeGreaterThan(0);
  });

  it("runs the README's \"Use it from code\" example as written", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const example = /## Use it from code[\s\S]*?```js\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example, 'a ```js block in "Use it from code"').toBeDefined();
    mkdirSync(join(project, 'templates'), { recursive: true });
    writeFileSync(join(project, 'templates/lb.json'), '{"loadbalancer": {"name": "web", "vpc_id": "not-a-uuid"}}');
    writeFileSync(join(project, 'check-templates.mjs'), example as string);
    const printed = execFileSync(process.execPath, ['check-templates.mjs'], { cwd: project, encoding: 'utf8' });
    expect(printed).toMatch(/^templates\/pool\.json:1:\d+ error .+ \(schema\/items\)$/m);
    expect(printed).toMatch(/^\d+ fixed, \d+ left/m);
    expect(printed).toMatch(/^[1-9]\d* errors in 1 files \[\]$/m);
    expect(printed).toMatch(/^\d+ rules, \d+ with safe fixes$/m);
  });

  it('ships type declarations a TypeScript program compiles against', () => {
    writeFileSync(join(project, 'use.ts'), `
      import { lintText, type Finding, type FileResult } from 'elb-lint';
      const result: FileResult = lintText('{}', { filePath: 'a.json', kind: 'create-loadbalancer' });
      const first: Finding | undefined = result.findings[0];
      const line: number = first?.line ?? 0;
      // @ts-expect-error kind is one of the two request kinds
      lintText('{}', { kind: 'create-listener' });
      export { line };
    `);
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: ['use.ts'] }));
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    expect(() => execFileSync(process.execPath, [tsc, '-p', project], { cwd: project, encoding: 'utf8', stdio: 'pipe' })).not.toThrow();
  });

  it('has no side effects on import and no runtime dependencies', () => {
    const printed = execFileSync(process.execPath, ['--input-type=module', '-e', "await import('elb-lint'); process.stdout.write('imported')"], { cwd: project, encoding: 'utf8' });
    expect(printed).toBe('imported');
    expect(readdirSync(join(project, 'node_modules')).filter((name) => !name.startsWith('.'))).toEqual(['elb-lint']);
  });
});

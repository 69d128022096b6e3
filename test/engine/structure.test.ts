// The one-way flow of src/ (style.md "Shape of the code"): dependency-cruiser checks the import
// graph with the rules in .dependency-cruiser.cjs, and a scan checks what an import graph
// cannot see, the Node globals (`process`, `Buffer`, `require`) used without an import.

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
  cycle?: { name: string }[];
}

interface CruiseResult {
  modules: { source: string; coreModule?: boolean; couldNotResolve?: boolean; dependencies: { module: string }[] }[];
  summary: { violations: Violation[]; ruleSetUsed: { forbidden: { name: string; from: { path?: string }; to: { path?: string | string[] } }[] } };
}

function cruise(): CruiseResult {
  const bin = join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
  // Exit code 0 or not, the JSON report says what was found; execFileSync throws on a crash.
  let output: string;
  try {
    output = execFileSync(process.execPath, [bin, 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    if (!failed.stdout) throw new Error(`dependency-cruiser did not run: ${failed.stderr ?? String(error)}`);
    output = failed.stdout;
  }
  return JSON.parse(output) as CruiseResult;
}

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

const config = require(join(root, '.dependency-cruiser.cjs')) as CruiseResult['summary']['ruleSetUsed'];
const rule = (name: string) => {
  const found = config.forbidden.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`.dependency-cruiser.cjs has no rule "${name}"`);
  return found;
};
const CORE = new RegExp(rule('core-no-node-builtins').from.path ?? '');
const sourceFiles = filesUnder('src').filter((file) => /\.(ts|js)$/.test(file) && !file.endsWith('.d.ts'));
const coreFiles = sourceFiles.filter((file) => CORE.test(file));

describe('the import graph of src/', () => {
  const result = cruise();

  it('has no cycles, and the core imports no Node builtin, CLI, language server, config loading or input reading', () => {
    const described = result.summary.violations.map((violation) =>
      `${violation.rule.name}: ${violation.from} → ${violation.cycle ? violation.cycle.map((step) => step.name).join(' → ') : violation.to}`);
    expect(described).toEqual([]);
  });

  it('was cruised whole: every source file is in the graph and every import resolved', () => {
    const cruised = new Set(result.modules.map((module) => module.source));
    expect(sourceFiles.filter((file) => !cruised.has(file))).toEqual([]);
    expect(result.modules.filter((module) => module.couldNotResolve).map((module) => module.source)).toEqual([]);
  });

  it('names only modules that exist (a renamed module would silently leave the rule)', () => {
    const host = rule('core-no-host').to.path;
    // Folders (src/cli/, src/lsp/) stand for whatever they will hold; named modules must exist.
    const named = (Array.isArray(host) ? host : [host ?? '']).flatMap((pattern) => {
      const match = /^\^(.*?)(?:\((.*)\))?\[\.\]ts\$$/.exec(pattern);
      if (!match) return [];
      return (match[2]?.split('|') ?? ['']).map((name) => `${match[1]}${name}.ts`);
    });
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((file) => !sourceFiles.includes(file))).toEqual([]);
  });

  it('counts every module that touches the file system as one the core must not reach', () => {
    const patterns = ([] as string[]).concat(rule('core-no-host').to.path ?? []).map((pattern) => new RegExp(pattern));
    const readers = result.modules
      .filter((module) => module.source.startsWith('src/') && module.dependencies.some((dependency) => /^(node:)?fs(\/promises)?$/.test(dependency.module)))
      .map((module) => module.source);
    expect(readers.length).toBeGreaterThan(0);
    expect(readers.filter((file) => !patterns.some((pattern) => pattern.test(file)))).toEqual([]);
    expect(coreFiles.length).toBeGreaterThan(0);
    for (const area of ['src/engine/', 'src/json/', 'src/schema/', 'src/rules/', 'src/text/', 'src/model.ts']) {
      expect(coreFiles.some((file) => file.startsWith(area)), area).toBe(true);
    }
  });
});

describe('the engine core', () => {
  // Globals need no import, so the graph cannot see them; the core gets its inputs as arguments.
  const NODE_GLOBALS = /(?<![\w$.])(process|Buffer|require|__dirname|__filename|setImmediate)\s*[.[(]|globalThis\s*(\.|\[\s*['"])\s*process|import\.meta/;

  it.each(coreFiles)('%s uses no Node global', (file) => {
    const lines = readFileSync(join(root, file), 'utf8').split('\n');
    const uses = lines.flatMap((line, index) => (NODE_GLOBALS.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : []));
    expect(uses).toEqual([]);
  });

  it('the scan catches the forms it looks for', () => {
    for (const line of ['const cwd = process.cwd();', "process['env']", 'Buffer.from(text)', "require('fs')", 'globalThis.process.env', "globalThis['process']", 'import.meta.url']) {
      expect(NODE_GLOBALS.test(line), line).toBe(true);
    }
    for (const line of ['// no file system, process or CLI', 'const processed = 1;', 'this.process(x)', 'preprocess(text)']) {
      expect(NODE_GLOBALS.test(line), line).toBe(false);
    }
  });

  it('scans the generated validators too (plain JavaScript, the largest core file)', () => {
    expect(coreFiles).toContain('src/schema/generated/validators.js');
  });
});

describe('the rules', () => {
  const ruleFiles = sourceFiles.filter((file) => file.startsWith('src/rules/') && file !== 'src/rules/pointers.ts');
  const declared = [...readFileSync(join(root, 'src/rules/pointers.ts'), 'utf8').matchAll(/^export const (\w+) = pointer\('([^']*)'\);$/gm)];

  it('declare their pointers once, in src/rules/pointers.ts', () => {
    const elsewhere = ruleFiles.flatMap((file) => readFileSync(join(root, file), 'utf8').split('\n')
      .flatMap((line, index) => (/(?<![\w.])pointer\(/.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [])));
    expect(elsewhere).toEqual([]);
    expect(declared.length).toBeGreaterThan(0);
    const texts = declared.map((match) => match[2]);
    expect(texts.filter((text, index) => texts.indexOf(text) !== index)).toEqual([]);
  });

  it('use every pointer src/rules/pointers.ts declares', () => {
    const sources = ruleFiles.map((file) => readFileSync(join(root, file), 'utf8')).join('\n');
    expect(declared.map((match) => match[1] as string).filter((name) => !new RegExp(`\\b${name}\\b`).test(sources))).toEqual([]);
  });
});

// configFromText (the playground's rules.yaml and flavor-catalog panels): the same findings as the
// CLI's configuration loaded from files, the same problems for a bad text, and a clear problem for
// what needs other files (extends, a flavors path).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, lintText, loadConfig } from '../../src/index.js';
import { configFromText, type TextConfig } from '../../src/config/from-text.js';
import { parseFlavorCatalog } from '../../src/config/flavors.js';
import { useWorkspace } from '../support/helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const EXAMPLES = join(ROOT, 'examples');

function bodies(directory: string): string[] {
  return readdirSync(directory).sort().flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return bodies(path);
    return name.endsWith('.json') && name !== 'flavors.json' ? [path] : [];
  });
}

function problemsOf(result: TextConfig) {
  if (result.ok) throw new Error('expected problems');
  return result.problems.map(({ line, column, message }) => ({ line, column, message }));
}

describe('configFromText', () => {
  const workspace = useWorkspace('elb-lint-from-text-');

  it('lints every example as the CLI does with examples/rules.yaml and its flavor catalog', async () => {
    const yaml = readFileSync(join(EXAMPLES, 'rules.yaml'), 'utf8');
    const fromFiles = await loadConfig({ cwd: EXAMPLES, configFile: 'rules.yaml' });
    const catalog = parseFlavorCatalog(readFileSync(join(EXAMPLES, 'flavors.json'), 'utf8'), 'flavors.json', 'flavors.json');
    expect(catalog.ok).toBe(true);
    const fromText = await configFromText(yaml.replace(/^flavors: .*$/m, ''), { flavors: catalog.ok ? catalog.catalog : undefined });
    if (!fromText.ok) throw new Error(JSON.stringify(fromText.problems));
    expect(fromText.rules.map((rule) => rule.id)).toContain('policy/deletion-protection');
    let findings = 0;
    for (const file of bodies(EXAMPLES)) {
      const path = relative(EXAMPLES, file).split('\\').join('/');
      const text = readFileSync(file, 'utf8');
      const expected = lintText(text, { filePath: path, config: fromFiles });
      expect(lintText(text, { filePath: path, config: fromText.config }), path).toEqual(expected);
      findings += expected.findings.length;
    }
    expect(findings).toBeGreaterThan(0);
  });

  it('reports a bad text with the problems, lines and columns the CLI reports for the file', async () => {
    const texts = [
      'rules:\n  lb/single-az: loud\n',
      'rules:\n  lb/single-azz: off\n',
      'a: [1\n',
      'overrides:\n  - files: "!x"\n    rules: { lb/single-az: off }\n',
      'policies:\n  - name: p\n    given: $..[\n    then: { function: truthy }\n',
      '- just\n- a list\n',
    ];
    for (const text of texts) {
      workspace.write('rules.yaml', text);
      const error = await loadConfig({ cwd: workspace.dir, configFile: 'rules.yaml' }).then(() => undefined, (caught: unknown) => caught);
      expect(error, text).toBeInstanceOf(ConfigError);
      const expected = (error as ConfigError).problems.map(({ line, column, message }) => ({ line, column, message }));
      expect(problemsOf(await configFromText(text)), text).toEqual(expected);
    }
  });

  it('says that extends and flavors paths need files it does not have', async () => {
    const problems = problemsOf(await configFromText('extends: ./base.yaml\nflavors: flavors.json\n'));
    expect(problems).toEqual([
      { line: 1, column: 10, message: expect.stringContaining('extends: "./base.yaml" is another file, and there are no files here') },
      { line: 2, column: 10, message: expect.stringContaining('flavors: "flavors.json" is a file, and there are no files here') },
    ]);
  });

  it('refuses a configuration over the size the CLI reads, and a hostile one, with a problem', async () => {
    expect(problemsOf(await configFromText(`# ${'x'.repeat(1024 * 1024)}\n`))[0]!.message).toMatch(/more than the 1\.0 MiB/);
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`)].join('\n');
    expect(problemsOf(await configFromText(laughs))[0]!.message).toMatch(/aliases/);
  });
});

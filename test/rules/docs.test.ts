// Every rule's docs page has the same shape, states the rule's real severity, and its examples are
// real: the "Incorrect" body gives a finding of the rule, the "Correct" body gives none (through
// the library, lintText with the repository's configuration).
//
// Page shape (docs/rules/<area>/<name>.md):
//   # `<rule id>`
//   **Default severity:** <severity> · **Applies to:** <kinds or "every file">
//   <the rule's one-line description>
//   ## What it reports / ## Why / ## Examples (### Incorrect, ### Correct, each a ```json block) /
//   ## Fixes (only for a rule with a fix or suggestions: what they do) / ## Turning it off
// A block may be preceded by `<!-- args: … -->` (command-line options, paths relative to the
// repository root). A rule whose findings no body can produce says `<!-- examples: none … -->`.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText, loadConfig } from '../../src/index.js';
import { RULES } from '../../src/rules/index.js';
import { isSemanticRule } from '../../src/rules/rule.js';

const ROOT = join(import.meta.dirname, '..', '..');

interface Example {
  args: string[];
  body: string;
}

function example(page: string, heading: 'Incorrect' | 'Correct'): Example | undefined {
  const section = new RegExp(`### ${heading}\\n([\\s\\S]*?)(?=\\n### |\\n## |$)`).exec(page)?.[1];
  if (!section) return undefined;
  const args = /<!-- args: (.*?) -->/.exec(section)?.[1]?.split(/\s+/).filter(Boolean) ?? [];
  const body = /```(?:json|http)\n([\s\S]*?)```/.exec(section)?.[1];
  return body === undefined ? undefined : { args, body };
}

/**
 * The rule IDs an example gets through the library, configured as the CLI would be in the
 * repository with the example's command-line options (only --flavors is used, and others fail).
 */
async function ruleIdsOf(example: Example): Promise<string[]> {
  const [option, value, ...rest] = example.args;
  if ((option !== undefined && (option !== '--flavors' || value === undefined)) || rest.length > 0) {
    throw new Error(`example options the test does not know: ${example.args.join(' ')}`);
  }
  const config = await loadConfig({ cwd: ROOT, ...(value !== undefined && { flavorsFile: value }) });
  return lintText(example.body, { filePath: 'example.json', config }).findings.map((finding) => finding.ruleId);
}

for (const rule of RULES) {
  describe(`docs/rules/${rule.id}.md`, () => {
    const page = readFileSync(join(ROOT, 'docs/rules', `${rule.id}.md`), 'utf8');
    const noExamples = /<!-- examples: none/.test(page);

    it('has the standard shape and the rule metadata', () => {
      expect(page.split('\n')[0]).toBe(`# \`${rule.id}\``);
      const appliesTo = isSemanticRule(rule) ? rule.kinds.join(', ') : 'every file';
      expect(page).toContain(`**Default severity:** ${rule.severity} · **Applies to:** ${appliesTo}`);
      expect(page).toContain(rule.description);
      for (const heading of ['## What it reports', '## Why', '## Examples', '## Turning it off']) expect(page, heading).toContain(heading);
      expect(page).toContain(`${rule.id}: off`);
    });

    it('says what its fix and suggestions do, if it has any', () => {
      const section = /\n## Fixes\n([\s\S]*?)\n## /.exec(page)?.[1];
      expect(section !== undefined, '## Fixes section').toBe(rule.fixable === true || rule.hasSuggestions === true);
      if (rule.fixable) expect(section).toMatch(/\*\*Fix\*\* \(applied by `--fix`\)/);
      if (rule.hasSuggestions) expect(section).toMatch(/[Ss]uggest/);
      if (!rule.fixable && section !== undefined) expect(section).toMatch(/`--fix`\s+(never\s+applies|applies\s+neither)/);
    });

    it.skipIf(noExamples)('flags its Incorrect example', async () => {
      const incorrect = example(page, 'Incorrect');
      expect(incorrect, 'a ```json block under ### Incorrect').toBeDefined();
      expect(await ruleIdsOf(incorrect!)).toContain(rule.id);
    });

    it.skipIf(noExamples)('accepts its Correct example', async () => {
      const correct = example(page, 'Correct');
      expect(correct, 'a ```json block under ### Correct').toBeDefined();
      expect(await ruleIdsOf(correct!)).not.toContain(rule.id);
    });
  });
}

// The data-driven rule cases (actionlint/cfn-lint style): every file under
// test/cases/<area>/<rule>/valid/ must lint clean, and every invalid/<scenario>.{json,http,rest} must
// give exactly the findings in <scenario>.expected.json. A <scenario>.args file (one argument per
// line, paths relative to the case folder) adds --kind, --flavors, -c or --skip-unknown-kind. A
// case whose findings carry a safe fix has <scenario>.fixed.json (or .fixed.http): the exact text
// after --fix; a case without one must offer no safe fix.
// test/cases/valid/ is the corpus of realistic valid bodies: zero findings each.
// Cases run in-process through the library (test/support/case-options.ts); test/engine/library.test.ts
// proves that the CLI's JSON report gives the same result for every case.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES, RULES_BY_ID } from '../../src/rules/index.js';
import { fixCase, lintCase } from '../support/case-options.js';
import { readJson } from '../support/helpers.js';

const ROOT = join(import.meta.dirname, '..', 'cases');

interface ExpectedFinding {
  ruleId: string;
  pointer: string;
  severity: string;
  line: number;
  column?: number;
}

function caseFiles(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .filter((name) => /\.(json|http|rest)$/.test(name) && !/\.(expected|flavors|fixed)\.json$|\.fixed\.(http|rest)$/.test(name))
    .filter((name) => statSync(join(directory, name)).isFile())
    .sort();
}

/** Every folder that holds valid/ or invalid/ case files. */
function caseFolders(directory: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(directory).sort()) {
    const path = join(directory, name);
    if (!statSync(path).isDirectory()) continue;
    if (name === 'valid' || name === 'invalid') {
      if (!found.includes(directory)) found.push(directory);
    } else {
      found.push(...caseFolders(path));
    }
  }
  return found;
}

/** Rules whose cases showed a safe fix (with its .fixed file) or suggestions. */
const shownFixes = new Set<string>();
const shownSuggestions = new Set<string>();

for (const folder of caseFolders(ROOT)) {
  const label = relative(ROOT, folder) || 'corpus';
  describe(label, () => {
    for (const file of caseFiles(join(folder, 'valid'))) {
      it(`accepts valid/${file}`, async () => {
        const directory = join(folder, 'valid');
        const result = await lintCase(directory, file);
        expect(result?.path).toBe(file);
        expect(result?.findings).toEqual([]);
      });
    }
    for (const file of caseFiles(join(folder, 'invalid'))) {
      it(`flags invalid/${file}`, async () => {
        const directory = join(folder, 'invalid');
        const expected = readJson<ExpectedFinding[]>(join(directory, file.replace(/\.(json|http|rest)$/, '.expected.json')));
        expect(expected.length).toBeGreaterThan(0);
        const result = await lintCase(directory, file);
        expect(result?.path).toBe(file);
        const actual = result?.findings ?? [];
        const comparable = actual.map((finding, index) => {
          const wanted = expected[index];
          return {
            ruleId: finding.ruleId,
            pointer: finding.pointer,
            severity: finding.severity,
            line: finding.line,
            ...(wanted?.column !== undefined && { column: finding.column }),
          };
        });
        expect(comparable).toEqual(expected);
        if (label !== 'corpus' && !label.startsWith('valid')) {
          // The case is about its own rule: that rule must be among the findings.
          expect(actual.map((finding) => finding.ruleId)).toContain(label);
        }
        for (const finding of actual) {
          // Rule metadata says which rules edit: `rules`, --list-rules and the docs rely on it.
          if (finding.fix) expect(RULES_BY_ID.get(finding.ruleId)?.fixable, `${finding.ruleId} has a fix`).toBe(true);
          if (finding.suggestions) expect(RULES_BY_ID.get(finding.ruleId)?.hasSuggestions, `${finding.ruleId} has suggestions`).toBe(true);
          if (finding.suggestions && finding.ruleId === label) shownSuggestions.add(label);
        }
        const fixedFile = join(directory, file.replace(/\.(json|http|rest)$/, '.fixed.$1'));
        const wanted = existsSync(fixedFile) ? readFileSync(fixedFile, 'utf8') : undefined;
        if (wanted === undefined && !actual.some((finding) => finding.fix !== undefined)) return;
        const output = await fixCase(directory, file);
        expect(output, wanted === undefined ? 'a safe fix is offered: add the case\'s .fixed file' : 'the text after --fix').toBe(wanted);
        if (actual.some((finding) => finding.ruleId === label && finding.fix !== undefined)) shownFixes.add(label);
      });
    }
  });
}

// Runs after the cases above (a file's tests run in order): every rule that can edit shows it.
describe('rule cases with edits', () => {
  it('show a safe fix, with its .fixed file, for every fixable rule, and suggestions for every rule that has them', () => {
    expect([...shownFixes].sort()).toEqual(RULES.filter((rule) => rule.fixable).map((rule) => rule.id).sort());
    expect([...shownSuggestions].sort()).toEqual(RULES.filter((rule) => rule.hasSuggestions).map((rule) => rule.id).sort());
  });
});

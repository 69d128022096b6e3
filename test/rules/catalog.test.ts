// The catalog is one list, seen from every side: the registry, the rule files, the design's
// rules.md, the recommended preset (rules.yaml), the README table, the docs pages and the case
// folders must all name the same rules.

import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recommendedPreset, replaceSection, ruleTable } from '../../src/docs/catalog.js';
import { RULES } from '../../src/rules/index.js';
import { isSchemaRule, isSemanticRule } from '../../src/rules/rule.js';
import { SCHEMAS } from '../../src/schema/schemas.js';

const ROOT = join(import.meta.dirname, '..', '..');
const ids = RULES.map((rule) => rule.id);
const UPDATE = process.env.UPDATE_DOCS === '1';

/** Rules no request body can trigger, with the test file that produces their findings instead. */
const NO_INVALID_CASES: Readonly<Record<string, string>> = { 'internal/rule-error': 'test/engine/rule-error.test.ts' };

function ruleFiles(): string[] {
  const found: string[] = [];
  for (const area of readdirSync(join(ROOT, 'src/rules'))) {
    const directory = join(ROOT, 'src/rules', area);
    if (!statSync(directory).isDirectory()) continue;
    for (const file of readdirSync(directory)) if (file.endsWith('.ts')) found.push(`${area}/${file.replace(/\.ts$/, '')}`);
  }
  return found.sort();
}

/** Rule IDs in the first column of rules.md's tables (custom `policy/<name>` rules excluded). */
function specIds(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\| `([a-z]+\/[a-z0-9-]+)` \|/gm)].map((match) => match[1] as string).sort();
}

describe('rule catalog', () => {
  it('registers every rule file, sorted, each once', () => {
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(ruleFiles());
  });

  it('implements exactly the rule IDs of the design (docs/spec/rules.md)', () => {
    expect(ids).toEqual(specIds(join(ROOT, 'docs/spec/rules.md')));
  });

  // The shared spec sits beside a checkout (and beside CI's clone); a copy of the repository on
  // its own shows this test as skipped, not passed.
  const shared = join(ROOT, '..', 'shared', 'spec');
  it.skipIf(!existsSync(shared))('keeps the vendored spec identical to the shared one (../shared/spec)', () => {
    expect(readdirSync(join(ROOT, 'docs/spec')).sort()).toEqual(readdirSync(shared).sort());
    for (const name of readdirSync(shared)) {
      expect(readFileSync(join(ROOT, 'docs/spec', name), 'utf8'), name).toBe(readFileSync(join(shared, name), 'utf8'));
    }
  });

  it('gives every rule metadata: severity, a one-line description, a docs link', () => {
    for (const rule of RULES) {
      expect(['error', 'warning', 'info'], rule.id).toContain(rule.severity);
      expect(rule.description, rule.id).toMatch(/^[A-Z`a-z].{10,160}$/);
      expect(rule.description, rule.id).not.toContain('\n');
      expect(rule.docs, rule.id).toMatch(new RegExp(`/docs/rules/${rule.id}\\.md$`));
    }
  });

  it('has a docs page and valid and invalid cases for every rule', () => {
    for (const id of ids) {
      expect(existsSync(join(ROOT, 'docs/rules', `${id}.md`)), `docs/rules/${id}.md`).toBe(true);
      for (const kind of ['valid', 'invalid']) {
        const exemptIn = NO_INVALID_CASES[id];
        if (kind === 'invalid' && exemptIn !== undefined) {
          expect(existsSync(join(ROOT, exemptIn)), `${id} is shown by ${exemptIn}`).toBe(true);
          continue;
        }
        const directory = join(ROOT, 'test/cases', id, kind);
        const cases = existsSync(directory) ? readdirSync(directory).filter((name) => /\.(json|http)$/.test(name) && !/\.(expected|fixed)\.json$|\.fixed\.http$/.test(name)) : [];
        expect(cases.length, `test/cases/${id}/${kind}`).toBeGreaterThan(0);
      }
    }
  });

  it('has no case folder or docs page for a rule that does not exist', () => {
    for (const area of readdirSync(join(ROOT, 'test/cases'))) {
      if (area === 'valid') continue;
      for (const name of readdirSync(join(ROOT, 'test/cases', area))) expect(ids, `test/cases/${area}/${name}`).toContain(`${area}/${name}`);
    }
    for (const area of readdirSync(join(ROOT, 'docs/rules'))) {
      for (const name of readdirSync(join(ROOT, 'docs/rules', area))) expect(ids, `docs/rules/${area}/${name}`).toContain(`${area}/${name.replace(/\.md$/, '')}`);
    }
  });

  it('owns every keyword the request schemas use', () => {
    const owned = new Set(RULES.filter(isSchemaRule).flatMap((rule) => rule.keywords));
    const annotations = new Set(['$schema', 'title', 'description', 'properties', 'items', 'errorMessage']);
    const visit = (schema: Record<string, unknown>): void => {
      for (const [keyword, value] of Object.entries(schema)) {
        if (!annotations.has(keyword) && keyword !== 'additionalProperties') expect(owned, keyword).toContain(keyword === 'type' ? 'type' : keyword);
        if (keyword === 'additionalProperties') expect(owned).toContain('additionalProperties');
        if (keyword === 'properties') Object.values(value as Record<string, Record<string, unknown>>).forEach(visit);
        if (keyword === 'items') visit(value as Record<string, unknown>);
      }
    };
    Object.values(SCHEMAS).forEach(visit);
  });

  it('lists every semantic rule for at least one request kind', () => {
    for (const rule of RULES.filter(isSemanticRule)) expect(rule.kinds.length, rule.id).toBeGreaterThan(0);
  });
});

describe('generated text', () => {
  it('rules.yaml is the recommended preset of the rule modules', () => {
    const file = join(ROOT, 'rules.yaml');
    const expected = recommendedPreset(RULES);
    if (UPDATE) writeFileSync(file, expected);
    expect(readFileSync(file, 'utf8')).toBe(expected);
  });

  it("the README's rule table is generated from the rule modules", () => {
    const file = join(ROOT, 'README.md');
    const current = readFileSync(file, 'utf8');
    const expected = replaceSection(current, 'rules', ruleTable(RULES));
    if (UPDATE) writeFileSync(file, expected);
    expect(current).toBe(expected);
  });
});

describe('README options table', () => {
  it('documents every command-line option', async () => {
    const { OPTIONS } = await import('../../src/cli/options.js');
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const option of OPTIONS) expect(readme, `--${option.name}`).toMatch(new RegExp(`^\\| \`[^|]*--${option.name}\\b`, 'm'));
  });
});

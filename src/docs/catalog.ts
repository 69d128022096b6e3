// Text generated from the rule metadata: the README's rule table and the recommended preset
// (rules.yaml). `npm run docs` writes them; test/rules/docs.test.ts fails when they drift.

import type { RuleMeta } from '../model.js';

export function sortedRules(rules: readonly RuleMeta[]): RuleMeta[] {
  return [...rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function ruleTable(rules: readonly RuleMeta[]): string {
  const rows = sortedRules(rules).map((rule) => `| [\`${rule.id}\`](docs/rules/${rule.id}.md) | ${rule.severity} | ${editsLabel(rule)} | ${rule.description.replace(/\|/g, '\\|')} |`);
  return ['| Rule | Default | Edits | What it reports |', '|---|---|---|---|', ...rows].join('\n');
}

/** What a rule's findings may carry: `fix` (--fix applies it), `suggestions` (an editor offers them), both, or nothing. */
export function editsLabel(rule: RuleMeta): string {
  return [rule.fixable ? 'fix' : '', rule.hasSuggestions ? 'suggestions' : ''].filter(Boolean).join(', ');
}

export function recommendedPreset(rules: readonly RuleMeta[]): string {
  const lines = [
    '# elb-lint recommended preset: every rule at its default severity.',
    '# Your own rules.yaml extends this one (extends: recommended) and can change any severity',
    '# (error, warning, info, off). Generated from the rule modules by `npm run docs`.',
    'rules:',
  ];
  for (const rule of sortedRules(rules)) {
    lines.push(`  # ${rule.description}`);
    lines.push(`  ${rule.id}: ${rule.severity}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->`. */
export function replaceSection(document: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = document.indexOf(start);
  const to = document.indexOf(end);
  if (from < 0 || to < from) throw new Error(`missing ${start} … ${end} markers`);
  return `${document.slice(0, from + start.length)}\n${content}\n${document.slice(to)}`;
}

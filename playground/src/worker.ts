// The lint worker: the engine, the config compiler and the fixer, away from the page's thread so
// a huge or hostile text never freezes the tab (the page stops a worker that takes too long).

import { configFromText } from '../../src/config/from-text.js';
import type { ConfigProblem } from '../../src/config/errors.js';
import { parseFlavorCatalog } from '../../src/config/flavors.js';
import type { ResolvedConfig } from '../../src/config/types.js';
import { fixText } from '../../src/engine/fix-loop.js';
import { lintText } from '../../src/engine/lint-text.js';
import type { FileResult, FlavorCatalog, RuleMeta } from '../../src/model.js';
import { RULES } from '../../src/rules/index.js';
import type { LintInput, Reply, Request } from './protocol.js';

interface Configuration {
  config: ResolvedConfig | undefined;
  rules: readonly RuleMeta[];
  configProblems: ConfigProblem[];
  flavorProblems: ConfigProblem[];
}

let cached: { key: string; value: Configuration } | undefined;

async function configuration(input: LintInput): Promise<Configuration> {
  const key = JSON.stringify([input.config, input.flavors]);
  if (cached?.key === key) return cached.value;
  let flavors: FlavorCatalog | undefined;
  let flavorProblems: ConfigProblem[] = [];
  if (input.flavors.trim() !== '') {
    const parsed = parseFlavorCatalog(input.flavors, 'flavors.json', 'the flavor catalog panel');
    if (parsed.ok) flavors = parsed.catalog;
    else flavorProblems = parsed.problems;
  }
  let value: Configuration;
  if (input.config.trim() === '' && flavors === undefined) {
    value = { config: undefined, rules: RULES, configProblems: [], flavorProblems };
  } else {
    const loaded = await configFromText(input.config, { flavors });
    value = loaded.ok
      ? { config: loaded.config, rules: loaded.rules, configProblems: [], flavorProblems }
      : { config: undefined, rules: RULES, configProblems: loaded.problems, flavorProblems };
  }
  cached = { key, value };
  return value;
}

async function handle(request: Request): Promise<Reply> {
  const { input } = request;
  const settings = await configuration(input);
  const lint = (text: string): FileResult => lintText(text, { filePath: input.path, kind: input.kind, config: settings.config });
  let text = input.text;
  let result = lint(text);
  let fixed: number | undefined;
  if (request.type === 'fix-all') {
    // As --fix does: pass after pass (overlapping fixes wait for the next), none that breaks the body.
    ({ output: text, result, fixed } = fixText(text, result, lint));
  }
  const docs: Record<string, string> = {};
  const byId = new Map(settings.rules.map((rule) => [rule.id, rule.docs]));
  for (const finding of result.findings) {
    const url = byId.get(finding.ruleId);
    if (url !== undefined) docs[finding.ruleId] = url;
  }
  return { id: request.id, type: 'result', result, text, docs, configProblems: settings.configProblems, flavorProblems: settings.flavorProblems, ...(fixed !== undefined ? { fixed } : {}) };
}

const scope = self as unknown as { onmessage: ((event: MessageEvent<Request>) => void) | null; postMessage(reply: Reply): void };

scope.onmessage = (event) => {
  const request = event.data;
  handle(request).then(
    (reply) => scope.postMessage(reply),
    (error: unknown) => scope.postMessage({ id: request.id, type: 'failure', message: error instanceof Error ? error.message : String(error) }),
  );
};

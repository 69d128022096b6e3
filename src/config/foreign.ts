// Telling an elb-lint configuration from another tool's rules.yaml by its top-level keys (config.md).
// Loaded only when a rules.yaml that is not the recommended preset is found, with the YAML parser.

import { isMap, isScalar, parseDocument } from 'yaml';
import { CONFIG_KEYS } from './schema.js';

/**
 * Why a rules.yaml is not an elb-lint configuration, or undefined when it is one: empty, or a
 * mapping whose top-level keys are all elb-lint settings. A file with YAML errors counts as one
 * when any top-level key is an elb-lint setting, so its own errors are reported.
 */
export function foreignReason(text: string): string | undefined {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false, version: '1.2', schema: 'core', merge: false });
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return undefined;
  if (!isMap(contents)) return 'it is not a mapping of elb-lint settings';
  const keys = contents.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : undefined));
  const unknown = keys.filter((key) => key === undefined || !CONFIG_KEYS.has(key));
  if (unknown.length === 0) return undefined;
  if (doc.errors.length > 0 && keys.some((key) => key !== undefined && CONFIG_KEYS.has(key))) return undefined;
  const first = unknown[0];
  return `its top-level key ${first === undefined ? '(not a plain name)' : JSON.stringify(first.slice(0, 40))} is not an elb-lint setting, so it belongs to another tool`;
}

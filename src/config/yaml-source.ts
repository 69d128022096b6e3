// One rules.yaml parsed with positions. The yaml package's own guard against alias expansion
// ("billion laughs") is on; tags other than YAML's core ones, several documents, duplicate keys
// and reserved JavaScript property names as keys are problems with a line and column.

import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { ConfigProblem } from './errors.js';
import { RESERVED_NAMES } from '../policies/jsonpath.js';

/** How far anchors may be expanded (the yaml package's count, which grows with nesting). */
export const MAX_ALIAS_COUNT = 100;

export type YamlPath = readonly (string | number)[];

export interface Position {
  line: number;
  column: number;
}

export interface YamlSource {
  file: string;
  /** The document as plain data; undefined when it could not be read (see problems). */
  value: unknown;
  problems: ConfigProblem[];
  /** Where the value (or, with 'key', the key) at a path of keys and indexes starts. */
  at(path: YamlPath, part?: 'key' | 'value'): Position;
}

export function parseYamlSource(file: string, text: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true, version: '1.2', schema: 'core', merge: false });
  const problems: ConfigProblem[] = [];
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const problem = (offset: number, message: string) => problems.push({ file, ...position(offset), message });

  for (const error of [...doc.errors, ...doc.warnings]) problem(error.pos[0], `${yamlMessage(error.message)} (YAML ${error.code})`);

  visit(doc, {
    Pair(_, pair) {
      const key = pair.key as Node | null;
      if (!isScalar(key)) {
        problem((key as Node | null)?.range?.[0] ?? 0, 'a key must be a plain string, not a collection or an alias');
      } else if (RESERVED_NAMES.has(String(key.value))) {
        problem(key.range?.[0] ?? 0, `"${String(key.value)}" cannot be used as a key: it is a reserved JavaScript property name, and no elb-lint setting is called that`);
      }
    },
  });

  const keyIndexes: KeyIndexes = new WeakMap();
  let value: unknown;
  if (problems.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      let aliasAt = 0;
      visit(doc, {
        Alias(_, alias) {
          aliasAt = alias.range?.[0] ?? 0;
          return visit.BREAK;
        },
      });
      const message = error instanceof ReferenceError
        ? `the YAML aliases (*name) expand too much (more than the ${MAX_ALIAS_COUNT} the yaml parser allows, a guard against "billion laughs" documents); write the values out instead`
        : `cannot read the YAML: ${error instanceof Error ? error.message : String(error)}`;
      problem(aliasAt, message);
    }
  }

  return {
    file,
    value,
    problems,
    at: (path, part = 'value') => position(offsetAt(doc, path, part, keyIndexes)),
  };
}

/** A map's pairs by key text, built on first use: a problem per key of a 5,000-key map must not search it 5,000 times. */
type KeyIndexes = WeakMap<YAMLMap, Map<string, Pair>>;

function pairAt(map: YAMLMap, key: string, indexes: KeyIndexes): Pair | undefined {
  let index = indexes.get(map);
  if (!index) {
    index = new Map();
    for (const item of map.items) {
      const text = isScalar(item.key) ? String(item.key.value) : undefined;
      if (text !== undefined && !index.has(text)) index.set(text, item as Pair);
    }
    indexes.set(map, index);
  }
  return index.get(key);
}

function offsetAt(doc: Document, path: YamlPath, part: 'key' | 'value', indexes: KeyIndexes): number {
  let node: unknown = doc.contents;
  let key: Node | undefined;
  let last = 0;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = pairAt(node, String(segment), indexes);
      if (!pair) break;
      key = pair.key as Node;
      last = key.range?.[0] ?? last;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined;
      if (item === undefined) break;
      key = undefined;
      node = item;
    } else {
      break;
    }
    const start = (node as Node | null)?.range?.[0];
    if (start !== undefined && part === 'value') last = start;
  }
  if (part === 'key' && key?.range) return key.range[0];
  const start = (node as Node | null)?.range?.[0];
  return start ?? last;
}

/** The yaml package's messages end with " at line L, column C"; the position is shown separately. */
function yamlMessage(message: string): string {
  return message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').replace(/\.$/, '');
}

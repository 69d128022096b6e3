// The syntax tree of a body, built by jsonc-parser only when a finding needs a position (or when
// the fast path saw a duplicate key). Offsets are relative to the body text.

import { parseTree, type Node } from 'jsonc-parser';
import { formatPointer, isIndex, parsePointer } from './pointer.js';

export interface TextRange {
  offset: number;
  end: number;
}

export interface DuplicateKey {
  pointer: string;
  key: string;
  /** The later occurrence (the one JSON.parse keeps): its key through the end of its value. */
  range: TextRange;
  firstOffset: number;
}

export class JsonTree {
  private readonly root: Node | undefined;

  constructor(text: string) {
    this.root = parseTree(text, [], { disallowComments: true, allowTrailingComma: false });
  }

  /**
   * Where a finding at `pointer` is shown. A present value spans from its property's key (or
   * the array element) to the end of the value; a missing property is shown at the key of its
   * nearest present ancestor (the `{` of an array element or of the root).
   */
  rangeOf(pointer: string): TextRange {
    if (!this.root) return { offset: 0, end: 0 };
    let node: Node = this.root;
    let property: Node | undefined;
    for (const segment of parsePointer(pointer)) {
      const child = childNode(node, segment);
      if (!child) return anchorOf(node, property);
      property = child.property;
      node = child.value;
    }
    if (property) return { offset: property.offset, end: node.offset + node.length };
    if (node === this.root) return { offset: node.offset, end: node.offset + 1 };
    return { offset: node.offset, end: node.offset + node.length };
  }

  duplicateKeys(): DuplicateKey[] {
    const duplicates: DuplicateKey[] = [];
    if (this.root) collectDuplicates(this.root, [], duplicates);
    return duplicates;
  }
}

/** Objects with more properties than this get a key index, so a body with 100,000 keys and a finding on each stays linear. */
const INDEXED_OBJECT_SIZE = 16;
const keyIndexes = new WeakMap<Node, Map<string, Node>>();

function childNode(node: Node, segment: string): { value: Node; property?: Node } | undefined {
  if (node.type === 'object') {
    const properties = node.children ?? [];
    if (properties.length > INDEXED_OBJECT_SIZE) {
      const property = keyIndex(node).get(segment);
      const value = property?.children?.[1];
      return property && value ? { value, property } : undefined;
    }
    // JSON.parse keeps the last of duplicate keys, so positions follow the last one too.
    for (let i = properties.length - 1; i >= 0; i--) {
      const property = properties[i]!;
      const [key, value] = property.children ?? [];
      if (key?.value === segment && value) return { value, property };
    }
    return undefined;
  }
  if (node.type === 'array' && isIndex(segment)) {
    const value = node.children?.[Number(segment)];
    return value ? { value } : undefined;
  }
  return undefined;
}

/** Key → property node of an object; the last of duplicate keys wins, as in JSON.parse. */
function keyIndex(node: Node): Map<string, Node> {
  let index = keyIndexes.get(node);
  if (!index) {
    index = new Map();
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      if (typeof key?.value === 'string' && value) index.set(key.value, property);
    }
    keyIndexes.set(node, index);
  }
  return index;
}

/** A missing property's anchor: the key of the object that should hold it, else its opening brace. */
function anchorOf(container: Node, property: Node | undefined): TextRange {
  const key = property?.children?.[0];
  if (key) return { offset: key.offset, end: key.offset + key.length };
  return { offset: container.offset, end: container.offset + 1 };
}

/**
 * Later occurrences of a key, object by object. Only the value JSON.parse keeps (the last
 * occurrence's) is searched further: a duplicate inside a value that is thrown away would point
 * at something that is not in the body.
 */
function collectDuplicates(node: Node, path: (string | number)[], out: DuplicateKey[]): void {
  if (node.type === 'object') {
    const properties = node.children ?? [];
    const firstSeen = new Map<string, number>();
    const kept = new Map<string, Node | undefined>();
    for (const property of properties) {
      const [key, value] = property.children ?? [];
      if (!key || typeof key.value !== 'string') continue;
      kept.set(key.value, value);
      const first = firstSeen.get(key.value);
      if (first === undefined) firstSeen.set(key.value, key.offset);
      else {
        out.push({
          pointer: formatPointer([...path, key.value]),
          key: key.value,
          range: { offset: property.offset, end: property.offset + property.length },
          firstOffset: first,
        });
      }
    }
    for (const [key, value] of kept) if (value) collectDuplicates(value, [...path, key], out);
  } else if (node.type === 'array') {
    node.children?.forEach((child, index) => collectDuplicates(child, [...path, index], out));
  }
}

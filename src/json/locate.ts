// Where a JSON pointer lies in a body's text, found by scanning the text from its start: no tree
// is built. Findings are rare and few per body, so for those bodies this is much cheaper than
// parsing the whole text into a tree; JsonTree answers the same question for a body with many.
// Only used on text JSON.parse accepted.

import { isIndex, parsePointer } from './pointer.js';
import { nextStructural, skipSpace, stringEnd } from './scan.js';
import { JsonTree, type TextRange } from './tree.js';

/**
 * The same range as JsonTree.rangeOf: a present value spans from its property's key (or the array
 * element) to the end of the value; a missing one is shown at the key of its nearest present
 * ancestor (the `{` or `[` of an array element or of the root).
 */
export function locate(text: string, pointer: string, uniqueKeys = false): TextRange {
  let start = skipSpace(text, 0);
  if (start >= text.length) return { offset: 0, end: 0 };
  const root = start;
  // The key of the property holding the value at `start`, when it was reached through one.
  let keyStart = -1;
  let keyEnd = -1;
  for (const segment of parsePointer(pointer)) {
    const open = text.charCodeAt(start);
    if (open === OPEN_BRACE) {
      const property = lastProperty(text, start, segment, uniqueKeys);
      if (property) {
        keyStart = property.keyStart;
        keyEnd = property.keyEnd;
        start = property.valueStart;
        continue;
      }
    } else if (open === OPEN_BRACKET && isIndex(segment)) {
      const element = elementAt(text, start, Number(segment));
      if (element >= 0) {
        keyStart = -1;
        start = element;
        continue;
      }
    }
    return keyStart >= 0 ? { offset: keyStart, end: keyEnd } : { offset: start, end: start + 1 };
  }
  if (keyStart >= 0) return { offset: keyStart, end: valueEnd(text, start) };
  if (start === root) return { offset: start, end: start + 1 };
  return { offset: start, end: valueEnd(text, start) };
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const COMMA = 0x2c;
const BACKSLASH = '\\';

/**
 * The last property named `key` of the object at `open` (JSON.parse keeps the last of duplicates).
 * In a text known to have no duplicate key (`uniqueKeys`) the first is the last: the scan stops there.
 */
export function lastProperty(text: string, open: number, key: string, uniqueKeys = false): { keyStart: number; keyEnd: number; valueStart: number } | undefined {
  let found: { keyStart: number; keyEnd: number; valueStart: number } | undefined;
  let at = skipSpace(text, open + 1);
  while (text.charCodeAt(at) === QUOTE) {
    const keyEnd = stringEnd(text, at);
    if (keyEnd < 0) break;
    const colon = skipSpace(text, keyEnd);
    const valueStart = skipSpace(text, colon + 1);
    if (keyText(text, at, keyEnd) === key) {
      found = { keyStart: at, keyEnd, valueStart };
      if (uniqueKeys) return found;
    }
    at = skipSpace(text, valueEnd(text, valueStart));
    if (text.charCodeAt(at) !== COMMA) break;
    at = skipSpace(text, at + 1);
  }
  return found;
}

export function keyText(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end - 1);
  return raw.includes(BACKSLASH) ? (JSON.parse(text.slice(start, end)) as string) : raw;
}

/** The offset of element `index` of the array at `open`, or -1. */
export function elementAt(text: string, open: number, index: number): number {
  let at = skipSpace(text, open + 1);
  if (text.charCodeAt(at) === CLOSE_BRACKET) return -1;
  for (let i = 0; at < text.length; i++) {
    if (i === index) return at;
    at = skipSpace(text, valueEnd(text, at));
    if (text.charCodeAt(at) !== COMMA) return -1;
    at = skipSpace(text, at + 1);
  }
  return -1;
}

/** The offset just after the value that starts at `start`. Iterative, whatever the nesting. */
export function valueEnd(text: string, start: number): number {
  const first = text.charCodeAt(start);
  if (first === QUOTE) return endOrLength(text, stringEnd(text, start));
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
    let at = start;
    while (at < text.length && !ENDS_LITERAL.has(text.charCodeAt(at))) at++;
    return at;
  }
  let depth = 0;
  for (let at = nextStructural(text, start); at >= 0; ) {
    const code = text.charCodeAt(at);
    if (code === QUOTE) {
      at = nextStructural(text, endOrLength(text, stringEnd(text, at)));
      continue;
    }
    if (code === OPEN_BRACE || code === OPEN_BRACKET) depth++;
    else if (--depth === 0) return at + 1;
    at = nextStructural(text, at + 1);
  }
  return text.length;
}

/** What ends a number, true, false or null. */
const ENDS_LITERAL = new Set([COMMA, CLOSE_BRACE, CLOSE_BRACKET, 0x20, 0x09, 0x0a, 0x0d]);

function endOrLength(text: string, end: number): number {
  return end < 0 ? text.length : end;
}

/** Past this many lookups in one body, building its tree once is cheaper than scanning again. */
const SCANS_BEFORE_TREE = 8;

/** Ranges of a body's findings: scans for the first few, one tree for a body with many. */
export class Locator {
  private scans = 0;
  private tree: JsonTree | undefined;

  /** `uniqueKeys`: the text has no duplicate key (the parser said so), so scans stop at the first match. */
  constructor(private readonly text: string, private readonly uniqueKeys = false) {}

  rangeOf(pointer: string): TextRange {
    if (this.tree === undefined && this.scans < SCANS_BEFORE_TREE) {
      this.scans++;
      return locate(this.text, pointer, this.uniqueKeys);
    }
    return (this.tree ??= new JsonTree(this.text)).rangeOf(pointer);
  }
}

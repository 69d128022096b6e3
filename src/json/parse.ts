// Strict JSON with a fast path: native JSON.parse builds the value, one walk of the value counts
// its keys and nesting, and one scan of the text counts the keys written. Only when the counts show
// a duplicate key, or the text is not JSON, does jsonc-parser build a tree to say where.

import { createScanner, parse as lenientParse, printParseErrorCode, type ParseError, type SyntaxKind } from 'jsonc-parser';
import { nextStructural, stringEnd } from './scan.js';
import { JsonTree, type DuplicateKey, type TextRange } from './tree.js';

/** Request bodies nest five levels deep; anything far deeper is rejected before any recursion. */
export const MAX_DEPTH = 64;

export interface JsonSyntaxError {
  range: TextRange;
  reason: string;
}

export type ParseResult =
  | { ok: true; value: unknown; duplicates: DuplicateKey[] }
  | { ok: false; error: JsonSyntaxError };

/** Whitespace only, as String.prototype.trim counts it. */
const BLANK = /^\s*$/;

export function parseJson(text: string): ParseResult {
  // A test, not text.trim(): trimming copies the whole body whenever it ends with a line break.
  if (BLANK.test(text)) return failure(0, 0, 'the body is empty; a request body is a JSON object');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // jsonc-parser, which says where the error is, recurses: rule out deep nesting first.
    const tooDeepAt = scanStructure(text).tooDeepAt;
    if (tooDeepAt >= 0) return tooDeep(tooDeepAt);
    try {
      return { ok: false, error: locateSyntaxError(text, error) };
    } catch {
      // Locating is best effort (the depth guard should make this unreachable); the finding is not.
      return failure(0, 0, error instanceof Error ? error.message : String(error));
    }
  }
  const shape = measure(value);
  if (shape.depth > MAX_DEPTH) return tooDeep(scanStructure(text).tooDeepAt);
  // JSON.parse keeps the last of duplicate keys, so a duplicate shows as fewer keys in the value
  // than in the text. Counting `"…:` in the text can only overcount (a `\":` inside a string),
  // which costs the exact check below, never a missed duplicate.
  const duplicates = shape.keys === keysInText(text) ? [] : new JsonTree(text).duplicateKeys();
  return { ok: true, value, duplicates };
}

function tooDeep(offset: number): ParseResult {
  return failure(Math.max(offset, 0), 1, `nesting is deeper than ${MAX_DEPTH} levels, the limit elb-lint accepts`);
}

/**
 * Quotes followed (after JSON whitespace) by a colon: every key's closing quote is one. A native
 * regex search from key to key (`test` allocates no match), not a loop over every quote: this runs
 * on every body, mostly before V8 has optimised our code. A match cannot hold another quote, so
 * the count equals a quote-by-quote check.
 */
const KEY_END = /"[ \t\n\r]*:/g;

function keysInText(text: string): number {
  let keys = 0;
  KEY_END.lastIndex = 0;
  while (KEY_END.test(text)) keys++;
  return keys;
}

function failure(offset: number, length: number, reason: string): ParseResult {
  return { ok: false, error: { range: { offset, end: offset + length }, reason } };
}

// Where nesting first goes deeper than the limit, for text JSON.parse rejected (jsonc-parser must
// not recurse into it) or accepted too deep. Strings are skipped with indexOf, so a 10 MiB string
// costs no regex backtracking; outside strings valid JSON has no quotes, so every quote found here
// opens a real string.
function scanStructure(text: string): { tooDeepAt: number } {
  let depth = 0;
  for (let at = nextStructural(text, 0); at >= 0; ) {
    const code = text.charCodeAt(at);
    if (code === 0x22) {
      const end = stringEnd(text, at);
      // Unterminated: not JSON. JSON.parse fails, and the error path guards its own depth.
      if (end < 0) break;
      at = nextStructural(text, end);
      continue;
    }
    if (code === 0x5b || code === 0x7b) {
      if (++depth > MAX_DEPTH) return { tooDeepAt: at };
    } else {
      depth--;
    }
    at = nextStructural(text, at + 1);
  }
  return { tooDeepAt: -1 };
}

/**
 * Keys and nesting depth of a parsed value. The recursion stops one level past MAX_DEPTH (the
 * caller rejects that depth whatever the count), so the stack stays shallow for any input.
 */
function measure(value: unknown): { keys: number; depth: number } {
  const shape = { keys: 0, depth: 0 };
  visit(value, 1, shape);
  return shape;
}

function visit(value: unknown, depth: number, shape: { keys: number; depth: number }): void {
  if (typeof value !== 'object' || value === null) return;
  if (depth > shape.depth) shape.depth = depth;
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) visit(value[i], depth + 1, shape);
    return;
  }
  // for…in allocates no key array; own keys only (a parsed value has no others, but a polluted
  // Object.prototype in a host program must not change the count).
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    shape.keys++;
    visit((value as Record<string, unknown>)[key], depth + 1, shape);
  }
}

const REASONS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: "expected ':' after the property name",
  CommaExpected: "expected ',' or a closing bracket",
  CloseBraceExpected: "expected ',' or '}'",
  CloseBracketExpected: "expected ',' or ']'",
  EndOfFileExpected: 'unexpected content after the end of the JSON value',
  InvalidCommentToken: 'comments are not allowed in JSON; remove the comment',
  UnexpectedEndOfComment: 'comments are not allowed in JSON; remove the comment',
  UnexpectedEndOfString: 'unterminated string (a line break or the end of the file came before the closing quote)',
  UnexpectedEndOfNumber: 'unexpected end of number',
  InvalidUnicode: 'invalid \\u escape in a string',
  InvalidEscapeCharacter: 'invalid escape in a string (allowed: \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)',
  InvalidCharacter: 'control character in a string; write it as an escape such as \\n or \\t',
};

function locateSyntaxError(text: string, nativeError: unknown): JsonSyntaxError {
  // jsonc-parser recurses once per bracket and may read brackets the structure scan saw inside a
  // string (its strings end at a line break), so its depth is checked with its own tokenizer first.
  const tooDeepAt = lenientDepthExceeded(text);
  const errors: ParseError[] = [];
  lenientParse(tooDeepAt < 0 ? text : text.slice(0, tooDeepAt), errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = tooDeepAt < 0 ? errors[0] : errors.find((error) => error.offset + error.length < tooDeepAt);
  if (first) return describe(text, first);
  if (tooDeepAt >= 0) return { range: { offset: tooDeepAt, end: tooDeepAt + 1 }, reason: `nesting is deeper than ${MAX_DEPTH} levels, the limit elb-lint accepts` };
  // jsonc-parser accepts a few whitespace characters that JSON does not (no-break space, BOM,
  // vertical tab, form feed…); find the first one outside strings.
  const stray = /["\v\f\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]/g;
  for (let match = stray.exec(text); match; match = stray.exec(text)) {
    if (match[0] === '"') {
      const end = stringEnd(text, match.index);
      if (end < 0) break;
      stray.lastIndex = end;
      continue;
    }
    const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return { range: { offset: match.index, end: match.index + 1 }, reason: `unexpected character U+${code}; JSON allows only space, tab, CR and LF between values` };
  }
  const message = nativeError instanceof Error ? nativeError.message : String(nativeError);
  return { range: { offset: 0, end: 0 }, reason: message };
}

/**
 * Where jsonc-parser's tokens open more than MAX_DEPTH containers, or -1. A closing bracket counts
 * only when it matches the innermost open one (jsonc-parser skips a mismatched one), so this is
 * never below the depth jsonc-parser would recurse to.
 */
// jsonc-parser's SyntaxKind values (a const enum, which isolated modules cannot read).
const OPEN_BRACE = 1 as SyntaxKind;
const CLOSE_BRACE = 2 as SyntaxKind;
const OPEN_BRACKET = 3 as SyntaxKind;
const CLOSE_BRACKET = 4 as SyntaxKind;
const END_OF_FILE = 17 as SyntaxKind;

function lenientDepthExceeded(text: string): number {
  const scanner = createScanner(text, true);
  const open: SyntaxKind[] = [];
  for (let token = scanner.scan(); token !== END_OF_FILE; token = scanner.scan()) {
    if (token === OPEN_BRACE || token === OPEN_BRACKET) {
      open.push(token);
      if (open.length > MAX_DEPTH) return scanner.getTokenOffset();
    } else if (
      (token === CLOSE_BRACE && open.at(-1) === OPEN_BRACE) ||
      (token === CLOSE_BRACKET && open.at(-1) === OPEN_BRACKET)
    ) {
      open.pop();
    }
  }
  return -1;
}

function describe(text: string, error: ParseError): JsonSyntaxError {
  const name = printParseErrorCode(error.error);
  const range = { offset: error.offset, end: error.offset + error.length };
  if (name === 'PropertyNameExpected' || name === 'ValueExpected') {
    const trailing = /,\s*$/.exec(text.slice(0, error.offset));
    const closer = text[error.offset];
    if (trailing && (closer === '}' || closer === ']')) {
      return { range: { offset: trailing.index, end: trailing.index + 1 }, reason: `trailing comma before '${closer}'; strict JSON allows none, remove the comma` };
    }
  }
  if ((name === 'CloseBraceExpected' || name === 'CloseBracketExpected' || name === 'ValueExpected' || name === 'PropertyNameExpected') && text.slice(error.offset).trim() === '') {
    return { range, reason: `the text ends before the JSON value is complete (a closing '${name === 'CloseBracketExpected' ? ']' : '}'}' or a value is missing)` };
  }
  if (name === 'InvalidSymbol' && text[error.offset] === "'") {
    return { range, reason: "strings and property names need double quotes, not single quotes" };
  }
  const found = error.length > 0 ? `, found ${JSON.stringify(text.slice(error.offset, error.offset + Math.min(error.length, 20)))}` : '';
  return { range, reason: (REASONS[name] ?? name) + (name === 'InvalidCommentToken' || name === 'UnexpectedEndOfComment' ? '' : found) };
}

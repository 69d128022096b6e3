// The JSONPath elb-lint accepts in a policy's `given` and `field`: a strict, script-free subset
// that jsonpath-plus evaluates exactly as written here.
//
//   $                 the body            .name  ['name']   a property
//   [0]  [1,2]        array elements      [1:3]  [-1:]      a slice
//   .*  [*]           every child         ..name  ..*       every descendant
//
// Filters (`[?(@.x)]`), script expressions (`[(…)]`), `@` and jsonpath-plus's `^`, `~` and
// backtick operators are refused: with them a configuration file could make the linter run
// code. So are the names `__proto__`, `constructor` and `prototype`. The parser also gives the
// canonical text and the token list jsonpath-plus must produce for it; compile.ts refuses a
// path whose tokens differ, so what is checked here is exactly what gets evaluated.

import { formatPointer } from '../json/pointer.js';

export type Segment =
  | { type: 'name'; name: string }
  | { type: 'index'; index: number }
  | { type: 'wildcard' }
  | { type: 'union'; members: (string | number)[] }
  | { type: 'slice'; text: string }
  | { type: 'descendant' };

export interface JsonPath {
  segments: Segment[];
  /** Names and indexes only: the path selects at most one value, and has a pointer even when it is missing. */
  definite: boolean;
  /** The path as jsonpath-plus is given it. */
  canonical: string;
  /** What JSONPath.toPathArray(canonical) must return. */
  tokens: string[];
}

export type JsonPathResult = { ok: true; path: JsonPath } | { ok: false; reason: string };

export const RESERVED_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*/;
/** Characters jsonpath-plus gives a meaning inside names, or that would end a quoted name. */
const UNSAFE_IN_NAME = /['"[\]\\;~^@`()?,*$%]/;
const SLICE = /^(-?\d*):(-?\d*)(?::(\d*))?$/;

/** `text` is a whole path starting with `$`; `relative` paths (a policy's `field`) start at a name. */
export function parseJsonPath(text: string, options: { relative?: boolean } = {}): JsonPathResult {
  const source = options.relative ? (text.startsWith('[') ? `$${text}` : `$.${text}`) : text;
  const fail = (reason: string): JsonPathResult => ({ ok: false, reason });
  const refusal = refuse(text);
  if (refusal) return fail(refusal);
  if (!source.startsWith('$')) return fail('a JSONPath starts with "$" (the request body), e.g. "$.loadbalancer.name"');

  const segments: Segment[] = [];
  let i = 1;
  while (i < source.length) {
    const rest = source.slice(i);
    if (rest.startsWith('..')) {
      segments.push({ type: 'descendant' });
      i += 2;
      const after = source.slice(i);
      if (after.startsWith('*')) {
        segments.push({ type: 'wildcard' });
        i += 1;
      } else if (after.startsWith('[')) {
        continue;
      } else {
        const name = IDENTIFIER.exec(after)?.[0];
        if (!name) return fail(`"..", at character ${i - 1}, must be followed by a name, "*" or "[…]"`);
        segments.push({ type: 'name', name });
        i += name.length;
      }
    } else if (rest.startsWith('.')) {
      i += 1;
      const after = source.slice(i);
      if (after.startsWith('*')) {
        segments.push({ type: 'wildcard' });
        i += 1;
        continue;
      }
      const name = IDENTIFIER.exec(after)?.[0];
      if (!name) return fail(`"." at character ${i} must be followed by a property name (letters, digits, "_", "-") or "*"; write other names as ['name']`);
      segments.push({ type: 'name', name });
      i += name.length;
    } else if (rest.startsWith('[')) {
      const close = findClose(source, i);
      if (close < 0) return fail(`the "[" at character ${i + 1} is never closed`);
      const parsed = parseSelectors(source.slice(i + 1, close).trim());
      if (typeof parsed === 'string') return fail(parsed);
      segments.push(parsed);
      i = close + 1;
    } else {
      return fail(`unexpected "${source[i]}" at character ${i + 1}; a path continues with ".name", "[…]" or ".."`);
    }
  }
  if (segments.at(-1)?.type === 'descendant') return fail('a path cannot end with ".."');
  if (options.relative && segments.length === 0) return fail('the field is empty');
  for (const segment of segments) {
    const names = segment.type === 'name' ? [segment.name] : segment.type === 'union' ? segment.members.filter((m) => typeof m === 'string') : [];
    const reserved = names.find((name) => RESERVED_NAMES.has(name as string));
    if (reserved !== undefined) return fail(`"${reserved}" is a reserved JavaScript property name and cannot be used in a path`);
  }
  return { ok: true, path: build(segments) };
}

/** The features that could run code, refused with a reason that says so. */
function refuse(text: string): string | undefined {
  if (/\[\s*\?/.test(text)) return 'filter expressions ([?(…)]) are not supported: they are script code, and elb-lint never runs code from a configuration. Select with names, indexes and wildcards, and judge the values with a function (pattern, enumeration, schema, …)';
  if (/\[\s*\(/.test(text)) return 'script expressions ([(…)]) are not supported: elb-lint never runs code from a configuration';
  if (text.includes('@')) return '"@" (the current node in script expressions, or a jsonpath-plus type selector such as @string()) is not supported: elb-lint never runs code from a configuration';
  if (/[\^~`]/.test(text)) return 'the jsonpath-plus operators "^" (parent), "~" (property name) and "`" (escape) are not supported';
  return undefined;
}

function findClose(text: string, open: number): number {
  let quote: string | undefined;
  for (let i = open + 1; i < text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') {
      quote = char;
    } else if (char === ']') {
      return i;
    } else if (char === '[') {
      return -1;
    }
  }
  return -1;
}

function parseSelectors(inner: string): Segment | string {
  if (inner === '') return 'empty brackets "[]"; write a name, an index or "*"';
  if (inner === '*') return { type: 'wildcard' };
  const slice = SLICE.exec(inner.replace(/\s+/g, ''));
  if (slice) {
    if (slice[3] === '0') return `the slice [${inner}] has a step of 0`;
    const [, start = '', end = '', step] = slice;
    return { type: 'slice', text: `${start}:${end}${step ? `:${step}` : ''}` };
  }
  const members: (string | number)[] = [];
  for (const part of splitUnion(inner)) {
    const member = part.trim();
    if (/^(0|[1-9]\d*)$/.test(member)) members.push(Number(member));
    else if (/^-\d+$/.test(member)) return `negative index [${member}] is not supported; use a slice such as [${member}:]`;
    else if (/^'[^']*'$|^"[^"]*"$/.test(member)) {
      const name = member.slice(1, -1);
      if (name === '') return 'an empty name [\'\'] is not supported';
      if (UNSAFE_IN_NAME.test(name) || name === '..' || SLICE.test(name)) return `the name ${member} contains characters elb-lint does not accept in a path (quotes, brackets, \\ ; ~ ^ @ \` ( ) ? , * $ %)`;
      members.push(name);
    } else if (IDENTIFIER.test(member) && IDENTIFIER.exec(member)?.[0] === member) {
      members.push(member);
    } else {
      return `"[${inner}]" is not a selector elb-lint understands: use ['name'], an index such as [0], a slice such as [0:2], [*], or a list such as [0,1]`;
    }
  }
  if (members.length === 1) {
    const only = members[0] as string | number;
    return typeof only === 'number' ? { type: 'index', index: only } : { type: 'name', name: only };
  }
  const names = members.filter((member) => typeof member === 'string') as string[];
  if (names.some((name) => !(IDENTIFIER.exec(name)?.[0] === name))) return `a list "[${inner}]" may only hold plain names (letters, digits, "_", "-") and indexes`;
  return { type: 'union', members };
}

function splitUnion(inner: string): string[] {
  const parts: string[] = [];
  let quote: string | undefined;
  let current = '';
  for (const char of inner) {
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') {
      quote = char;
    } else if (char === ',') {
      parts.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  parts.push(current);
  return parts;
}

function build(segments: Segment[]): JsonPath {
  let canonical = '$';
  const tokens = ['$'];
  let afterDescendant = false;
  for (const segment of segments) {
    switch (segment.type) {
      case 'descendant':
        canonical += '..';
        tokens.push('..');
        afterDescendant = true;
        continue;
      case 'name':
        canonical += IDENTIFIER.exec(segment.name)?.[0] === segment.name ? `${afterDescendant ? '' : '.'}${segment.name}` : `['${segment.name}']`;
        tokens.push(segment.name);
        break;
      case 'index':
        canonical += `[${segment.index}]`;
        tokens.push(String(segment.index));
        break;
      case 'wildcard':
        canonical += afterDescendant ? '*' : '[*]';
        tokens.push('*');
        break;
      case 'union':
        canonical += `[${segment.members.join(',')}]`;
        tokens.push(segment.members.join(','));
        break;
      case 'slice':
        canonical += `[${segment.text}]`;
        tokens.push(segment.text);
        break;
    }
    afterDescendant = false;
  }
  const definite = segments.every((segment) => segment.type === 'name' || segment.type === 'index');
  return { segments, definite, canonical, tokens };
}

/** The JSON pointer suffix of a definite path (names and indexes only). */
export function definitePointer(path: JsonPath): string {
  return formatPointer(path.segments.map((segment) => (segment.type === 'name' ? segment.name : segment.type === 'index' ? String(segment.index) : '')));
}

// The tokens of one property or array element, found by scanning a body's text: where its key and
// value lie, and its neighbours in the container, so that an edit can replace exactly a key or a
// value token, or remove a member with its comma. Only used on text JSON.parse accepted.

import { isIndex, parsePointer } from './pointer.js';
import { elementAt, keyText, lastProperty, valueEnd } from './locate.js';
import { skipSpace, stringEnd } from './scan.js';

export interface Member {
  /** Where the member starts: its key's opening quote, or the element's first character. */
  start: number;
  /** Just after its value. */
  end: number;
  /** The key string, quotes included, for an object property. */
  key?: { start: number; end: number; name: string };
  valueStart: number;
}

export interface MemberSlot {
  /** The offsets of the container's opening and closing bracket (-1 for a closing one not scanned to). */
  open: number;
  close: number;
  /** The container's members in text order, up to the one after the named member (all when it is the last). */
  members: Member[];
  /** Which of them the pointer names. */
  index: number;
}

/**
 * The member the pointer names with its neighbours, for removing it with its comma: the members
 * are listed only up to the one after it (or to the end, when it is the last), not the rest of
 * the container. For a text with no duplicate key only.
 */
export function memberBeside(text: string, pointer: string): MemberSlot | undefined {
  const segments = parsePointer(pointer);
  if (segments.length === 0) return undefined;
  const open = valueStartOf(text, segments, segments.length - 1);
  if (open < 0) return undefined;
  const last = segments[segments.length - 1] as string;
  const isObject = text.charCodeAt(open) === OPEN_BRACE;
  if (!isObject && !isIndex(last)) return undefined;
  let index = isObject ? -1 : Number(last);
  const container = membersOf(text, open, (member, at) => {
    if (isObject && index < 0 && member.key?.name === last) index = at;
    return index >= 0 && at > index;
  });
  if (!container || index < 0 || index >= container.members.length) return undefined;
  return { ...container, index };
}

/**
 * The key and value tokens of the member the pointer names, found without scanning the rest of
 * its container (memberBeside lists the members before it too, which a removal needs). For a text
 * with no duplicate key only; undefined when the pointer is not in the text.
 */
export function memberTokens(text: string, pointer: string): Omit<Member, 'start'> | undefined {
  const segments = parsePointer(pointer);
  if (segments.length === 0) return undefined;
  const open = valueStartOf(text, segments, segments.length - 1);
  if (open < 0) return undefined;
  const last = segments[segments.length - 1] as string;
  const code = text.charCodeAt(open);
  if (code === OPEN_BRACE) {
    const property = lastProperty(text, open, last, true);
    if (!property) return undefined;
    return { end: valueEnd(text, property.valueStart), valueStart: property.valueStart, key: { start: property.keyStart, end: property.keyEnd, name: last } };
  }
  if (code !== OPEN_BRACKET || !isIndex(last)) return undefined;
  const element = elementAt(text, open, Number(last));
  return element < 0 ? undefined : { end: valueEnd(text, element), valueStart: element };
}

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const QUOTE = 0x22;
const COMMA = 0x2c;

/** The offset where the value the first `depth` segments lead to starts, or -1 (no duplicate keys: first matches). */
function valueStartOf(text: string, segments: readonly string[], depth: number): number {
  let at = skipSpace(text, 0);
  for (let i = 0; i < depth; i++) {
    const segment = segments[i] as string;
    const open = text.charCodeAt(at);
    if (open === OPEN_BRACE) {
      const property = lastProperty(text, at, segment, true);
      if (!property) return -1;
      at = property.valueStart;
    } else if (open === OPEN_BRACKET && isIndex(segment)) {
      at = elementAt(text, at, Number(segment));
      if (at < 0) return -1;
    } else {
      return -1;
    }
  }
  return at;
}

/**
 * The members of the object or array whose bracket is at `open`, up to the first one `enough`
 * says yes to (`close` is then -1), or all of them.
 */
function membersOf(text: string, open: number, enough: (member: Member, index: number) => boolean): { open: number; close: number; members: Member[] } | undefined {
  const code = text.charCodeAt(open);
  if (code !== OPEN_BRACE && code !== OPEN_BRACKET) return undefined;
  const members: Member[] = [];
  let at = skipSpace(text, open + 1);
  const closer = code === OPEN_BRACE ? '}' : ']';
  while (at < text.length && text[at] !== closer) {
    const start = at;
    let key: Member['key'];
    if (code === OPEN_BRACE) {
      if (text.charCodeAt(at) !== QUOTE) return undefined;
      const keyEnd = stringEnd(text, at);
      if (keyEnd < 0) return undefined;
      key = { start: at, end: keyEnd, name: keyText(text, at, keyEnd) };
      at = skipSpace(text, skipSpace(text, keyEnd) + 1);
    }
    const valueStart = at;
    const end = valueEnd(text, valueStart);
    const member: Member = key === undefined ? { start, end, valueStart } : { start, end, valueStart, key };
    members.push(member);
    if (enough(member, members.length - 1)) return { open, close: -1, members };
    at = skipSpace(text, end);
    if (text.charCodeAt(at) !== COMMA) break;
    at = skipSpace(text, at + 1);
  }
  if (text[at] !== closer) return undefined;
  return { open, close: at, members };
}

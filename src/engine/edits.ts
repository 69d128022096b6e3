// Document edits (rules say "replace the value at /pool/protocol") to text edits (offsets into the
// whole file text). An edit touches only the tokens it must: a renamed key is its key string, a
// changed value its value token, a removed member goes with its comma, and with its line when it
// stands alone on one. Every byte outside the range stays as it was.

import { memberBeside, memberTokens, type Member, type MemberSlot } from '../json/members.js';
import { getAt, isIndex, isObject, parentPointer, parsePointer, pointerText, type JsonObject } from '../json/pointer.js';
import type { TextEdit } from '../model.js';
import type { DocumentEdit, DocumentFix } from '../rules/rule.js';

interface Piece {
  start: number;
  end: number;
  text: string;
}

export interface EditSource {
  /** The body's text (as parsed: an .http file's comment lines blanked). */
  text: string;
  /** Where the body starts in the file text. */
  offset: number;
  /** The file's text as written, when it differs from the parsed one (.http comment lines). */
  original?: string | undefined;
  isPlaceholder(value: unknown): boolean;
  /**
   * The body as JSON.parse gave it (a text without duplicate keys). A fix that only replaces
   * values and renames keys is checked on this body with the edits made to it (copied along their
   * paths) rather than on a parse of the edited text: such edits swap one JSON token for another
   * and cannot break the text. It also says which keys an object has, for renames.
   */
  value: unknown;
}

/**
 * What a safe fix must also pass: the body with the fix applied, parsed. `mayHoldNull` is false
 * when neither the body's text nor the edit's holds the word, so no value can be null.
 */
export type FixCheck = (fixedBody: unknown, mayHoldNull: boolean) => boolean;

/**
 * The text edit of a fix, or undefined when it cannot be made safely: a pointer that is not in
 * the text, a placeholder value, a rename onto a key that exists, edits that overlap, a range
 * that would swallow an .http comment, or a result that would not parse.
 */
export function toTextEdit(source: EditSource, fix: DocumentFix, check?: FixCheck): TextEdit | undefined {
  const edits: readonly DocumentEdit[] = isEditList(fix) ? fix : [fix];
  const pieces: Piece[] = [];
  for (const edit of edits) {
    const piece = pieceOf(source, edit);
    if (!piece) return undefined;
    pieces.push(piece);
  }
  if (pieces.length === 0) return undefined;
  pieces.sort((a, b) => a.start - b.start);
  const { text, offset, original } = source;
  // A piece must not cover what the parsed text blanked (an .http comment line): it would be lost.
  if (original !== undefined && pieces.some((piece) => original.slice(offset + piece.start, offset + piece.end) !== text.slice(piece.start, piece.end))) return undefined;
  let parsedText = (pieces[0] as Piece).text;
  let replacement = parsedText;
  for (let i = 1; i < pieces.length; i++) {
    const previous = pieces[i - 1] as Piece;
    const piece = pieces[i] as Piece;
    if (piece.start < previous.end) return undefined;
    // The bytes between two changed tokens are kept as written, comment lines and all.
    parsedText += text.slice(previous.end, piece.start) + piece.text;
    replacement += (original ?? text).slice(offset + previous.end, offset + piece.start) + piece.text;
  }
  const start = (pieces[0] as Piece).start;
  const end = (pieces[pieces.length - 1] as Piece).end;
  if (text.slice(start, end) === parsedText) return undefined;
  const mayHoldNull = check !== undefined && (text.includes('null') || parsedText.includes('null'));
  if (edits.every(swapsATokenOnly)) {
    if (check) {
      const fixed = edited(source.value, edits);
      if (fixed === NOT_JSON || !check(fixed, mayHoldNull)) return undefined;
    }
  } else {
    const fixed = parsed(text.slice(0, start) + parsedText + text.slice(end));
    if (fixed === NOT_JSON || (check && !check(fixed, mayHoldNull))) return undefined;
  }
  return { range: [offset + start, offset + end], text: replacement };
}

function swapsATokenOnly(edit: DocumentEdit): boolean {
  return !('remove' in edit);
}

/**
 * What JSON.parse of the edited text gives, made from the parsed body: each object and array on
 * the way to an edit is copied (keys in their order, `__proto__` as plain data), the rest is
 * shared. NOT_JSON when an edit's pointer is not in the body. The edits' pointers all name the
 * body as it was, as the text edits do: values are replaced first, then keys renamed deepest
 * first, so no edit moves what a later one points at.
 */
function edited(body: unknown, edits: readonly DocumentEdit[]): unknown {
  const steps = edits
    .map((edit) => ({ edit, at: parsePointer(pointerText('replaceValue' in edit ? edit.replaceValue : 'renameKey' in edit ? edit.renameKey : edit.remove)) }))
    .sort((a, b) => Number('renameKey' in a.edit) - Number('renameKey' in b.edit) || ('renameKey' in a.edit ? b.at.length - a.at.length : 0));
  let value = body;
  for (const { edit, at } of steps) {
    value = changed(value, at, 0, edit);
    if (value === NOT_JSON) return NOT_JSON;
  }
  return value;
}

function changed(node: unknown, at: readonly string[], depth: number, edit: DocumentEdit): unknown {
  const key = at[depth] as string;
  const isArray = Array.isArray(node);
  if (typeof node !== 'object' || node === null || (isArray ? !isIndex(key) || Number(key) >= node.length : !Object.hasOwn(node, key))) return NOT_JSON;
  if (depth < at.length - 1) {
    const child = changed(isArray ? node[Number(key)] : (node as JsonObject)[key], at, depth + 1, edit);
    return child === NOT_JSON ? NOT_JSON : withMember(node, key, key, child);
  }
  if ('replaceValue' in edit) return withMember(node, key, key, JSON.parse(JSON.stringify(edit.json)) as unknown);
  if ('renameKey' in edit && !isArray) return withMember(node, key, edit.key, (node as JsonObject)[key]);
  return NOT_JSON;
}

/** A copy of the object or array with the member at `key` replaced (and, in an object, renamed to `name`). */
function withMember(node: object, key: string, name: string, value: unknown): unknown {
  if (Array.isArray(node)) {
    const copy = node.slice();
    copy[Number(key)] = value;
    return copy;
  }
  if (name === key) {
    // Spread and defineProperty make own data properties, as JSON.parse does, even "__proto__";
    // the member keeps its place among the keys.
    const copy = { ...node };
    Object.defineProperty(copy, key, { value, writable: true, enumerable: true, configurable: true });
    return copy;
  }
  // A rename keeps the key's place: the object is rebuilt (fromEntries defines each key as data).
  return Object.fromEntries(Object.entries(node).map(([member, old]) => (member === key ? [name, value] : [member, old])));
}

export function isEditList(fix: DocumentFix): fix is readonly DocumentEdit[] {
  return Array.isArray(fix);
}

// Edits are made only for a body without duplicate keys (lint-body.ts), so a pointer's way down
// the text may stop at each first match (memberTokens, memberBeside).
function pieceOf(source: EditSource, edit: DocumentEdit): Piece | undefined {
  const { text } = source;
  if ('replaceValue' in edit) {
    const member = memberTokens(text, pointerText(edit.replaceValue));
    const json = JSON.stringify(edit.json);
    if (!member || json === undefined) return undefined;
    // Only a string can be a placeholder: other values need no parse to tell.
    if (text.charCodeAt(member.valueStart) === 0x22 && source.isPlaceholder(JSON.parse(text.slice(member.valueStart, member.end)))) return undefined;
    return { start: member.valueStart, end: member.end, text: json };
  }
  if ('renameKey' in edit) {
    const pointer = pointerText(edit.renameKey);
    // Renaming onto a key the object has would make a duplicate, and lose one of the values.
    const parent = getAt(source.value, parentPointer(pointer));
    if (!isObject(parent) || Object.hasOwn(parent, edit.key)) return undefined;
    const key = memberTokens(text, pointer)?.key;
    if (!key || source.isPlaceholder(key.name)) return undefined;
    return { start: key.start, end: key.end, text: JSON.stringify(edit.key) };
  }
  const slot = memberBeside(text, pointerText(edit.remove));
  return slot && { ...removalRange(text, slot), text: '' };
}

/**
 * What removing a member deletes: the member, one comma next to it, and its line if it has one of
 * its own. The slot lists the members up to the one after it (memberBeside): enough to tell a
 * last or only member, and to see both neighbours.
 */
function removalRange(text: string, { open, close, members, index }: MemberSlot): { start: number; end: number } {
  const member = members[index] as Member;
  if (members.length === 1) return { start: open + 1, end: close };
  const previous = members[index - 1];
  // The last member: from the end of the one before it (its comma goes too).
  if (index === members.length - 1) return { start: (previous as Member).end, end: member.end };
  const next = members[index + 1] as Member;
  const lineStart = text.lastIndexOf('\n', member.start - 1) + 1;
  const comma = text.indexOf(',', member.end);
  const lineBreak = text.indexOf('\n', comma + 1);
  const ownsLine = lineStart > open && /^[ \t]*$/.test(text.slice(lineStart, member.start)) &&
    lineBreak >= 0 && lineBreak < next.start && /^[ \t\r]*$/.test(text.slice(comma + 1, lineBreak));
  if (ownsLine) return { start: lineStart, end: lineBreak + 1 };
  // Sharing its line with the member before it: take the comma before it, keep the one after.
  if (previous && !text.slice(previous.end, member.start).includes('\n')) return { start: previous.end, end: member.end };
  return { start: member.start, end: next.start };
}

const NOT_JSON = Symbol('not JSON');

function parsed(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return NOT_JSON;
  }
}

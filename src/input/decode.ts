// Bytes to text. The API takes UTF-8 JSON, so anything else is a finding at the first bad byte,
// never a crash or a silent replacement character.

import { HEAD_BYTES } from '../engine/limits.js';

export interface DecodedText {
  ok: true;
  text: string;
}

export interface UndecodableText {
  ok: false;
  /** Offset in the decoded prefix (so line/column can be computed), and why. */
  offset: number;
  /** The text up to the problem, for line/column. */
  prefix: string;
  /** The file's start decoded as well as it can be, to tell whether it is a request body at all. */
  head: string;
  reason: string;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Looks at the first 8000 bytes for a NUL, as git does to call a file binary. */
const BINARY_SNIFF_BYTES = 8000;

export function decodeBody(bytes: Uint8Array): DecodedText | UndecodableText {
  // The common case first, with no views of the bytes made: valid UTF-8 without a byte order mark
  // of any kind and without a NUL. Anything else takes the exact way below.
  if (bytes[0] !== 0xff && bytes[0] !== 0xfe && bytes[0] !== 0xef) {
    let text: string | undefined;
    try {
      text = strictUtf8.decode(bytes);
    } catch {
      // Not UTF-8: said below where.
    }
    if (text !== undefined && !text.includes('\u0000')) return { ok: true, text };
  }
  return decodeExactly(bytes);
}

function decodeExactly(bytes: Uint8Array): DecodedText | UndecodableText {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    // Saved as "Unicode" by some Windows editors: still recognisably a body, so still reported.
    const head = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(0, HEAD_BYTES));
    return { ok: false, offset: 0, prefix: '', head, reason: 'the file is UTF-16 (it starts with a UTF-16 byte order mark); the API takes UTF-8, so save it as UTF-8' };
  }
  const nul = bytes.subarray(0, BINARY_SNIFF_BYTES).indexOf(0);
  if (nul >= 0) {
    const prefix = lenientUtf8.decode(bytes.subarray(0, nul));
    return { ok: false, offset: prefix.length, prefix, head: prefix, reason: 'this is a binary file (it contains a NUL byte), not a JSON request body' };
  }
  // A UTF-8 byte order mark is dropped: editors hide it and do not count it as a column.
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return { ok: true, text: strictUtf8.decode(bytes.subarray(start)) };
  } catch {
    const byte = firstInvalidUtf8Byte(bytes, start);
    const prefix = lenientUtf8.decode(bytes.subarray(start, byte));
    const head = lenientUtf8.decode(bytes.subarray(start, start + HEAD_BYTES));
    const hex = (bytes[byte] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return { ok: false, offset: prefix.length, prefix, head, reason: `invalid UTF-8 (byte 0x${hex} at byte offset ${byte}); the API takes UTF-8, so re-save the file as UTF-8` };
  }
}

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8Byte(bytes: Uint8Array, from: number): number {
  let i = from;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return bytes.length;
}

function sequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i] as number;
  if (lead < 0x80) return 1;
  const continuation = (k: number, low = 0x80, high = 0xbf) => {
    const byte = bytes[i + k];
    return byte !== undefined && byte >= low && byte <= high;
  };
  if (lead >= 0xc2 && lead <= 0xdf) return continuation(1) ? 2 : 0;
  if (lead >= 0xe0 && lead <= 0xef) {
    const low = lead === 0xe0 ? 0xa0 : 0x80;
    const high = lead === 0xed ? 0x9f : 0xbf;
    return continuation(1, low, high) && continuation(2) ? 3 : 0;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    const low = lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xf4 ? 0x8f : 0xbf;
    return continuation(1, low, high) && continuation(2) && continuation(3) ? 4 : 0;
  }
  return 0;
}

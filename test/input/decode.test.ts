// decodeBody: bytes to text, with a finding at the first byte that is not UTF-8 JSON text. Clean
// UTF-8 takes a short way; these cases hold both ways to the same outcomes.

import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../src/input/decode.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const join = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => [...part]));

describe('decodeBody', () => {
  it('gives UTF-8 text as it is, multibyte characters included', () => {
    expect(decodeBody(utf8('{"name": "名字 – ok"}'))).toEqual({ ok: true, text: '{"name": "名字 – ok"}' });
  });

  it('drops a UTF-8 byte order mark, and keeps a text that starts with another character from U+F000 up', () => {
    expect(decodeBody(join(Uint8Array.of(0xef, 0xbb, 0xbf), utf8('{}')))).toEqual({ ok: true, text: '{}' });
    expect(decodeBody(utf8('\uf8ff{}'))).toEqual({ ok: true, text: '\uf8ff{}' });
  });

  it('calls a NUL in the first 8000 bytes binary, and leaves a later one to the parser', () => {
    const early = decodeBody(utf8('{"a": "x\u0000y"}'));
    expect(early).toMatchObject({ ok: false, offset: 8, reason: expect.stringContaining('binary file') });
    const late = `{"a": "${'x'.repeat(9000)}\u0000"}`;
    expect(decodeBody(utf8(late))).toEqual({ ok: true, text: late });
    // 8000 bytes but fewer characters: the limit counts bytes.
    const multibyte = `{"a": "${'名'.repeat(2700)}\u0000"}`;
    expect(decodeBody(utf8(multibyte))).toEqual({ ok: true, text: multibyte });
  });

  it('reports UTF-16 and invalid UTF-8 at the byte where they show', () => {
    expect(decodeBody(Uint8Array.of(0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00))).toMatchObject({ ok: false, offset: 0, reason: expect.stringContaining('UTF-16') });
    expect(decodeBody(Uint8Array.of(0xfe, 0xff, 0x00, 0x7b, 0x00, 0x7d))).toMatchObject({ ok: false, offset: 0, reason: expect.stringContaining('UTF-16') });
    expect(decodeBody(join(utf8('{"a": "'), Uint8Array.of(0xc3, 0x28), utf8('"}')))).toMatchObject({ ok: false, offset: 7, prefix: '{"a": "', reason: expect.stringContaining('byte 0xC3 at byte offset 7') });
  });

  it('calls a file with both a NUL and invalid UTF-8 binary, as before the short way', () => {
    expect(decodeBody(join(utf8('PNG'), Uint8Array.of(0x00, 0xff, 0xd8)))).toMatchObject({ ok: false, offset: 3, reason: expect.stringContaining('binary file') });
  });
});

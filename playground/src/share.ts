// The page's state in the URL fragment, so a link reproduces it. The fragment never reaches a
// server. Compressed with the browser's own deflate (CompressionStream); where it is missing,
// the JSON goes in uncompressed under another prefix.

import { isKind, type Kind } from '../../src/model.js';

export interface SharedState {
  text: string;
  path: string;
  kind: Kind | undefined;
  config: string;
  flavors: string;
}

const DEFLATED = 'z1.';
const PLAIN = 'j1.';

export async function encodeState(state: SharedState): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify({ t: state.text, p: state.path, k: state.kind ?? null, c: state.config, f: state.flavors }));
  if (typeof CompressionStream === 'undefined') return PLAIN + toBase64Url(json);
  return DEFLATED + toBase64Url(await transform(json, new CompressionStream('deflate-raw')));
}

/** The state in a fragment (with or without its `#`); undefined for one this page did not make. */
export async function decodeState(fragment: string): Promise<SharedState | undefined> {
  const value = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  let bytes: Uint8Array;
  if (value.startsWith(DEFLATED)) {
    if (typeof DecompressionStream === 'undefined') throw new Error('this browser cannot decompress the link (no DecompressionStream)');
    bytes = await transform(fromBase64Url(value.slice(DEFLATED.length)), new DecompressionStream('deflate-raw'));
  } else if (value.startsWith(PLAIN)) {
    bytes = fromBase64Url(value.slice(PLAIN.length));
  } else {
    return undefined;
  }
  const data: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  if (typeof data !== 'object' || data === null) throw new Error('the link holds no playground state');
  const { t, p, k, c, f } = data as Record<string, unknown>;
  const text = (field: unknown, fallback: string) => (typeof field === 'string' ? field : fallback);
  return { text: text(t, ''), path: text(p, 'body.json'), kind: isKind(k) ? k : undefined, config: text(c, ''), flavors: text(f, '') };
}

async function transform(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const output = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(output).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

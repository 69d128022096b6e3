// The string formats the request schemas use. Regular expressions only, so Ajv's standalone
// code inlines them and the linter needs no format library at run time.

import { fullFormats } from 'ajv-formats/dist/formats.js';

const ipv4 = fullFormats.ipv4 as RegExp;
const ipv6 = fullFormats.ipv6 as RegExp;

export const FORMATS = {
  // Huawei IDs are plain RFC 4122 text; no `urn:uuid:` prefix, no braces.
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  ipv4,
  ipv6,
  ip: new RegExp(`(?:${ipv4.source})|(?:${ipv6.source})`, 'i'),
} as const;

export type FormatName = keyof typeof FORMATS;

// Reads a saved `GET /v3/{project_id}/elb/flavors` response file into a FlavorCatalog; any
// problem (unreadable, or one parseFlavorCatalog finds) is a configuration error.

import { MAX_FILE_BYTES } from '../engine/limits.js';
import { ConfigError } from './errors.js';
import type { FlavorCatalog } from '../model.js';
import { parseFlavorCatalog } from './flavors.js';
import { readConfigText } from './read-config.js';

/** Where the catalog was named, for a file that cannot be read at all. */
export interface NamedAt {
  file: string | undefined;
  line?: number;
  column?: number;
  /** How the option or key names it, e.g. `--flavors` or `flavors`. */
  what: string;
}

export function loadFlavorCatalog(file: string, source: string, namedAt: NamedAt): FlavorCatalog {
  const parsed = parseFlavorCatalog(readText(file, namedAt), file, source);
  if (!parsed.ok) throw new ConfigError(parsed.problems);
  return parsed.catalog;
}

function readText(file: string, namedAt: NamedAt): string {
  const read = readConfigText(file, MAX_FILE_BYTES, 'a flavor catalog');
  if (read.ok) return read.text;
  throw new ConfigError([{ file: namedAt.file, line: namedAt.line, column: namedAt.column, message: `${namedAt.what}: cannot read the flavor catalog "${file}": ${read.reason}.` }]);
}

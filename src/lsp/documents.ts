// Which editor documents elb-lint looks at, and under what name. A file on disk is linted under
// its own path (its directory picks the config, as the CLI's does); an `untitled:` buffer under
// its name in the workspace folder. Other schemes (a diff's `git:` side, an output pane) are not
// files of the project and get nothing, so no finding shows twice.

import { fileURLToPath } from 'node:url';
import { basename, dirname, join } from 'node:path';
import { isHttpPath } from '../engine/lint-file.js';

export interface DocumentTarget {
  /** Absolute path of the file; for an untitled buffer, where it would be in the workspace folder. */
  file: string;
  /** The directory whose nearest config applies. */
  directory: string;
  /** Whether the editor says it is JSON or an HTTP request file (by language or extension). */
  requestLanguage: boolean;
  /** Read as an `.http` file (the engine tells that framing by the name's extension). */
  http: boolean;
  untitled: boolean;
}

const HTTP_LANGUAGES = new Set(['http', 'rest', 'restclient']);
const JSON_LANGUAGES = new Set(['json']);

export function targetOf(uri: string, languageId: string, workspaceFolder: (uri: string) => string | undefined): DocumentTarget | undefined {
  const http = HTTP_LANGUAGES.has(languageId);
  if (uri.startsWith('file:')) {
    const file = filePath(uri);
    if (file === undefined) return undefined;
    const byExtension = file.endsWith('.json') || isHttpPath(file);
    return { file, directory: dirname(file), requestLanguage: JSON_LANGUAGES.has(languageId) || http || byExtension, http: http || isHttpPath(file), untitled: false };
  }
  if (uri.startsWith('untitled:')) {
    const folder = workspaceFolder(uri) ?? process.cwd();
    const name = safeName(decodeURIComponent(uri.slice('untitled:'.length)));
    return { file: join(folder, name), directory: folder, requestLanguage: JSON_LANGUAGES.has(languageId) || http, http: http || isHttpPath(name), untitled: true };
  }
  return undefined;
}

/** The name the engine sees: an `.http` buffer that is not called so gets the extension. */
export function lintName(target: DocumentTarget): string {
  return target.http && !isHttpPath(target.file) ? `${target.file}.http` : target.file;
}

export function filePath(uri: string): string | undefined {
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** An untitled buffer's name as one path segment ("Untitled-1", never "../x"). */
function safeName(name: string): string {
  const base = basename(name.replaceAll('\\', '/'));
  return base === '' || base === '.' || base === '..' ? 'untitled' : base;
}

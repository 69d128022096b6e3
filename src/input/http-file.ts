// `.http` request files (JetBrains HTTP Client, VS Code REST Client), read the way those clients
// read them (JetBrains' "HTTP Request in Editor" spec):
//
//   ### optional title                 request separator: a line starting with ###
//   # comment, // comment, @var = x    before the request line
//   POST https://{ELB_Endpoint}/v3/{project_id}/elb/loadbalancers?x=1 HTTP/1.1
//       &more=2                        indented lines continue the request target
//   Content-Type: application/json     headers (and comment lines) up to a blank line
//
//   { "max_retries": {{retries}} }     comment lines in the body are not sent; {{…}} is filled in
//   > {% client.test(…) %}             a response handler, `<> file` response references and
//   <> 2024-01-01T000000.200.json      `@var = x` lines end the body
//
// The request line tells the kind, read as an HTTP client sends it; when its URL names no
// request at all (`POST {{lb_url}}`), the body's top-level key does. Requests for other
// operations, and bodies read from another file (`< ./body.json`), are skipped with a reason for
// --debug. Positions stay those of the file: the body is a range of the file text, comment lines
// inside it are blanked (not removed), and an unquoted `{{variable}}` value becomes a placeholder
// string of the same length.

import type { Kind } from '../model.js';
import { closest } from '../text/suggest.js';
import { unquotedVariables } from './http-variables.js';

export interface HttpRequestBody {
  /** The body's place in the file text ([start, end), after trimming). */
  start: number;
  end: number;
  /** From the request line; undefined when the request is skipped. */
  kind: Kind | undefined;
  /** Why the request is not linted (another operation, a body from a file), for --debug. */
  skipped?: string;
  /** The request line names another operation; its body is linted only when --kind or a `kinds` mapping says what it is. */
  otherOperation?: boolean;
  /** The request line's URL names no request (a variable, a bare host): the body's top-level key decides. */
  kindFromBody?: boolean;
  /** 1-based line of the request line. */
  line: number;
}

export interface HttpFile {
  /**
   * The file text with comment lines inside bodies blanked to spaces and unquoted `{{variable}}`
   * values turned into placeholder strings: same length, same lines.
   */
  text: string;
  requests: HttpRequestBody[];
}

const OPERATIONS: Readonly<Record<string, Kind>> = {
  loadbalancers: 'create-loadbalancer',
  'master-slave-pools': 'create-master-slave-pool',
};

const METHODS = 'GET|HEAD|POST|PUT|DELETE|CONNECT|PATCH|OPTIONS|TRACE';
/** `[METHOD ]target[ HTTP/x.y]`; without a method the client sends GET. */
const REQUEST_LINE = new RegExp(`^(?:(${METHODS})\\s+)?(\\S+)(?:\\s+HTTP\\/\\d+(?:\\.\\d+)?)?\\s*$`, 'i');
const SEPARATOR = /^###/;
const COMMENT = /^\s*(?:#|\/\/)/;
/** REST Client file variables (`@host = example.com`): before a request line, or after a body (which they end). */
const VARIABLE = /^\s*@[^\s=]+\s*=/;
/** `> {% script %}` or `> handler.js`; `<> previous-response.json`. */
const HANDLER = /^(?:>\s*\{%|>\s+\S|<>\s+\S)/;
/** `< ./body.json` (JetBrains, REST Client), `<@ ./body.json` / `<@latin1 ./body.json` (REST Client). */
// (`(\S.*)$` and a trimEnd, not `(\S.*?)\s*$`: that lazy form is quadratic on a line of spaces.)
const INPUT_FILE = /^<(?:@\S*)?\s+(\S.*)$/;

interface Line {
  text: string;
  /** Offsets of the line's first character and of its end (before the line break). */
  start: number;
  end: number;
  /** 1-based. */
  number: number;
}

export function parseHttpFile(text: string): HttpFile {
  const lines = splitLines(text);
  const requests: HttpRequestBody[] = [];
  const blanked: Replacement[] = [];
  let blockStart = 0;
  for (let index = 0; index <= lines.length; index++) {
    if (index < lines.length && !SEPARATOR.test(lines[index]!.text)) continue;
    const request = parseRequest(lines.slice(blockStart, index), blanked);
    if (request) requests.push(request);
    blockStart = index + 1;
  }
  return { text: replace(text, blanked), requests };
}

/** A range of the file text and what replaces it (of the same length). */
interface Replacement {
  start: number;
  end: number;
  /** Spaces when absent. */
  text?: string;
}

/** One block between separators: comments, the request line, headers, body, handlers. */
function parseRequest(block: Line[], blanked: Replacement[]): HttpRequestBody | undefined {
  let index = 0;
  while (index < block.length && (isBlank(block[index]!) || COMMENT.test(block[index]!.text) || VARIABLE.test(block[index]!.text))) index++;
  const requestLine = block[index];
  if (!requestLine) return undefined;
  let target = requestLine.text.trim();
  index++;
  // Indented lines right after the request line continue its target (JetBrains, REST Client).
  while (index < block.length && /^\s+\S/.test(block[index]!.text) && !COMMENT.test(block[index]!.text)) {
    target += block[index]!.text.trim();
    index++;
  }
  // Headers (and comments) up to the blank line. A line opening a JSON value starts the body even
  // without the blank line: no header name starts with { or [.
  while (index < block.length && !isBlank(block[index]!) && !/^\s*[{[]/.test(block[index]!.text)) index++;
  while (index < block.length && isBlank(block[index]!)) index++;

  // The body runs to the first response handler, response reference or variable line (no line of
  // JSON starts with `@`).
  let bodyEnd = index;
  while (bodyEnd < block.length && !HANDLER.test(block[bodyEnd]!.text) && !VARIABLE.test(block[bodyEnd]!.text)) bodyEnd++;
  const body = block.slice(index, bodyEnd).filter((line) => !isBlank(line));
  const content = body.filter((line) => !COMMENT.test(line.text));
  const start = content[0]?.start ?? requestLine.start;
  const end = content.at(-1)?.end ?? start;
  const where = `line ${requestLine.number}`;
  for (const line of body) {
    if (COMMENT.test(line.text)) {
      if (line.start > start && line.end < end) blanked.push({ start: line.start, end: line.end });
    } else {
      for (const variable of unquotedVariables(line.text)) blanked.push({ start: line.start + variable.start, end: line.start + variable.end, text: variable.placeholder });
    }
  }

  const shown = requestLine.text.trim();
  const match = REQUEST_LINE.exec(target);
  if (!match) return { start, end, kind: undefined, line: requestLine.number, skipped: `${where}: "${shown}" is not a request line` };
  const method = (match[1] ?? 'GET').toUpperCase();
  const operation = method === 'POST' ? operationOf(match[2] as string) : 'other';
  if (operation === 'other') {
    return { start, end, kind: undefined, line: requestLine.number, otherOperation: true, skipped: `${where}: ${shown} is not a create-loadbalancer or create-master-slave-pool request` };
  }
  const kind = operation === 'body' ? undefined : operation;
  const inputFile = content[0] && INPUT_FILE.exec(content[0].text);
  if (inputFile) {
    return { start, end, kind, line: requestLine.number, skipped: `${where}: the body is read from ${(inputFile[1] as string).trimEnd()}; lint that file instead` };
  }
  // A create request without a body: lint the empty body at the request line (the API rejects it).
  // Without a kind and without a body there is nothing to tell it by.
  if (operation === 'body') {
    return content.length === 0
      ? { start, end, kind, line: requestLine.number, skipped: `${where}: ${shown} names no request and has no body` }
      : { start, end, kind, line: requestLine.number, kindFromBody: true };
  }
  return { start, end, kind, line: requestLine.number };
}

/**
 * The request a POST target names: create-loadbalancer (…/v3/{project_id}/elb/loadbalancers),
 * create-master-slave-pool (…/elb/master-slave-pools), another request ('other'), or none that can
 * be told from the URL ('body': a variable, a bare host, a near miss of an operation), when the
 * body's top-level key decides. The path is read as the client sends it and the server routes it:
 * scheme, host, query and fragment dropped, percent-escapes decoded, `;params` dropped, empty and
 * `.` segments collapsed, `..` resolved. A base URL in a variable (`{{base}}/elb/loadbalancers`)
 * is taken to be v3.
 */
function operationOf(target: string): Kind | 'other' | 'body' {
  const segments = pathSegments(target);
  const last = segments.at(-1);
  if (last === undefined || last.includes('{{')) return 'body';
  const elb = segments.lastIndexOf('elb');
  if (elb >= 0 && elb === segments.length - 2) {
    const base = segments.slice(0, elb);
    if (Object.hasOwn(OPERATIONS, last)) {
      const versioned = base.length >= 2 && base.at(-2) === 'v3';
      const inVariable = base.some((segment) => segment.includes('{{')) && !base.some((segment) => /^v[12](\.\d+)?$/.test(segment));
      return versioned || inVariable ? (OPERATIONS[last] as Kind) : 'other';
    }
    return closest(last, Object.keys(OPERATIONS)) === undefined ? 'other' : 'body';
  }
  if (elb >= 0 || segments.includes('lbaas') || segments.some((segment) => /^v[12](\.\d+)?$/.test(segment))) return 'other';
  // No ELB path: a URL that ends in one of the operations (`{{base}}/loadbalancers`) leaves it to the body.
  return Object.hasOwn(OPERATIONS, last) ? 'body' : 'other';
}

/** The path's segments as the server routes them (see operationOf). */
function pathSegments(target: string): string[] {
  let path = target;
  const query = path.search(/[?#]/);
  if (query >= 0) path = path.slice(0, query);
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/]*/.exec(path);
  if (scheme) path = path.slice(scheme[0].length);
  const segments: string[] = [];
  for (const raw of decodePercent(path).split('/')) {
    const semicolon = raw.indexOf(';');
    const segment = semicolon >= 0 ? raw.slice(0, semicolon) : raw;
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return segments;
}

/** Percent-escapes decoded as UTF-8; a run that is not valid UTF-8 stays as written. */
function decodePercent(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

function isBlank(line: Line): boolean {
  return line.text.trim() === '';
}

/** Replaces the given ranges (in order, same lengths), keeping every offset and line break. */
function replace(text: string, ranges: readonly Replacement[]): string {
  if (ranges.length === 0) return text;
  let out = '';
  let at = 0;
  for (const range of ranges) {
    out += text.slice(at, range.start) + (range.text ?? ' '.repeat(range.end - range.start));
    at = range.end;
  }
  return out + text.slice(at);
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const pattern = /([^\r\n]*)(\r\n|\r|\n|$)/g;
  let number = 1;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const content = match[1] as string;
    lines.push({ text: content, start: match.index, end: match.index + content.length, number: number++ });
    if (match[2] === '') break;
  }
  return lines;
}

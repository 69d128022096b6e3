// `.http` request files (JetBrains HTTP Client, VS Code REST Client), read the way those clients
// read them (JetBrains' "HTTP Request in Editor" spec):
//
//   ### optional title                 request separator: a line starting with ###
//   # comment, // comment, @var = x    before the request line
//   POST https://{ELB_Endpoint}/v3/{project_id}/elb/loadbalancers?x=1 HTTP/1.1
//       &more=2                        indented lines continue the request target
//   Content-Type: application/json     headers (and comment lines) up to a blank line
//
//   { …body… }                         comment lines in the body are not sent
//   > {% client.test(…) %}             a response handler, and `<> file` response references,
//   <> 2024-01-01T000000.200.json      end the body
//
// The request line tells the kind. Requests for other operations, and bodies read from another
// file (`< ./body.json`), are skipped with a reason for --debug. Positions stay those of the file:
// the body is a range of the file text, and comment lines inside it are blanked (not removed).

import type { Kind } from '../model.js';

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
  /** 1-based line of the request line. */
  line: number;
}

export interface HttpFile {
  /** The file text with comment lines inside bodies blanked to spaces: same length, same lines. */
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
/** REST Client file variables (`@host = example.com`), allowed before a request line. */
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
  const blanked: { start: number; end: number }[] = [];
  let blockStart = 0;
  for (let index = 0; index <= lines.length; index++) {
    if (index < lines.length && !SEPARATOR.test(lines[index]!.text)) continue;
    const request = parseRequest(lines.slice(blockStart, index), blanked);
    if (request) requests.push(request);
    blockStart = index + 1;
  }
  return { text: blank(text, blanked), requests };
}

/** One block between separators: comments, the request line, headers, body, handlers. */
function parseRequest(block: Line[], blanked: { start: number; end: number }[]): HttpRequestBody | undefined {
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

  // The body runs to the first response handler or response reference.
  let bodyEnd = index;
  while (bodyEnd < block.length && !HANDLER.test(block[bodyEnd]!.text)) bodyEnd++;
  const body = block.slice(index, bodyEnd).filter((line) => !isBlank(line));
  const content = body.filter((line) => !COMMENT.test(line.text));
  const start = content[0]?.start ?? requestLine.start;
  const end = content.at(-1)?.end ?? start;
  const where = `line ${requestLine.number}`;
  for (const line of body) if (COMMENT.test(line.text) && line.start > start && line.end < end) blanked.push(line);

  const shown = requestLine.text.trim();
  const match = REQUEST_LINE.exec(target);
  if (!match) return { start, end, kind: undefined, line: requestLine.number, skipped: `${where}: "${shown}" is not a request line` };
  const method = (match[1] ?? 'GET').toUpperCase();
  const kind = method === 'POST' ? operationOf(match[2] as string) : undefined;
  if (!kind) {
    return { start, end, kind: undefined, line: requestLine.number, otherOperation: true, skipped: `${where}: ${shown} is not a create-loadbalancer or create-master-slave-pool request` };
  }
  const inputFile = content[0] && INPUT_FILE.exec(content[0].text);
  if (inputFile) {
    return { start, end, kind, line: requestLine.number, skipped: `${where}: the body is read from ${(inputFile[1] as string).trimEnd()}; lint that file instead` };
  }
  // A create request without a body: lint the empty body at the request line (the API rejects it).
  return { start, end, kind, line: requestLine.number };
}

/**
 * POST …/v3/{project_id}/elb/loadbalancers or …/master-slave-pools, with or without scheme and
 * host, query or fragment. A base URL in a variable (`{{base}}/elb/loadbalancers`) is taken to be v3.
 */
function operationOf(target: string): Kind | undefined {
  const path = withoutTrailingSlashes(target.replace(/[?#].*$/, ''));
  const match = /^(.*)\/elb\/([a-z-]+)$/.exec(path);
  if (!match || !Object.hasOwn(OPERATIONS, match[2] as string)) return undefined;
  const base = match[1] as string;
  if (/\/v3\/[^/]+$/.test(base) || (/\{\{[^{}]*\}\}/.test(base) && !/\/v[12](\.\d+)?(\/|$)/.test(base))) return OPERATIONS[match[2] as string];
  return undefined;
}

/** Not `.replace(/\/+$/, '')`: on a long run of slashes inside the text that regex is quadratic. */
function withoutTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 0x2f) end--;
  return path.slice(0, end);
}

function isBlank(line: Line): boolean {
  return line.text.trim() === '';
}

/** Replaces the given ranges with spaces, keeping every offset and line break. */
function blank(text: string, ranges: readonly { start: number; end: number }[]): string {
  if (ranges.length === 0) return text;
  let out = '';
  let at = 0;
  for (const range of ranges) {
    out += text.slice(at, range.start) + ' '.repeat(range.end - range.start);
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

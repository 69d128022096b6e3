// Unquoted `{{variable}}` values in `.http` bodies (`"max_retries": {{retries}}`): the HTTP client
// substitutes them before sending, so they are placeholders, not a syntax error that hides the rest
// of the body. The framing replaces each with a JSON string of the same length made of one
// reserved character, so the parser accepts it and every position stays exact; that string counts
// as a placeholder everywhere (schema, rules, policies), like a configured one.

/** U+FDD0, a Unicode noncharacter: reserved for a program's internal use, never in real text. */
const MARK = '\uFDD0';

/** Whether a value is what an unquoted `{{variable}}` became. */
export function isUnquotedVariable(value: unknown): boolean {
  if (typeof value !== 'string' || value.length === 0) return false;
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) !== 0xfdd0) return false;
  return true;
}

/** `{{` … `}}` with no brace, quote or line break inside; the sticky flag anchors it where tried. */
const VARIABLE = /\{\{[^{}"\r\n]*\}\}/y;

/**
 * The unquoted `{{…}}` of one body line (outside its strings; a JSON string never spans lines),
 * with the same-length placeholder for each. Linear: the pattern stops at the next brace.
 */
export function unquotedVariables(line: string): { start: number; end: number; placeholder: string }[] {
  const found: { start: number; end: number; placeholder: string }[] = [];
  let at = line.indexOf('{{');
  if (at < 0) return found;
  for (at = 0; at < line.length; ) {
    const code = line.charCodeAt(at);
    if (code === 0x22) {
      const end = stringEnd(line, at);
      if (end < 0) break;
      at = end;
    } else if (code === 0x7b && line.charCodeAt(at + 1) === 0x7b) {
      VARIABLE.lastIndex = at;
      const match = VARIABLE.exec(line);
      if (match) {
        const end = at + match[0].length;
        found.push({ start: at, end, placeholder: `"${MARK.repeat(match[0].length - 2)}"` });
        at = end;
      } else {
        at++;
      }
    } else {
      at++;
    }
  }
  return found;
}

/** Just after the quote closing the string opened at `open`, or -1; counts backslashes once. */
function stringEnd(text: string, open: number): number {
  for (let at = open + 1; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x5c) at++;
    else if (code === 0x22) return at + 1;
  }
  return -1;
}

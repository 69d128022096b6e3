// Small scans over JSON text that the parser's fast path and the locator share.

/** The offset just after the quote that closes the string opened at `open`, or -1. */
export function stringEnd(text: string, open: number): number {
  for (let from = open + 1; ; ) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return -1;
    let backslashes = 0;
    for (let i = quote - 1; text.charCodeAt(i) === 0x5c; i--) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

/** The offset of the first character at or after `from` that is not JSON whitespace (or the text's length). */
export function skipSpace(text: string, from: number): number {
  let at = from;
  for (;;) {
    const code = text.charCodeAt(at);
    if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) return at;
    at++;
  }
}

const STRUCTURAL = /["[\]{}]/g;

/**
 * The offset of the first quote or bracket at or after `from`, or -1: a native regex search
 * (`test`, which allocates no match), not a loop over every character.
 */
export function nextStructural(text: string, from: number): number {
  STRUCTURAL.lastIndex = from;
  return STRUCTURAL.test(text) ? STRUCTURAL.lastIndex - 1 : -1;
}

// Text from the linted files (keys, values, paths) reaches terminals and CI logs. A body must not be
// able to move the cursor, clear the screen, ring the bell, overwrite a line (CR) or forge a log
// line, nor reorder what is shown with bidirectional overrides ("Trojan Source"). Such characters
// are written as escapes, like JSON writes them: ESC becomes \u001B, a line break \n.

/** C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the bidi marks, embeddings, overrides and isolates. */
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

const SHORT: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** The text with every unsafe character escaped; linear (one character class, no backtracking). */
export function printable(text: string): string {
  UNSAFE.lastIndex = 0;
  if (!UNSAFE.test(text)) return text;
  return text.replace(UNSAFE, (char) => SHORT[char] ?? `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** A run of whitespace that holds a line break becomes one space, for formats with one line per finding. */
export function oneLine(text: string): string {
  // Not /\s*[\r\n]+\s*/: on a long run of spaces without a line break it retries \s* from every
  // position (quadratic; a 640 kB key took 150 s). Each maximal run is matched once here.
  return text.replace(/\s+/g, (run) => (run.includes('\n') || run.includes('\r') ? ' ' : run));
}

// Offsets to 1-based line/column in the file's original text. Lines end at \n, \r\n or a lone \r,
// as editors count them; columns count UTF-16 code units (JavaScript string indexes).

export interface Position {
  line: number;
  column: number;
}

/**
 * Line starts are found as far as the positions asked for need them, with indexOf (native) when
 * the text has no \r: most bodies with a finding ask for one or two positions near their start.
 */
export class LineIndex {
  private readonly starts: number[] = [0];
  /** Every line start up to here is known. */
  private scanned = 0;
  private crlf: boolean | undefined;

  constructor(private readonly text: string) {}

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    if (clamped >= this.scanned) this.scanTo(clamped);
    const starts = this.starts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] as number) <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: clamped - (starts[low] as number) + 1 };
  }

  /** Finds line starts past `offset`, or to the end: the line holding `offset` is then known. */
  private scanTo(offset: number): void {
    const { text, starts } = this;
    this.crlf ??= text.includes('\r');
    let at = this.scanned;
    if (!this.crlf) {
      while (at <= offset) {
        const newline = text.indexOf('\n', at);
        if (newline < 0) {
          at = text.length + 1;
          break;
        }
        starts.push(newline + 1);
        at = newline + 1;
      }
    } else {
      for (; at < text.length && at <= offset; at++) {
        const code = text.charCodeAt(at);
        if (code === 10) starts.push(at + 1);
        else if (code === 13) {
          if (text.charCodeAt(at + 1) === 10) at++;
          starts.push(at + 1);
        }
      }
      if (at >= text.length) at = text.length + 1;
    }
    this.scanned = at;
  }
}

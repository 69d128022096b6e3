// Between standard input and the protocol reader: passes well-formed LSP frames through
// untouched and drops a header block that has no usable Content-Length. vscode-jsonrpc reports
// such a block but then leaves whatever arrived with it in its buffer until more bytes come, so
// a client that sent a bad header and then waits for an answer would wait forever.

import { Transform, type TransformCallback } from 'node:stream';

const HEADER_END = Buffer.from('\r\n\r\n');
/** A header block is a line or two; more without an end is not LSP at all. */
const MAX_HEADER_BYTES = 64 * 1024;

export class FrameGuard extends Transform {
  private pending: Buffer = Buffer.alloc(0);
  /** Bytes of the current message body still to pass through. */
  private bodyLeft = 0;

  constructor(private readonly onDropped: (reason: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let data = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    for (;;) {
      if (this.bodyLeft > 0) {
        const take = Math.min(this.bodyLeft, data.length);
        if (take === 0) break;
        this.push(data.subarray(0, take));
        data = data.subarray(take);
        this.bodyLeft -= take;
        continue;
      }
      const end = data.indexOf(HEADER_END);
      if (end === -1) {
        if (data.length > MAX_HEADER_BYTES) {
          this.onDropped(`${data.length} bytes with no end of a message header`);
          data = data.subarray(data.length - (HEADER_END.length - 1));
        }
        break;
      }
      const header = data.subarray(0, end + HEADER_END.length);
      data = data.subarray(end + HEADER_END.length);
      const length = contentLength(header.toString('latin1'));
      if (length === undefined) {
        this.onDropped(`a message header without a valid Content-Length: ${JSON.stringify(header.toString('latin1').slice(0, 200))}`);
        continue;
      }
      this.push(header);
      this.bodyLeft = length;
    }
    this.pending = Buffer.from(data);
    done();
  }
}

function contentLength(header: string): number | undefined {
  let length: number | undefined;
  for (const line of header.split('\r\n').slice(0, -2)) {
    const colon = line.indexOf(':');
    if (colon <= 0) return undefined;
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d{1,12}$/.test(value)) return undefined;
    length = Number(value);
  }
  return length;
}

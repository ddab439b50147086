import { open } from 'node:fs/promises';

export interface RawLine {
  /** 1-based line number. */
  lineNo: number;
  /** The line's text without its newline. */
  text: string;
  /** Byte offset just past this line (and its newline), i.e. where a truncation would keep it. */
  end: number;
  /** False only for a last line with no newline: a write that was interrupted. */
  terminated: boolean;
}

/**
 * Streams a file's lines with exact byte offsets, up to the size the file had when we opened it,
 * so a reader gets a consistent snapshot while a writer keeps appending. readline is not used
 * because it cannot tell whether the last line ended with a newline, and it splits on lone CR.
 */
export async function* ndjsonLines(file: string): AsyncGenerator<RawLine> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size === 0) return;
    const stream = handle.createReadStream({ start: 0, end: size - 1, highWaterMark: 1 << 20, autoClose: false });
    let carry: Buffer = Buffer.alloc(0);
    let offset = 0; // bytes before `carry`
    let lineNo = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const buffer = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      let start = 0;
      for (let nl = buffer.indexOf(10, start); nl !== -1; nl = buffer.indexOf(10, start)) {
        lineNo++;
        yield { lineNo, text: buffer.toString('utf8', start, nl), end: offset + nl + 1, terminated: true };
        start = nl + 1;
      }
      offset += start;
      carry = buffer.subarray(start);
    }
    if (carry.length > 0) {
      yield { lineNo: lineNo + 1, text: carry.toString('utf8'), end: offset + carry.length, terminated: false };
    }
  } finally {
    await handle.close();
  }
}

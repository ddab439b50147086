import { StringDecoder } from 'node:string_decoder';

/** A chunk handler that emits whole lines; `flush()` emits a last line that had no newline. */
export interface LineSink {
  (chunk: string | Buffer): void;
  flush(): void;
}

/**
 * Streams arrive in arbitrary chunks (a line can be split across two, and so can a UTF-8
 * character); a log view and a journal want whole lines, so this buffers the partial tail.
 * `\r\n` endings lose their `\r` so Windows-style output reads the same.
 */
export function lineSplitter(onLine: (line: string) => void): LineSink {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  const emit = (line: string) => onLine(line.endsWith('\r') ? line.slice(0, -1) : line);
  const sink = ((chunk: string | Buffer) => {
    pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let newline = pending.indexOf('\n');
    while (newline !== -1) {
      emit(pending.slice(0, newline));
      pending = pending.slice(newline + 1);
      newline = pending.indexOf('\n');
    }
  }) as LineSink;
  sink.flush = () => {
    pending += decoder.end();
    if (pending !== '') emit(pending);
    pending = '';
  };
  return sink;
}

import { closeSync, fdatasyncSync, openSync, writeSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fsError, JournalError } from './journal-error';

export const LOGS_FILE = 'logs.ndjson';

export type LogStream = 'stdout' | 'stderr' | 'info';

export interface LogEntry {
  at: string;
  source: string;
  stream: LogStream;
  line: string;
}

export interface LogsOptions {
  /** Rewrites each output line before it is stored (secrets out). */
  redact?: (text: string) => string;
  /** How long a line may wait in memory before it is written; default 100 ms. */
  flushMs?: number;
  /** Buffered bytes that force an immediate write; default 4 MB. */
  maxBufferBytes?: number;
  now?: () => Date;
}

export interface LogsWriter {
  readonly file: string;
  /** Buffers one line; throws (naming the file) if an earlier write failed or the writer is closed. */
  write(entry: { at?: string; source: string; stream: LogStream; line: string }): void;
  /** Writes what is buffered now. */
  flush(): void;
  /** Flushes, syncs once and closes. */
  close(): void;
}

/**
 * Output lines are many and cheap, so unlike the journal they are not synced one by one: they
 * collect in memory and go out every ~100 ms, or at once past the size cap so memory stays bounded.
 * Writes are synchronous appends to the page cache (microseconds), which keeps them in order
 * without a queue and lets the cap be a hard bound.
 */
export async function openLogs(dir: string, options: LogsOptions = {}): Promise<LogsWriter> {
  const file = join(dir, LOGS_FILE);
  const flushMs = options.flushMs ?? 100;
  const maxBufferBytes = options.maxBufferBytes ?? 4 * 1024 * 1024;
  const now = options.now ?? (() => new Date());
  let fd: number;
  try {
    await mkdir(dir, { recursive: true });
    fd = openSync(file, 'a');
  } catch (error) {
    throw fsError(error, 'open logs', file);
  }
  let buffer: string[] = [];
  let bufferedBytes = 0;
  let timer: NodeJS.Timeout | undefined;
  let failure: JournalError | undefined;
  let closed = false;

  function flush(): void {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (failure) throw failure;
    if (buffer.length === 0) return;
    const bytes = Buffer.from(buffer.join(''), 'utf8');
    buffer = [];
    bufferedBytes = 0;
    try {
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    } catch (error) {
      failure = fsError(error, 'write logs', file);
      throw failure;
    }
  }

  function flushSoon(): void {
    try {
      flush();
    } catch {
      // Kept in `failure`; the next write or close reports it to someone who can act on it.
    }
  }

  function write(entry: { at?: string; source: string; stream: LogStream; line: string }): void {
    if (failure) throw failure;
    if (closed) throw new JournalError('closed', `logs are closed: ${file}`, { file });
    const line = options.redact ? options.redact(entry.line) : entry.line;
    const record: LogEntry = { at: entry.at ?? now().toISOString(), source: entry.source, stream: entry.stream, line };
    const text = `${JSON.stringify(record)}\n`;
    buffer.push(text);
    bufferedBytes += text.length;
    if (bufferedBytes >= maxBufferBytes) flush();
    else if (!timer) {
      timer = setTimeout(flushSoon, flushMs);
      timer.unref();
    }
  }

  function close(): void {
    if (closed) return;
    closed = true;
    try {
      flush();
      fdatasyncSync(fd);
    } catch (error) {
      throw fsError(error, 'write logs', file);
    } finally {
      closeSync(fd);
    }
  }

  return { file, write, flush, close };
}

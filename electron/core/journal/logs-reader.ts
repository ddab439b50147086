import { join } from 'node:path';
import { LOGS_FILE, type LogEntry } from './logs-writer';
import { ndjsonLines } from './ndjson-lines';

export interface LogsRead {
  entries: LogEntry[];
  /** "<file> line 12: not JSON" for lines that could not be read; the rest are still returned. */
  problems: string[];
}

function isEntry(value: unknown): value is LogEntry {
  const v = value as Partial<LogEntry> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.at === 'string' &&
    typeof v.source === 'string' &&
    (v.stream === 'stdout' || v.stream === 'stderr' || v.stream === 'info') &&
    typeof v.line === 'string'
  );
}

/**
 * Reads `<dir>/logs.ndjson` back, streaming, optionally only one source and only the last `tail`
 * entries (kept in a ring, so a huge log needs no more memory than the tail). A missing file is
 * an empty log; a last line cut off by a crash is skipped silently, since logs are not synced.
 */
export async function readLogs(dir: string, query: { source?: string; tail?: number } = {}): Promise<LogsRead> {
  const file = join(dir, LOGS_FILE);
  const entries: LogEntry[] = [];
  const problems: string[] = [];
  const tail = query.tail;
  try {
    for await (const raw of ndjsonLines(file)) {
      if (!raw.terminated) break;
      let value: unknown;
      try {
        value = JSON.parse(raw.text);
      } catch {
        problems.push(`${file} line ${raw.lineNo}: not JSON`);
        continue;
      }
      if (!isEntry(value)) {
        problems.push(`${file} line ${raw.lineNo}: not a log entry (needs at, source, stream, line)`);
        continue;
      }
      if (query.source !== undefined && value.source !== query.source) continue;
      entries.push(value);
      if (tail !== undefined && entries.length > tail * 2 + 1024) entries.splice(0, entries.length - tail);
    }
  } catch (error) {
    const errno = (error as NodeJS.ErrnoException).code;
    if (errno === 'ENOENT') return { entries: [], problems: [] };
    problems.push(`cannot read ${file} (${errno ?? (error as Error).message})`);
  }
  return { entries: tail === undefined ? entries : entries.slice(Math.max(0, entries.length - tail)), problems };
}

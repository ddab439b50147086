import type { LogLinesPush } from '../../../shared/api/schemas/log-sources';

// A chatty source (a container logging 50,000 lines/s) must not cost one socket frame per line:
// lines wait here and leave at most once per interval, consecutive lines of one stream together.
// What waits is bounded; past the bound the OLDEST lines go (counted, not kept): a view under
// overload keeps showing what the source says now instead of freezing on lines from before the
// burst. The next batch says how many were dropped, ahead of the lines that follow the gap.

export type LineStream = LogLinesPush['stream'];

export interface LineBatch {
  stream: LineStream;
  lines: string[];
  /** Lines let go since the previous flush (only on a flush's first batch). */
  dropped?: number;
}

export interface LineBatcherOptions {
  send(batches: LineBatch[]): void;
  /** Secrets masked in every line before it leaves. */
  redact?(line: string): string;
  intervalMs?: number;
  maxPending?: number;
  maxLineChars?: number;
}

export interface LineBatcher {
  add(stream: LineStream, line: string): void;
  /** Sends what waits now (before a follow's last word). */
  flush(): void;
  /** Flushes and stops: later lines are ignored. */
  close(): void;
  /** Stops without sending what waits (a follow that never started). */
  cancel(): void;
}

export const batchIntervalMs = 50;
export const maxPendingLines = 20_000;
export const maxLineChars = 16_384;

function clip(line: string, max: number): string {
  return line.length <= max
    ? line
    : `${line.slice(0, max)} … [${(line.length - max).toLocaleString('en')} more characters]`;
}

export function createLineBatcher(options: LineBatcherOptions): LineBatcher {
  const intervalMs = options.intervalMs ?? batchIntervalMs;
  const maxPending = options.maxPending ?? maxPendingLines;
  const maxChars = options.maxLineChars ?? maxLineChars;
  let pending: Array<{ stream: LineStream; line: string }> = [];
  let dropped = 0;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  // Lets go of the oldest lines past the bound. Called when twice the bound waits (so dropping
  // costs one splice per maxPending lines, not a shift per line) and before every send.
  const trim = () => {
    const excess = pending.length - maxPending;
    if (excess <= 0) return;
    pending.splice(0, excess);
    dropped += excess;
  };

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    trim();
    if (pending.length === 0 && dropped === 0) return;
    const batches: LineBatch[] = [];
    for (const { stream, line } of pending) {
      const last = batches[batches.length - 1];
      if (last?.stream === stream) last.lines.push(line);
      else batches.push({ stream, lines: [line] });
    }
    if (batches.length === 0) batches.push({ stream: 'info', lines: [] });
    if (dropped > 0) batches[0]!.dropped = dropped;
    pending = [];
    dropped = 0;
    options.send(batches);
  };

  return {
    add(stream, raw) {
      if (closed) return;
      if (pending.length >= 2 * maxPending) trim();
      // Masked before clipping: a clip through the middle of a secret would leave its first half.
      pending.push({ stream, line: clip(options.redact ? options.redact(raw) : raw, maxChars) });
      timer ??= setTimeout(flush, intervalMs);
    },
    flush,
    close() {
      flush();
      closed = true;
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      pending = [];
      dropped = 0;
      closed = true;
    },
  };
}

// What the log view shows and where it gets it. A feed (features/logs/log-store.ts is one) keeps
// bounded buffers per source and tells its listeners, at most once per frame, which lines arrived
// and which fell out of a buffer; the view keeps its own filtered index from those batches rather
// than refiltering every retained line on every frame.

export interface LogLine {
  /** Arrival order across every source of one feed; lines are always delivered in this order. */
  readonly seq: number;
  /** Where the line came from: an action's output (`<step>.<action>`, `@host` for remote ones). */
  readonly source: string;
  /** stdout, stderr, or info (the engine's own notes). */
  readonly stream: string;
  /** As received, colour codes kept. */
  readonly text: string;
  /** Without escape codes: what filter, search, copy and save work on. */
  readonly plain: string;
  /** When the line reached this window (ms since the epoch): the time column shows it. */
  readonly at?: number;
}

export interface LogSourceInfo {
  name: string;
  /** Lines held now. */
  retained: number;
  /** Lines received since the feed was cleared. */
  received: number;
  /** Lines pushed out of the bounded buffer (received − retained). */
  dropped: number;
  capacity: number;
}

export interface LogBatch {
  /** New lines, in seq order. */
  added: readonly LogLine[];
  /** Lines no longer retained (some may be in `added` too, when a burst overflows a buffer). */
  evicted: readonly LogLine[];
  /** Everything was cleared: rebuild from `lines()`. */
  reset: boolean;
}

export interface LogFeed {
  /** Every retained line, in seq order. */
  lines(): LogLine[];
  isRetained(line: LogLine): boolean;
  /** Bumped by every batch, so a view built from `lines()` can tell whether it missed one. */
  version(): number;
  subscribe(listener: (batch: LogBatch) => void): () => void;
}

/**
 * What a terminal would leave on screen: a progress bar redrawn with `\r` shows its last state,
 * and a CRLF line ending is not part of the text.
 */
export function lastCarriageSegment(text: string): string {
  if (text.indexOf('\r') < 0) return text;
  const trimmed = text.replace(/[\r\n]+$/, '');
  const at = trimmed.lastIndexOf('\r');
  return at < 0 ? trimmed : trimmed.slice(at + 1);
}

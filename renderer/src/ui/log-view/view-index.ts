import type { LogBatch, LogLine } from './log-line';

// The lines the view shows (selected sources, passing the filter), kept up to date batch by batch:
// a batch costs the lines it brings, not the lines retained, so a 50,000 lines/s burst filters
// ~800 lines a frame instead of every retained line. Entries stay in seq order, which lets the
// view find a line again by seq (binary search) after lines are dropped in front of it.

export interface ViewIndex {
  readonly length: number;
  at(index: number): LogLine | undefined;
  /** Index of the line with this seq, or of the first line after it when it is gone. */
  indexOfSeq(seq: number): number;
  /** Applies a batch; lines dropped anywhere in the view are removed. */
  apply(batch: LogBatch, isRetained: (line: LogLine) => boolean): void;
  rebuild(lines: readonly LogLine[]): void;
  /** Next (or previous) index from `from`, wrapping around, whose line passes `test`. */
  find(from: number, direction: 1 | -1, test: (line: LogLine) => boolean): number | undefined;
  /** Copies the shown lines out, oldest first. */
  toArray(): LogLine[];
}

export function createViewIndex(accept: (line: LogLine) => boolean): ViewIndex {
  let entries: LogLine[] = [];
  let head = 0;

  const compactHead = () => {
    // Reclaim the space of lines dropped at the front now and then, not on every batch.
    if (head > 4096 && head * 2 > entries.length) {
      entries = entries.slice(head);
      head = 0;
    }
  };

  return {
    get length() {
      return entries.length - head;
    },
    at: (index) => (index < 0 ? undefined : entries[head + index]),
    indexOfSeq(seq) {
      let lo = head;
      let hi = entries.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (entries[mid]!.seq < seq) lo = mid + 1;
        else hi = mid;
      }
      return lo - head;
    },
    apply(batch, isRetained) {
      if (batch.reset) {
        entries = [];
        head = 0;
      }
      for (const line of batch.added) if (accept(line)) entries.push(line);
      // `accept` is fixed for this index, so an evicted line passes it exactly when it is listed.
      let dead = 0;
      for (const line of batch.evicted) if (accept(line)) dead++;
      // Usually the oldest lines go first, from the front…
      while (dead > 0 && head < entries.length && !isRetained(entries[head]!)) {
        head++;
        dead--;
      }
      // …but a busy source can drop lines from between a quiet source's older ones.
      if (dead > 0) {
        entries = entries.slice(head).filter(isRetained);
        head = 0;
      }
      compactHead();
    },
    rebuild(lines) {
      entries = lines.filter(accept);
      head = 0;
    },
    find(from, direction, test) {
      const n = entries.length - head;
      for (let step = 1; step <= n; step++) {
        const index = (((from + direction * step) % n) + n) % n;
        if (test(entries[head + index]!)) return index;
      }
      return undefined;
    },
    toArray: () => entries.slice(head),
  };
}

/**
 * How many shown lines pass `test`, and where the line `currentSeq` stands among them (1-based;
 * undefined when it is not a match or not shown). One pass over the view.
 */
export function countMatches(
  view: ViewIndex,
  test: (line: LogLine) => boolean,
  currentSeq?: number,
): { total: number; position?: number } {
  let total = 0;
  let position: number | undefined;
  for (let i = 0; i < view.length; i++) {
    const line = view.at(i)!;
    if (!test(line)) continue;
    total++;
    if (line.seq === currentSeq) position = total;
  }
  return { total, position };
}

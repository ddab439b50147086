import type { AnsiSpan } from './ansi';
import type { Match } from './matcher';

export interface Segment {
  text: string;
  className: string;
  /** Inside a search match: rendered as <mark>. */
  mark: boolean;
}

/**
 * Cuts colour spans at the edges of search matches, so a match that crosses a colour change is
 * still marked as one and each piece keeps its colour. `ranges` are sorted and do not overlap,
 * as a global regex yields them.
 */
export function splitSegments(spans: readonly AnsiSpan[], ranges: readonly Match[]): Segment[] {
  if (ranges.length === 0) return spans.map((s) => ({ text: s.text, className: s.className, mark: false }));
  const out: Segment[] = [];
  let offset = 0;
  let r = 0;
  for (const span of spans) {
    const end = offset + span.text.length;
    let at = offset;
    while (at < end) {
      while (r < ranges.length && ranges[r]![1] <= at) r++;
      const range = ranges[r];
      let next: number;
      let mark: boolean;
      if (!range || range[0] >= end) {
        next = end;
        mark = false;
      } else if (range[0] > at) {
        next = range[0];
        mark = false;
      } else {
        next = Math.min(range[1], end);
        mark = true;
      }
      out.push({ text: span.text.slice(at - offset, next - offset), className: span.className, mark });
      at = next;
    }
    offset = end;
  }
  return out;
}

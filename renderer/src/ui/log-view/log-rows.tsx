import { useVirtualizer } from '@tanstack/react-virtual';
import { type ReactNode, type Ref, useCallback, useImperativeHandle, useLayoutEffect, useRef } from 'react';
import { LogRow } from './log-row';
import type { CompiledQuery } from './matcher';
import { useFollow } from './use-follow';
import type { ViewIndex } from './view-index';

/** Must match `--log-row-height` in log-view.css: fixed rows are what keep the list cheap. */
export const rowHeight = 20;

export interface LogRowsHandle {
  reveal(index: number): void;
}

export interface LogRowsProps {
  view: ViewIndex;
  version: number;
  search: CompiledQuery;
  currentSeq?: number;
  toneOf(source: string): number;
  showTime: boolean;
  /** Long lines wrap onto more rows instead of widening the scroll area. */
  wrap: boolean;
  following: boolean;
  setFollowing(following: boolean): void;
  /** Lines arriving fast: screen readers are not told about each one. */
  busy: boolean;
  label: string;
  describedBy?: string;
  /** Shown over an empty list. */
  empty: ReactNode;
  handle: Ref<LogRowsHandle>;
}

/**
 * The virtualized list: only the rows in (and just around) the viewport exist in the DOM, so
 * 10,000 or 1,000,000 retained lines cost the same to draw.
 */
export function LogRows({
  view,
  version,
  search,
  currentSeq,
  toneOf,
  showTime,
  wrap,
  following,
  setFollowing,
  busy,
  label,
  describedBy,
  empty,
  handle,
}: LogRowsProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const estimateSize = useCallback(() => rowHeight, []);
  const getScrollElement = useCallback(() => scrollRef.current, []);
  const virtualizer = useVirtualizer({ count: view.length, getScrollElement, estimateSize, overscan: 8 });
  // Unwrapped, every row is rowHeight tall and positions are arithmetic; wrapped, rows are
  // measured, and the follow logic asks the list where a row starts and which row is at a point.
  const layout = wrap
    ? {
        offsetOf: (index: number) => virtualizer.getOffsetForIndex(index, 'start')?.[0] ?? index * rowHeight,
        indexAt: (top: number) => virtualizer.getVirtualItemForOffset(top)?.index ?? Math.floor(top / rowHeight),
      }
    : undefined;
  const follow = useFollow(scrollRef, view, version, rowHeight, following, setFollowing, layout);
  // Heights measured for one mode are wrong for the other.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `wrap` is the signal to measure again
  useLayoutEffect(() => virtualizer.measure(), [wrap, virtualizer]);
  useImperativeHandle(handle, () => ({ reveal: follow.reveal }), [follow.reveal]);

  const items = virtualizer.getVirtualItems();
  return (
    <div
      ref={scrollRef}
      className={wrap ? 'log-scroller log-wrap' : 'log-scroller'}
      role="log"
      aria-label={label}
      aria-describedby={describedBy}
      aria-live={busy ? 'off' : 'polite'}
      aria-busy={busy || undefined}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled by keyboard
      tabIndex={0}
      onScroll={follow.onScroll}
      onWheel={follow.onWheel}
      onKeyDown={follow.onKeyDown}
      onPointerDown={follow.onPointerDown}
    >
      <div className="log-canvas" style={{ height: virtualizer.getTotalSize() }}>
        <div className="log-rows" style={{ transform: `translateY(${items[0]?.start ?? 0}px)` }}>
          {items.map((item) => {
            const line = view.at(item.index);
            if (!line) return null;
            return (
              // Keyed by position: during a burst every row shows a new line each frame, and
              // updating a row's text is cheaper than replacing the row.
              <LogRow
                key={item.index}
                line={line}
                search={search}
                current={line.seq === currentSeq}
                tone={toneOf(line.source)}
                showTime={showTime}
                measure={wrap ? virtualizer.measureElement : undefined}
                index={item.index}
              />
            );
          })}
        </div>
      </div>
      {view.length === 0 ? <div className="log-empty">{empty}</div> : null}
    </div>
  );
}

import { useVirtualizer } from '@tanstack/react-virtual';
import { type ReactNode, type Ref, useCallback, useImperativeHandle, useRef } from 'react';
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
  const follow = useFollow(scrollRef, view, version, rowHeight, following, setFollowing);
  useImperativeHandle(handle, () => ({ reveal: follow.reveal }), [follow.reveal]);

  const items = virtualizer.getVirtualItems();
  return (
    <div
      ref={scrollRef}
      className="log-scroller"
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
              />
            );
          })}
        </div>
      </div>
      {view.length === 0 ? <div className="log-empty">{empty}</div> : null}
    </div>
  );
}

import { type RefObject, useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import type { ViewIndex } from './view-index';

// Follow = stay at the newest line. Any sign that the person wants to read something else (a wheel
// or key scrolling up, a click to select text, dragging the scrollbar up) pauses; scrolling back
// to the bottom, or "Jump to latest", follows again. While paused, the line at the top stays put
// even as older lines are dropped in front of it: the position is kept by seq, not by offset.

export interface Follow {
  onScroll(): void;
  onWheel(event: { deltaY: number }): void;
  onKeyDown(event: { key: string }): void;
  onPointerDown(): void;
  /** Pauses and brings a line to the middle of the view (search results). */
  reveal(index: number): void;
}

const upKeys = new Set(['ArrowUp', 'PageUp', 'Home']);

/** Where rows are when they are not all rowHeight tall (wrapped lines). */
export interface RowLayout {
  offsetOf(index: number): number;
  indexAt(top: number): number;
}

function offsetOf(layout: RowLayout | undefined, index: number, rowHeight: number): number {
  return layout ? layout.offsetOf(index) : index * rowHeight;
}

function indexAt(layout: RowLayout | undefined, top: number, rowHeight: number): number {
  return layout ? layout.indexAt(top) : Math.floor(top / rowHeight);
}

export function useFollow(
  scrollRef: RefObject<HTMLElement | null>,
  view: ViewIndex,
  version: number,
  rowHeight: number,
  following: boolean,
  setFollowing: (following: boolean) => void,
  layout?: RowLayout,
): Follow {
  // Read at the moment of use: the list measures rows between renders.
  const layoutRef = useRef(layout);
  layoutRef.current = layout;
  const anchor = useRef<{ seq: number; offset: number } | undefined>(undefined);
  // The scrollTop we set ourselves: its scroll event is not the person scrolling.
  const ours = useRef<number | undefined>(undefined);

  const setTop = useCallback((el: HTMLElement, top: number) => {
    el.scrollTop = top;
    ours.current = el.scrollTop;
  }, []);

  const remember = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    const index = indexAt(layoutRef.current, el.scrollTop, rowHeight);
    const line = view.at(index);
    anchor.current = line
      ? { seq: line.seq, offset: el.scrollTop - offsetOf(layoutRef.current, index, rowHeight) }
      : undefined;
  }, [scrollRef, view, rowHeight]);

  const pause = useCallback(() => {
    if (!following) return;
    remember();
    setFollowing(false);
  }, [following, remember, setFollowing]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the signal that the view changed
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    if (following) {
      setTop(el, el.scrollHeight);
      return;
    }
    const a = anchor.current;
    if (!a) return;
    const index = view.indexOfSeq(a.seq);
    const top = offsetOf(layoutRef.current, index, rowHeight) + (view.at(index)?.seq === a.seq ? a.offset : 0);
    if (Math.abs(el.scrollTop - top) >= 1) setTop(el, top);
  }, [version, view, following, rowHeight, scrollRef, setTop]);

  // A taller or shorter window (or a horizontal scrollbar appearing) must not unstick the bottom…
  useEffect(() => {
    const el = scrollRef.current;
    if (!el || !following) return;
    const observer = new ResizeObserver(() => setTop(el, el.scrollHeight));
    observer.observe(el);
    // …nor rows growing when they are measured again (Wrap turned on).
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, [scrollRef, following, setTop]);

  return {
    onScroll() {
      const el = scrollRef.current;
      if (!el) return;
      const mine = ours.current !== undefined && Math.abs(el.scrollTop - ours.current) < 1;
      ours.current = undefined;
      if (mine) return;
      const atBottom = el.scrollHeight - el.clientHeight - el.scrollTop < rowHeight / 2;
      if (following && !atBottom) {
        remember();
        setFollowing(false);
      } else if (!following && atBottom) {
        setFollowing(true);
      } else if (!following) {
        remember();
      }
    },
    onWheel(event) {
      if (event.deltaY < 0) pause();
    },
    onKeyDown(event) {
      if (upKeys.has(event.key)) pause();
    },
    onPointerDown: pause,
    reveal(index) {
      const el = scrollRef.current;
      if (!el) return;
      const top = Math.max(0, offsetOf(layoutRef.current, index, rowHeight) - el.clientHeight / 2 + rowHeight / 2);
      setTop(el, top);
      remember();
      setFollowing(false);
    },
  };
}

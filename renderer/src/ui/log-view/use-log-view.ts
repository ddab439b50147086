import { useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { LogFeed, LogLine } from './log-line';
import { createViewIndex, type ViewIndex } from './view-index';

/** More lines than this in a second is a burst: the log region stops announcing (aria-live off). */
const burstLinesPerSecond = 20;

export interface LiveView {
  view: ViewIndex;
  /** Changes whenever the view does, at most once per feed batch. */
  version: number;
  /** Lines are arriving faster than a person could listen to them. */
  busy: boolean;
}

/**
 * The filtered lines of a feed, kept current batch by batch. A new `accept` (another filter or
 * source selection) rebuilds the index from the retained lines once.
 */
export function useLogView(feed: LogFeed, accept: (line: LogLine) => boolean): LiveView {
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  const built = useMemo(() => {
    const view = createViewIndex(accept);
    view.rebuild(feed.lines());
    return { view, at: feed.version() };
  }, [feed, accept]);
  const busy = useBurst(feed);

  // A layout effect: no frame (and so no flush) can run between the render that built the
  // index and the subscription, and a batch that did slip in is caught by the version check.
  useLayoutEffect(() => {
    const { view } = built;
    if (built.at !== feed.version()) {
      view.rebuild(feed.lines());
      built.at = feed.version();
      bump();
    }
    return feed.subscribe((batch) => {
      if (batch.reset) view.rebuild(feed.lines());
      else view.apply(batch, feed.isRetained);
      built.at = feed.version();
      bump();
    });
  }, [feed, built]);

  return { view: built.view, version, busy };
}

function useBurst(feed: LogFeed): boolean {
  const [busy, setBusy] = useState(false);
  const counter = useRef({ start: 0, lines: 0 });
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = feed.subscribe((batch) => {
      const now = performance.now();
      const w = counter.current;
      if (now - w.start > 1000) {
        w.start = now;
        w.lines = 0;
      }
      w.lines += batch.added.length;
      if (w.lines > burstLinesPerSecond) {
        setBusy(true);
        clearTimeout(timer);
        // Quiet again one second after the last burst.
        timer = setTimeout(() => setBusy(false), 1000);
      }
    });
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [feed]);
  return busy;
}

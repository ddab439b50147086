import { useEffect, useRef, useState } from 'react';
import type { CompiledQuery } from './matcher';
import { countMatches, type ViewIndex } from './view-index';

/** Counting scans every shown line; during a burst it is redone at most this often. */
const recountMs = 250;

/**
 * "3 of 120": the search's match count and the current match's place. Recounted at once when the
 * search or the current match changes, and at most four times a second as lines stream in.
 */
export function useMatchCount(
  view: ViewIndex,
  version: number,
  search: CompiledQuery,
  currentSeq: number | undefined,
): { total: number; position?: number } {
  const [result, setResult] = useState<{ total: number; position?: number }>({ total: 0 });
  const last = useRef({ at: 0, search, currentSeq, view });

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the signal that the view changed
  useEffect(() => {
    if (search.kind !== 'ok') {
      setResult({ total: 0 });
      return;
    }
    const run = () => {
      last.current = { at: performance.now(), search, currentSeq, view };
      setResult(countMatches(view, (line) => search.test(line.plain), currentSeq));
    };
    const prev = last.current;
    const asked = prev.search !== search || prev.currentSeq !== currentSeq || prev.view !== view;
    const wait = recountMs - (performance.now() - prev.at);
    if (asked || wait <= 0) {
      run();
      return;
    }
    const timer = setTimeout(run, wait);
    return () => clearTimeout(timer);
  }, [view, version, search, currentSeq]);

  return result;
}

import { useStore } from 'zustand';
import { LogView } from '../../ui/log-view/log-view';
import { syntheticLine } from './bench-source';
import { createLogStore } from './log-store';

// Loaded only for `?bench=logs#/logs` (scripts/bench/logs.ts drives it through Playwright): the
// real LogView on a store fed by a synthetic source inside the page, with `window.__rpLogsBench`
// to run a burst and report what the page measured.

const store = createLogStore();
const source = 'bench.emit@web-1';

export interface BurstFigures {
  seconds: number;
  emitted: number;
  /** Lines in the buffers when the source stopped. */
  intoBuffer: number;
  /** Newest line on screen when the source stopped, and when the screen caught up. */
  newestShownAtEnd: number;
  catchUpMs: number;
  /** Distinct lines that were on the visible page in some frame. */
  painted: number;
  frameMs: number[];
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

function newestShown(): { seq: number; rows: number } {
  const scroller = document.querySelector<HTMLElement>('.log-scroller');
  const last = scroller?.querySelector<HTMLElement>('.log-rows > :last-child');
  const rows = scroller ? Math.floor(scroller.clientHeight / 20) : 0;
  return { seq: last ? Number(last.dataset.seq) : -1, rows };
}

let sent = 0;

async function burst({ rate, seconds }: { rate: number; seconds: number }): Promise<BurstFigures> {
  const total = rate * seconds;
  const frameMs: number[] = [];
  let painted = 0;
  let lastSeen = newestShown().seq;
  let running = true;
  let previous = await nextFrame();
  const onFrame = (now: number) => {
    frameMs.push(now - previous);
    previous = now;
    const { seq, rows } = newestShown();
    if (seq > lastSeen) painted += Math.min(rows, seq - lastSeen);
    lastSeen = Math.max(lastSeen, seq);
    if (running) requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);

  const start = performance.now();
  const first = sent;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate));
      while (sent - first < due) store.push(source, 'stdout', syntheticLine(sent++));
      if (sent - first >= total) {
        clearInterval(timer);
        resolve();
      }
    }, 4);
  });
  const ended = performance.now();
  const intoBuffer = store.state.getState().received;
  running = false;
  const newestShownAtEnd = newestShown().seq;
  while (newestShown().seq < sent - 1 && performance.now() - ended < 5000) await nextFrame();
  return {
    seconds: (ended - start) / 1000,
    emitted: sent - first,
    intoBuffer,
    newestShownAtEnd,
    catchUpMs: performance.now() - ended,
    painted,
    frameMs,
  };
}

/** Pushes lines as fast as the page takes them, a chunk per frame, until `total` have gone through. */
async function stream({ total, chunk }: { total: number; chunk: number }): Promise<{ sent: number; ms: number }> {
  const start = performance.now();
  while (sent < total) {
    const end = Math.min(total, sent + chunk);
    while (sent < end) store.push(source, 'stdout', syntheticLine(sent++));
    await nextFrame();
  }
  await nextFrame();
  await nextFrame();
  return { sent, ms: performance.now() - start };
}

function retained() {
  const { sources, received } = store.state.getState();
  return {
    received,
    retained: sources.reduce((n, s) => n + s.retained, 0),
    dropped: sources.reduce((n, s) => n + s.dropped, 0),
  };
}

declare global {
  interface Window {
    __rpLogsBench?: { burst: typeof burst; stream: typeof stream; retained: typeof retained };
  }
}

window.__rpLogsBench = { burst, stream, retained };

export function BenchHarness() {
  const sources = useStore(store.state, (state) => state.sources);
  return (
    <div className="logs-bench" data-bench-ready="true">
      <h1 className="page-title">Log view benchmark</h1>
      <LogView feed={store.feed} sources={sources} fileName="bench" label="Benchmark output" />
    </div>
  );
}

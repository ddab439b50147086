import { createStore, type StoreApi } from 'zustand/vanilla';
import { isPlainText, stripAnsi } from '../../ui/log-view/ansi';
import {
  type LogBatch,
  type LogFeed,
  type LogLine,
  type LogSourceInfo,
  lastCarriageSegment,
} from '../../ui/log-view/log-line';
import { checkCapacity, createRingBuffer, type RingBuffer } from './ring-buffer';

// Live output of several sources at once, each in its own bounded ring buffer that counts what it
// dropped. A push only appends to a plain array; the lines reach the buffers, the view and React
// state together, at most once per animation frame, so a source emitting 50,000 lines/s costs
// ~60 renders a second, not 50,000.

export const defaultCapacity = 10_000;

/** Runs `flush` soon (the next frame); returns a function that cancels it. */
export type FlushScheduler = (flush: () => void) => () => void;

export interface LogStoreOptions {
  /** Lines kept per source (default 10,000). */
  capacity?: number;
  schedule?: FlushScheduler;
  /** Lines waiting for a frame before they are flushed at once (hidden tabs get no frames). */
  maxPending?: number;
}

export interface LogStoreState {
  capacity: number;
  /** In the order each source first spoke. */
  sources: LogSourceInfo[];
  /** Lines moved into the buffers since the store was cleared. */
  received: number;
  /** One more per flush. */
  version: number;
}

export interface LogStore {
  /** What React reads (`useStore(store.state, selector)`); changes once per flush. */
  state: StoreApi<LogStoreState>;
  feed: LogFeed;
  push(source: string, stream: string, text: string): void;
  /** Moves waiting lines in now (tests, the end of a benchmark, before a copy). */
  flush(): void;
  clear(): void;
  /** Forgets the sources `remove` picks, lines waiting included; the others stay as they are. */
  drop(remove: (source: string) => boolean): void;
  setCapacity(capacity: number): void;
}

/** The next animation frame, with a timer as a fallback: a hidden window gets no frames. */
export const frameScheduler: FlushScheduler = (flush) => {
  const frame = requestAnimationFrame(flush);
  const timer = setTimeout(flush, 250);
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
};

interface Source {
  name: string;
  ring: RingBuffer<LogLine>;
  received: number;
  dropped: number;
}

export function createLogStore(options: LogStoreOptions = {}): LogStore {
  let capacity = checkCapacity(options.capacity ?? defaultCapacity);
  const schedule = options.schedule ?? frameScheduler;
  const maxPending = () => options.maxPending ?? Math.max(capacity, 5_000);
  const sources = new Map<string, Source>();
  const listeners = new Set<(batch: LogBatch) => void>();
  let pending: LogLine[] = [];
  let cancelScheduled: (() => void) | undefined;
  let seq = 0;
  let version = 0;
  let received = 0;

  const state = createStore<LogStoreState>()(() => ({ capacity, sources: [], received: 0, version: 0 }));

  const sourceInfo = (source: Source): LogSourceInfo => ({
    name: source.name,
    retained: source.ring.size,
    received: source.received,
    dropped: source.dropped,
    capacity,
  });

  const publish = (batch: LogBatch) => {
    version++;
    for (const listener of listeners) listener(batch);
    state.setState({ capacity, sources: [...sources.values()].map(sourceInfo), received, version });
  };

  const flush = () => {
    cancelScheduled?.();
    cancelScheduled = undefined;
    if (pending.length === 0) return;
    const added = pending;
    pending = [];
    const evicted: LogLine[] = [];
    for (const line of added) {
      let source = sources.get(line.source);
      if (!source) {
        source = { name: line.source, ring: createRingBuffer(capacity), received: 0, dropped: 0 };
        sources.set(line.source, source);
      }
      source.received++;
      const out = source.ring.push(line);
      if (out) {
        source.dropped++;
        evicted.push(out);
      }
    }
    received += added.length;
    publish({ added, evicted, reset: false });
  };

  const feed: LogFeed = {
    lines() {
      const rings = [...sources.values()].map((s) => s.ring.toArray());
      if (rings.length === 1) return rings[0]!;
      return rings.flat().sort((a, b) => a.seq - b.seq);
    },
    isRetained(line) {
      const oldest = sources.get(line.source)?.ring.at(0);
      return oldest !== undefined && line.seq >= oldest.seq;
    },
    version: () => version,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };

  return {
    state,
    feed,
    push(source, stream, raw) {
      const text = lastCarriageSegment(raw);
      // Most lines carry no escape codes; then the plain text is the same string, not a copy.
      const plain = isPlainText(text) ? text : stripAnsi(text);
      pending.push({ seq: seq++, source, stream, text, plain, at: Date.now() });
      if (pending.length >= maxPending()) flush();
      else cancelScheduled ??= schedule(flush);
    },
    flush,
    clear() {
      cancelScheduled?.();
      cancelScheduled = undefined;
      pending = [];
      sources.clear();
      received = 0;
      publish({ added: [], evicted: [], reset: true });
    },
    drop(remove) {
      pending = pending.filter((line) => !remove(line.source));
      let removed = 0;
      for (const source of [...sources.values()]) {
        if (!remove(source.name)) continue;
        sources.delete(source.name);
        removed += source.received;
      }
      received -= removed;
      // A rebuild from what remains: removing a source is rare, a per-line eviction list is not worth it.
      publish({ added: [], evicted: [], reset: true });
    },
    setCapacity(next) {
      checkCapacity(next);
      flush();
      capacity = next;
      const evicted: LogLine[] = [];
      for (const source of sources.values()) {
        const out = source.ring.resize(next);
        source.dropped += out.length;
        for (const line of out) evicted.push(line);
      }
      evicted.sort((a, b) => a.seq - b.seq);
      publish({ added: [], evicted, reset: false });
    },
  };
}

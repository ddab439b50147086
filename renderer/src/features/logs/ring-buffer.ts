// A fixed-capacity buffer that keeps the newest items: pushing into a full buffer overwrites the
// oldest and hands it back, so the caller can count (and tell the view about) what was dropped.
// Fixed storage, no shifting: a push is O(1) however many lines stream through.

export interface RingBuffer<T> {
  readonly capacity: number;
  readonly size: number;
  /** Adds an item; returns the item it pushed out, if the buffer was full. */
  push(item: T): T | undefined;
  /** 0 is the oldest item. */
  at(index: number): T | undefined;
  toArray(): T[];
  /** Changes the capacity, keeping the newest items; returns those that no longer fit, oldest first. */
  resize(capacity: number): T[];
  clear(): void;
}

export function checkCapacity(capacity: number): number {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new RangeError(`log buffer capacity must be a whole number of lines ≥ 1, got ${capacity}`);
  }
  return capacity;
}

export function createRingBuffer<T>(initialCapacity: number): RingBuffer<T> {
  let capacity = checkCapacity(initialCapacity);
  let items: (T | undefined)[] = new Array(capacity);
  let start = 0;
  let size = 0;

  const at = (index: number) => (index < 0 || index >= size ? undefined : items[(start + index) % capacity]);
  const toArray = () => {
    const out = new Array<T>(size);
    for (let i = 0; i < size; i++) out[i] = items[(start + i) % capacity] as T;
    return out;
  };

  return {
    get capacity() {
      return capacity;
    },
    get size() {
      return size;
    },
    push(item) {
      if (size < capacity) {
        items[(start + size) % capacity] = item;
        size++;
        return undefined;
      }
      const evicted = items[start];
      items[start] = item;
      start = (start + 1) % capacity;
      return evicted;
    },
    at,
    toArray,
    resize(next) {
      checkCapacity(next);
      const all = toArray();
      const dropped = all.length > next ? all.slice(0, all.length - next) : [];
      const kept = all.slice(dropped.length);
      capacity = next;
      items = new Array(capacity);
      for (let i = 0; i < kept.length; i++) items[i] = kept[i];
      start = 0;
      size = kept.length;
      return dropped;
    },
    clear() {
      items = new Array(capacity);
      start = 0;
      size = 0;
    },
  };
}

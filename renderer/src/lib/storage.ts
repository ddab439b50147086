// The few members of Web Storage the drafts and the token need. Pure modules take this instead of
// `window.sessionStorage`, so their tests run in Node with an in-memory stand-in.
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A Map-backed storage: the tests' stand-in, and the fallback when the browser refuses storage. */
export function memoryStorage(): StorageLike {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, value);
    },
    removeItem: (key) => {
      items.delete(key);
    },
  };
}

/**
 * Wraps a real storage so a quota error or a privacy mode that forbids storage degrades to "not
 * remembered" instead of breaking the form the person is typing into.
 */
export function forgivingStorage(get: () => StorageLike | undefined): StorageLike {
  const fallback = memoryStorage();
  const target = (): StorageLike => {
    try {
      return get() ?? fallback;
    } catch {
      return fallback;
    }
  };
  return {
    getItem(key) {
      try {
        return target().getItem(key);
      } catch {
        return fallback.getItem(key);
      }
    },
    setItem(key, value) {
      try {
        target().setItem(key, value);
      } catch {
        fallback.setItem(key, value);
      }
    },
    removeItem(key) {
      try {
        target().removeItem(key);
      } catch {
        fallback.removeItem(key);
      }
    },
  };
}

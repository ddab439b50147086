import { describe, expect, it } from 'vitest';
import { forgivingStorage, memoryStorage, type StorageLike } from './storage';

const refusing: StorageLike = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};

describe('forgivingStorage', () => {
  it('passes through to a working storage', () => {
    const inner = memoryStorage();
    const storage = forgivingStorage(() => inner);
    storage.setItem('a', '1');
    expect(inner.getItem('a')).toBe('1');
    storage.removeItem('a');
    expect(storage.getItem('a')).toBeNull();
  });

  it('keeps values in memory when the browser refuses storage', () => {
    const storage = forgivingStorage(() => refusing);
    storage.setItem('a', '1');
    expect(storage.getItem('a')).toBe('1');
  });

  it('keeps working when even reaching the storage throws', () => {
    const storage = forgivingStorage(() => {
      throw new Error('no sessionStorage here');
    });
    storage.setItem('a', '1');
    expect(storage.getItem('a')).toBe('1');
  });
});

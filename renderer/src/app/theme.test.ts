import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../lib/storage';
import { cachedTheme, cacheTheme, parseTheme } from './theme';

describe('theme', () => {
  it('accepts the three themes and falls back to following the system', () => {
    expect(parseTheme('dark')).toBe('dark');
    expect(parseTheme('light')).toBe('light');
    expect(parseTheme('system')).toBe('system');
    expect(parseTheme('sepia')).toBe('system');
    expect(parseTheme(null)).toBe('system');
  });

  it('remembers the last applied theme', () => {
    const storage = memoryStorage();
    expect(cachedTheme(storage)).toBe('system');
    cacheTheme(storage, 'dark');
    expect(cachedTheme(storage)).toBe('dark');
  });
});

import { describe, expect, it } from 'vitest';
import { suggestionsFrom } from './version-suggestions';

describe('suggestionsFrom', () => {
  it('offers the tags first, then recent commits by short sha, each with a label to recognise it', () => {
    const suggestions = suggestionsFrom(
      {
        tags: [{ name: 'v1.1.0', commit: '4ff6ae03a2490000', date: '2026-01-02' }],
        commits: [
          { sha: 'a'.repeat(40), shortSha: 'aaaaaaa', subject: 'Fix login', author: 'Ada', date: '2026-01-03' },
          { sha: 'b'.repeat(40), shortSha: 'bbbbbbb', subject: 'Older', author: 'Bob', date: '2026-01-01' },
        ],
      },
      1,
    );
    expect(suggestions).toEqual([
      { value: 'v1.1.0', label: 'tag · 4ff6ae0' },
      { value: 'aaaaaaa', label: 'Fix login (Ada)' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { compileQuery } from './matcher';

function ok(query: ReturnType<typeof compileQuery>) {
  if (query.kind !== 'ok') throw new Error(`expected a valid query, got ${query.kind}`);
  return query;
}

describe('compileQuery', () => {
  it('treats an empty query as no query', () => {
    expect(compileQuery('Filter', '', false)).toEqual({ kind: 'empty' });
    expect(compileQuery('Filter', '', true)).toEqual({ kind: 'empty' });
  });

  it('matches text as typed, case-insensitively, regex characters included', () => {
    const q = ok(compileQuery('Filter', 'error (db)', false));
    expect(q.test('ERROR (DB) timeout')).toBe(true);
    expect(q.test('error db')).toBe(false);
    expect(ok(compileQuery('Filter', 'a.b', false)).test('axb')).toBe(false);
  });

  it('gives every match range, for highlighting', () => {
    const q = ok(compileQuery('Search', 'ab', false));
    expect(q.ranges('xxABxab')).toEqual([
      [2, 4],
      [5, 7],
    ]);
    expect(q.ranges('none')).toEqual([]);
  });

  it('accepts a regular expression when asked, case-insensitively', () => {
    const q = ok(compileQuery('Search', 'status=(5\\d\\d)', true));
    expect(q.test('STATUS=503')).toBe(true);
    expect(q.test('status=200')).toBe(false);
    expect(q.ranges('a status=500 b status=502')).toEqual([
      [2, 12],
      [15, 25],
    ]);
  });

  it('gives the same answer on repeated tests (no lastIndex state)', () => {
    const q = ok(compileQuery('Filter', 'x', true));
    expect([q.test('x'), q.test('x'), q.test('x')]).toEqual([true, true, true]);
  });

  it('skips empty matches instead of looping forever', () => {
    const q = ok(compileQuery('Search', 'z*', true));
    expect(q.ranges('abzzc')).toEqual([[2, 4]]);
    expect(q.test('abc')).toBe(true);
  });

  it('explains an invalid regular expression, naming the field, instead of throwing', () => {
    const q = compileQuery('Filter', 'error(', true);
    expect(q.kind).toBe('invalid');
    if (q.kind !== 'invalid') return;
    expect(q.message).toMatch(/^Filter: "error\(" is not a valid regular expression \(unterminated group\)/);
    expect(q.message).toContain('Turn off "Regex"');
    // The same text is fine when matched as typed.
    expect(compileQuery('Filter', 'error(', false).kind).toBe('ok');
  });

  it('names the search box in its own message', () => {
    const q = compileQuery('Search', '[a-', true);
    expect(q.kind === 'invalid' && q.message.startsWith('Search: "[a-"')).toBe(true);
  });
});

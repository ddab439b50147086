import { describe, expect, it } from 'vitest';
import { parseAnsi } from './ansi';
import { splitSegments } from './segments';

const esc = '\u001b';

describe('splitSegments', () => {
  it('passes spans through when nothing is marked', () => {
    expect(splitSegments([{ text: 'abc', className: 'ansi-fg-1' }], [])).toEqual([
      { text: 'abc', className: 'ansi-fg-1', mark: false },
    ]);
  });

  it('marks a match inside one span', () => {
    expect(splitSegments(parseAnsi('hello world'), [[6, 11]])).toEqual([
      { text: 'hello ', className: '', mark: false },
      { text: 'world', className: '', mark: true },
    ]);
  });

  it('marks a match that crosses a colour change, each piece keeping its colour', () => {
    const spans = parseAnsi(`${esc}[32mOK${esc}[0m done`);
    expect(splitSegments(spans, [[1, 4]])).toEqual([
      { text: 'O', className: 'ansi-fg-2', mark: false },
      { text: 'K', className: 'ansi-fg-2', mark: true },
      { text: ' d', className: '', mark: true },
      { text: 'one', className: '', mark: false },
    ]);
  });

  it('handles several matches and a match running past the shown text', () => {
    const segments = splitSegments(parseAnsi('abab'), [
      [0, 1],
      [2, 3],
      [3, 99],
    ]);
    expect(segments.map((s) => `${s.mark ? '[' : ''}${s.text}${s.mark ? ']' : ''}`).join('')).toBe('[a]b[a][b]');
  });
});

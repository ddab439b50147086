import { describe, expect, it } from 'vitest';
import { lineSplitter } from './line-splitter';

function collect() {
  const lines: string[] = [];
  return { lines, sink: lineSplitter((line) => lines.push(line)) };
}

describe('lineSplitter', () => {
  it('joins a line split across chunks and keeps the partial tail until flushed', () => {
    const { lines, sink } = collect();
    sink('hel');
    sink('lo\nwor');
    expect(lines).toEqual(['hello']);
    sink('ld\n\nlast');
    expect(lines).toEqual(['hello', 'world', '']);
    sink.flush();
    expect(lines).toEqual(['hello', 'world', '', 'last']);
    sink.flush();
    expect(lines).toHaveLength(4);
  });

  it('drops the carriage return of CRLF endings', () => {
    const { lines, sink } = collect();
    sink('a\r\nb\r');
    sink('\n');
    expect(lines).toEqual(['a', 'b']);
  });

  it('does not break a UTF-8 character split across two Buffer chunks', () => {
    const { lines, sink } = collect();
    const bytes = Buffer.from('déploiement ✓\n');
    sink(bytes.subarray(0, 2));
    sink(bytes.subarray(2, 14));
    sink(bytes.subarray(14));
    expect(lines).toEqual(['déploiement ✓']);
  });
});

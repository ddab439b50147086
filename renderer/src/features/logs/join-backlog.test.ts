import { describe, expect, it } from 'vitest';
import { newerThanBacklog } from './join-backlog';

const out = (line: string, source = 'build.run') => ({ source, stream: 'stdout', line });

describe('newerThanBacklog', () => {
  it('keeps every held line when none is in the backlog', () => {
    expect(newerThanBacklog([out('1'), out('2')], [out('3')])).toEqual([out('3')]);
    expect(newerThanBacklog([], [out('1')])).toEqual([out('1')]);
  });

  it('drops held lines that are already the end of the backlog', () => {
    expect(newerThanBacklog([out('1'), out('2'), out('3')], [out('2'), out('3'), out('4')])).toEqual([out('4')]);
    expect(newerThanBacklog([out('1'), out('2')], [out('2')])).toEqual([]);
  });

  it('takes the largest overlap when lines repeat', () => {
    expect(newerThanBacklog([out('x'), out('x')], [out('x'), out('x'), out('y')])).toEqual([out('y')]);
  });

  it('tells sources apart', () => {
    expect(newerThanBacklog([out('1', 'a')], [out('1', 'b')])).toEqual([out('1', 'b')]);
  });
});

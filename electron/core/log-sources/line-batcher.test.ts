import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRedactor } from '../../../shared/runs/redact';
import { createLineBatcher, type LineBatch } from './line-batcher';

describe('createLineBatcher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function collect(options: Partial<Parameters<typeof createLineBatcher>[0]> = {}) {
    const sent: LineBatch[][] = [];
    const batcher = createLineBatcher({ send: (batches) => sent.push(batches), ...options });
    return { sent, batcher };
  }

  it('sends at most once per interval, consecutive lines of one stream together, in order', () => {
    const { sent, batcher } = collect({ intervalMs: 50 });
    batcher.add('stdout', 'a');
    batcher.add('stdout', 'b');
    batcher.add('stderr', 'oops');
    batcher.add('stdout', 'c');
    vi.advanceTimersByTime(49);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([
      [
        { stream: 'stdout', lines: ['a', 'b'] },
        { stream: 'stderr', lines: ['oops'] },
        { stream: 'stdout', lines: ['c'] },
      ],
    ]);
    batcher.add('stdout', 'd');
    vi.advanceTimersByTime(50);
    expect(sent).toHaveLength(2);
  });

  it('bounds what waits by letting the oldest lines go, and says how many ahead of the newest', () => {
    const { sent, batcher } = collect({ maxPending: 3 });
    for (let i = 0; i < 10; i++) batcher.add('stdout', `line ${i}`);
    batcher.flush();
    // The newest lines reach the view (never frozen on old ones); the gap is counted before them.
    expect(sent).toEqual([[{ stream: 'stdout', lines: ['line 7', 'line 8', 'line 9'], dropped: 7 }]]);
  });

  it('keeps dropping the oldest through a long burst, across streams, with the count exact', () => {
    const { sent, batcher } = collect({ maxPending: 4 });
    for (let i = 0; i < 1000; i++) batcher.add(i % 2 ? 'stderr' : 'stdout', `line ${i}`);
    batcher.flush();
    expect(sent).toEqual([
      [
        { stream: 'stdout', lines: ['line 996'], dropped: 996 },
        { stream: 'stderr', lines: ['line 997'] },
        { stream: 'stdout', lines: ['line 998'] },
        { stream: 'stderr', lines: ['line 999'] },
      ],
    ]);
    batcher.add('stdout', 'after');
    batcher.flush();
    expect(sent[1]).toEqual([{ stream: 'stdout', lines: ['after'] }]);
  });

  it('masks secrets before clipping an overlong line', () => {
    const { sent, batcher } = collect({ redact: createRedactor(['hunter2-secret']), maxLineChars: 20 });
    batcher.add('stdout', 'token=hunter2-secret and a long tail after it');
    batcher.flush();
    expect(sent[0]![0]!.lines[0]).toBe('token=[secret] and a … [19 more characters]');
  });

  it('sends what waits on close, ignores later lines, and sends nothing after cancel', () => {
    const { sent, batcher } = collect();
    batcher.add('info', 'last words');
    batcher.close();
    batcher.add('stdout', 'too late');
    vi.runAllTimers();
    expect(sent).toEqual([[{ stream: 'info', lines: ['last words'] }]]);
    const other = collect();
    other.batcher.add('stdout', 'never sent');
    other.batcher.cancel();
    vi.runAllTimers();
    expect(other.sent).toEqual([]);
  });
});

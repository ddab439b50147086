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

  it('bounds what waits and says how many lines it let go', () => {
    const { sent, batcher } = collect({ maxPending: 3 });
    for (let i = 0; i < 10; i++) batcher.add('stdout', `line ${i}`);
    batcher.flush();
    expect(sent).toEqual([[{ stream: 'stdout', lines: ['line 0', 'line 1', 'line 2'], dropped: 7 }]]);
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

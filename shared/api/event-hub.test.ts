import { describe, expect, it } from 'vitest';
import { createEventHub } from './handlers';

// A listener that throws (a window gone, a notification that cannot show) must never reach the
// emitter: the emitter is a run journaling an event, and the run must not fail for it.
describe('the event hub', () => {
  it('keeps emitting to the other listeners and reports the one that threw', () => {
    const errors: Array<[string, string]> = [];
    const hub = createEventHub((error, event) => errors.push([String(error), event]));
    const seen: string[] = [];
    hub.subscribe(() => {
      throw new Error('window.isFocused is not a function');
    });
    hub.subscribe((name) => seen.push(name));
    expect(() => hub.emit('settings:changed', {} as never)).not.toThrow();
    expect(seen).toEqual(['settings:changed']);
    expect(errors).toEqual([['Error: window.isFocused is not a function', 'settings:changed']]);
  });
});

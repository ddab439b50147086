import { describe, expect, it } from 'vitest';
import { seconds, TimeBoxError, timeBox } from './time-box';

describe('timeBox', () => {
  it('passes a quick answer through, and its error too', async () => {
    await expect(timeBox(Promise.resolve(7), 1000, 'web-1')).resolves.toBe(7);
    await expect(timeBox(Promise.reject(new Error('refused')), 1000, 'web-1')).rejects.toThrow('refused');
  });

  it('ends a wait that never answers with a message naming what it waited for', async () => {
    const never = new Promise<never>(() => undefined);
    const error = await timeBox(never, 20, 'web-1 (10.0.0.5:22)').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeBoxError);
    expect(error).toMatchObject({ code: 'timeout', message: 'web-1 (10.0.0.5:22): no answer within 20 ms' });
  });

  it('says limits the way people read them', () => {
    expect([seconds(800), seconds(1000), seconds(1500), seconds(5000)]).toEqual(['800 ms', '1 s', '1.5 s', '5 s']);
  });
});

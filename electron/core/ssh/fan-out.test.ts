import { describe, expect, it } from 'vitest';
import { runOnHosts } from './fan-out';

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('runOnHosts', () => {
  it('never runs more than `concurrency` at once and keeps the hosts order', async () => {
    let running = 0;
    let peak = 0;
    const hosts = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const outcomes = await runOnHosts(
      hosts,
      async (host, index) => {
        running++;
        peak = Math.max(peak, running);
        await delay(20 - index * 2); // later hosts finish first
        running--;
        return host.toUpperCase();
      },
      { concurrency: 3 },
    );
    expect(peak).toBe(3);
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : undefined))).toEqual([
      'A',
      'B',
      'C',
      'D',
      'E',
      'F',
      'G',
    ]);
  });

  it('keeps every host error next to its host and still runs the others', async () => {
    const outcomes = await runOnHosts(
      ['web-1', 'web-2', 'web-3'],
      async (host) => {
        if (host !== 'web-2') return 'ok';
        throw new Error(`${host}: connection refused`);
      },
      { concurrency: 1 },
    );
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const failed = outcomes[1]!;
    expect(failed.status === 'rejected' && (failed.error as Error).message).toBe('web-2: connection refused');
    expect(failed.host).toBe('web-2');
  });

  it('starts no more hosts once aborted, and says so per host', async () => {
    const controller = new AbortController();
    const started: string[] = [];
    const outcomes = await runOnHosts(
      ['a', 'b', 'c'],
      async (host) => {
        started.push(host);
        controller.abort(new Error('operator aborted the run'));
        return host;
      },
      { concurrency: 1, signal: controller.signal },
    );
    expect(started).toEqual(['a']);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
    const skipped = outcomes[2]!;
    expect(skipped.status === 'rejected' && (skipped.error as Error).message).toBe('operator aborted the run');
  });

  it('handles an empty host list', async () => {
    expect(await runOnHosts([], async () => 1, { concurrency: 4 })).toEqual([]);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses concurrency %s with a clear error', async (concurrency) => {
    await expect(runOnHosts(['a'], async () => 1, { concurrency })).rejects.toThrow(/concurrency must be/);
  });
});

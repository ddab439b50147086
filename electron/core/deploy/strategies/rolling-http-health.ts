import { setTimeout as sleep } from 'node:timers/promises';
import { StrategyError } from './rolling-errors';

// The app's own health endpoint, asked the way a load balancer would: GET until 200. A container
// health check says the process is up; this says users on that host would get an answer.

export interface HttpHealthOptions {
  timeoutMs: number;
  signal: AbortSignal;
  /** Host name for the message; "this machine" when there is none. */
  host: string;
  intervalMs?: number;
}

export async function waitForHttp200(url: string, options: HttpHealthOptions): Promise<{ waitedMs: number }> {
  const started = Date.now();
  const interval = options.intervalMs ?? 100;
  let last = 'no answer yet';
  for (;;) {
    if (options.signal.aborted) {
      throw new StrategyError('unhealthy', `${options.host}: cancelled while waiting for GET ${url}`, {
        host: options.host,
        url,
      });
    }
    const left = options.timeoutMs - (Date.now() - started);
    const attempt = AbortSignal.any([options.signal, AbortSignal.timeout(Math.max(100, Math.min(2000, left)))]);
    try {
      const response = await fetch(url, { signal: attempt, headers: { connection: 'close' } });
      await response.arrayBuffer();
      if (response.status === 200) return { waitedMs: Date.now() - started };
      last = `HTTP ${response.status}`;
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const said = cause?.code ?? cause?.message ?? (error as Error).message;
      // An attempt cut short by the deadline says less than the answer before it.
      if ((error as Error).name !== 'TimeoutError' || last === 'no answer yet') last = said;
    }
    if (Date.now() - started + interval >= options.timeoutMs) {
      throw new StrategyError(
        'unhealthy',
        `${options.host}: GET ${url} did not answer 200 within ${options.timeoutMs} ms (last: ${last})`,
        { host: options.host, url, last },
      );
    }
    await sleep(interval, undefined, { signal: options.signal }).catch(() => undefined);
  }
}

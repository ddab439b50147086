import type { ToolIO } from '../../run/run-tools';
import type { FlagSwitch } from '../deploy-strategy';
import { checkPercentage, FlagError } from './flag-error';

// A flag service over HTTP: `PUT <url>/<flag>` with {"percentage": n} sets a flag, `GET` reads
// it back as the same shape (404: the service does not know the flag).

export interface HttpFlagSwitchOptions {
  url: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export function createHttpFlagSwitch(options: HttpFlagSwitchOptions): FlagSwitch {
  const base = options.url.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 10_000;
  const call = async (method: 'GET' | 'PUT', flag: string, io: ToolIO, body?: unknown) => {
    const url = `${base}/${encodeURIComponent(flag)}`;
    const signal = AbortSignal.any([io.signal, AbortSignal.timeout(timeoutMs)]);
    try {
      const response = await fetch(url, {
        method,
        signal,
        headers: {
          accept: 'application/json',
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...options.headers,
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      return { url, response, text: await response.text() };
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const why = cause?.code ?? cause?.message ?? (error as Error).message;
      throw new FlagError('flag-provider-unreachable', `flag service ${method} ${url}: no answer (${why})`, { url });
    }
  };
  const failed = (method: string, url: string, status: number, text: string) =>
    new FlagError(
      'flag-provider-failed',
      `flag service ${method} ${url}: HTTP ${status} ${text.trim().slice(0, 200)}`,
      {
        url,
        status,
      },
    );
  return {
    where: `flag service ${base}`,
    async set(flag, percentage, io) {
      checkPercentage(flag, percentage);
      const { url, response, text } = await call('PUT', flag, io, { percentage });
      if (!response.ok) throw failed('PUT', url, response.status, text);
      io.output(undefined, 'info', `flag ${flag} on for ${percentage} % at ${base}`);
    },
    async get(flag, io) {
      const { url, response, text } = await call('GET', flag, io);
      if (response.status === 404) return undefined;
      if (!response.ok) throw failed('GET', url, response.status, text);
      let percentage: unknown;
      try {
        percentage = (JSON.parse(text) as { percentage?: unknown }).percentage;
      } catch {
        percentage = undefined;
      }
      if (typeof percentage !== 'number' || percentage < 0 || percentage > 100) {
        throw new FlagError(
          'flag-provider-failed',
          `flag service GET ${url}: expected {"percentage": 0–100}, got ${text.trim().slice(0, 200)}`,
          { url },
        );
      }
      return percentage;
    },
    async check(flag, io) {
      // The provider's own read: unreachable or an error answer refuses the run before step 1.
      await this.get(flag, io);
    },
  };
}

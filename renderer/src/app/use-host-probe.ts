import { useEffect } from 'react';
import { hostProbeUrl } from '../api/client';
import { shouldProbeHost } from './connection-state';
import { reportHostVerdict, useConnection } from './connection-store';
import { answerFromFailure, hostVerdict, type ProbeAnswer, probeDelayMs, probeTimeoutMs } from './host-probe';

async function probe(url: string, stop: AbortSignal): Promise<ProbeAnswer> {
  try {
    const response = await fetch(url, {
      method: 'HEAD',
      cache: 'no-store',
      // Without cookies: the tab's cookie would admit the request even when the token the socket
      // uses is refused. The token in `url` is what gets checked (api/socket-url.ts).
      credentials: 'omit',
      redirect: 'manual',
      signal: AbortSignal.any([stop, AbortSignal.timeout(probeTimeoutMs)]),
    });
    return { kind: 'status', status: response.status };
  } catch (error) {
    return answerFromFailure(error);
  }
}

/**
 * Browser host only: while the WebSocket is (re)connecting, asks the host over HTTP why, after a
 * short wait and then every few seconds, and records the answer for the banner and boot error.
 * Stops as soon as the socket opens. Electron (no probe URL) never probes.
 */
export function useHostProbe(): void {
  const probing = useConnection((state) => hostProbeUrl !== undefined && shouldProbeHost(state));
  useEffect(() => {
    if (!probing || hostProbeUrl === undefined) return;
    const url = hostProbeUrl;
    const stop = new AbortController();
    let attempt = 0;
    let timer: number | undefined;
    const run = async () => {
      const answer = await probe(url, stop.signal);
      if (stop.signal.aborted) return;
      reportHostVerdict(hostVerdict(answer));
      attempt += 1;
      timer = window.setTimeout(run, probeDelayMs(attempt));
    };
    timer = window.setTimeout(run, probeDelayMs(attempt));
    return () => {
      stop.abort();
      window.clearTimeout(timer);
    };
  }, [probing]);
}

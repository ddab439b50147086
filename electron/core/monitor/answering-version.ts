import type { ProbeSample } from '../../../shared/monitor/probe-sample';
import { hostDelayLimit, startHostLag } from './host-lag';
import { createProbeConnections } from './probe-connections';
import { ProbeCall, probeRequestBytes } from './probe-request';
import { versionReader } from './version-reader';

// One question to the app, outside the probe schedule: which version answers now? Used to check
// what a rollback put back before the release history says so. The same client and version
// reader as the probes, so it reads bare-LF answers and the configured source the same way.

export interface AnsweringVersion {
  /** The version read from a successful answer; undefined when the answer carried none. */
  version?: string;
  /** The answer's status, or why there was none. */
  sample: ProbeSample;
}

export async function readAnsweringVersion(options: {
  url: string;
  /** header:<name>, json:<field> or body (monitoring.probes.version). */
  source: string;
  timeoutMs: number;
}): Promise<AnsweringVersion> {
  const url = new URL(options.url);
  const connections = createProbeConnections(url);
  const hostLag = startHostLag();
  const target = {
    connections,
    request: probeRequestBytes(url),
    timeoutMs: options.timeoutMs,
    version: versionReader(options.source),
    hostLag,
    delayLimitMs: hostDelayLimit(options.timeoutMs),
  };
  try {
    const sample = await new Promise<ProbeSample>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const call = new ProbeCall(target, Date.now(), (done) => {
        clearTimeout(timer);
        resolve(done);
      });
      timer = setTimeout(() => call.end('timeout'), options.timeoutMs);
    });
    // An error page is not a version (a 404 body read as "the version" would be a lie).
    return { version: sample.ok ? sample.version : undefined, sample };
  } finally {
    hostLag.stop();
    connections.closeAll();
  }
}

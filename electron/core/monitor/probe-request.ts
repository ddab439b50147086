import { TLSSocket } from 'node:tls';
import type { ProbeSample } from '../../../shared/monitor/probe-sample';
import { describeFetchFailure } from '../http/fetch-failure';
import type { HostLag } from './host-lag';
import { createResponseParser, MalformedResponse, type ResponseParser } from './http-response-parser';
import type { ConnectionUser, ProbeConnection, ProbeConnections } from './probe-connections';
import type { VersionReader } from './version-reader';

// One probe: a GET on a pooled keep-alive connection, timed to the full answer, version read.
// Never throws: a server that answers badly or not at all is a failed sample, not an exception.
// A class rather than closures: at 100 probes/s, per-probe function objects are measurable.
// This machine can hold a probe up (a busy event loop): a request that left late and timed out is
// "not measured", and an answer read late keeps its status but not its latency (host-lag.ts).

/** Enough for any /version or JSON health body; a bigger body is drained, not kept. */
const MAX_BODY = 64 * 1024;

export interface ProbeTarget {
  connections: ProbeConnections;
  /** The request's bytes, built once (see probeRequestBytes). */
  request: Buffer;
  timeoutMs: number;
  version: VersionReader;
  hostLag: HostLag;
  /** Hold-up (ms) beyond which this machine, not the app, decided the outcome (hostDelayLimit). */
  delayLimitMs: number;
}

export function probeRequestBytes(url: URL): Buffer {
  const lines = [`GET ${url.pathname}${url.search} HTTP/1.1`, `Host: ${url.host}`, 'Accept: */*', '', ''];
  return Buffer.from(lines.join('\r\n'), 'latin1');
}

export class ProbeCall implements ConnectionUser {
  /** performance.now() after which the probe counts as timed out. */
  readonly deadline: number;
  private readonly started = performance.now();
  private connection!: ProbeConnection;
  private parser!: ResponseParser;
  private received = false;
  private settled = false;
  /** performance.now() when the request was written (a fresh connection writes once connected). */
  private written: number | undefined;
  /** Why we ended the request ourselves, so the close that follows reads as that, not a reset. */
  private ours: Error | undefined;

  constructor(
    private readonly target: ProbeTarget,
    private readonly at: number,
    private readonly onDone: (sample: ProbeSample) => void,
  ) {
    this.deadline = this.started + target.timeoutMs;
    this.attempt(target.connections.take());
  }

  /** Ends the probe now: 'timeout' counts as a failed sample, 'cancel' (monitoring stopped) too. */
  end(reason: 'timeout' | 'cancel'): void {
    if (this.settled) return;
    this.ours ??= named(reason === 'timeout' ? 'TimeoutError' : 'AbortError');
    this.connection.socket.destroy();
  }

  data(chunk: Buffer): void {
    this.received = true;
    let response: ReturnType<ResponseParser['push']>;
    try {
      response = this.parser.push(chunk);
    } catch (error) {
      this.connection.user = undefined;
      this.connection.socket.destroy();
      this.fail(error);
      return;
    }
    if (response) this.answered(response);
  }

  closed(error: Error | undefined): void {
    if (this.settled) return;
    const response = this.ours ? undefined : this.parser.end();
    if (response) {
      this.answered(response);
      return;
    }
    // The documented keep-alive race: the server closed an idle connection just as we reused it.
    // That says nothing about the app, so try once more on a fresh connection.
    if (this.connection.reused && !this.received && !this.ours) this.attempt(this.target.connections.fresh());
    else this.fail(error ?? resetError());
  }

  private attempt(connection: ProbeConnection): void {
    this.connection = connection;
    this.parser = createResponseParser(this.target.version.needsBody ? MAX_BODY : 0);
    connection.user = this;
    const { socket } = connection;
    this.written = undefined;
    // Still connecting: the request goes out when the connection is up, which our loop must see.
    if (socket.connecting)
      socket.once(socket instanceof TLSSocket ? 'secureConnect' : 'connect', () => {
        this.written = performance.now();
      });
    else this.written = performance.now();
    socket.write(this.target.request);
  }

  private answered(response: NonNullable<ReturnType<ResponseParser['push']>>): void {
    const { status } = response;
    const sample: ProbeSample = { at: this.at, ok: status >= 200 && status < 400, status };
    // The answer may have waited in our socket while the loop was busy: then its latency is ours.
    const heldUp = Math.max(
      (this.written ?? this.started) - this.started,
      this.target.hostLag.worstSince(this.started),
    );
    if (heldUp > this.target.delayLimitMs) sample.readLateMs = Math.round(heldUp);
    else sample.latencyMs = this.elapsed();
    // Only a successful answer names a version: an error page ("<HTML><HEAD><TITLE>404…") is not one.
    const version = sample.ok ? this.target.version.read(response.headers, response.body) : undefined;
    if (version !== undefined) sample.version = version;
    if (!sample.ok) sample.error = `HTTP ${status}`;
    if (response.keepAlive) this.target.connections.give(this.connection);
    else {
      this.connection.user = undefined;
      this.connection.socket.destroy();
    }
    this.settle(sample);
  }

  private fail(error: unknown): void {
    const malformed = error instanceof MalformedResponse ? `not an HTTP answer: ${error.message}` : undefined;
    const why = malformed ?? describeFetchFailure(this.ours ?? error, this.target.timeoutMs);
    const sample: ProbeSample = { at: this.at, ok: false, error: why };
    // A timeout is the app's only if the app had the whole timeout: the request left on time. (An
    // answer that had arrived is read before the timeout is declared: probes.ts defers it.)
    const leftLate = this.written === undefined ? 0 : this.written - this.started;
    // Nor when this machine starved our loop for longer than the limit while it waited, in all.
    const starved = this.target.hostLag.totalSince(this.started);
    if (this.ours?.name === 'TimeoutError' && leftLate > this.target.delayLimitMs)
      sample.notMeasured = `timed out, but its request left ${Math.round(leftLate)} ms late: this machine was busy`;
    else if (this.ours?.name === 'TimeoutError' && starved > this.target.delayLimitMs)
      sample.notMeasured = `timed out while this machine held our loop up ${Math.round(starved)} ms in all: this machine was busy`;
    this.settle(sample);
  }

  private settle(sample: ProbeSample): void {
    if (this.settled) return;
    this.settled = true;
    this.onDone(sample);
  }

  private elapsed(): number {
    return Math.round((performance.now() - this.started) * 100) / 100;
  }
}

function resetError(): Error {
  return Object.assign(new Error('connection closed before a full answer'), { code: 'ECONNRESET' });
}

function named(name: string): Error {
  const error = new Error(name);
  error.name = name;
  return error;
}

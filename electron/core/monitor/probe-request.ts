import type { ProbeSample } from '../../../shared/monitor/probe-sample';
import { describeFetchFailure } from '../http/fetch-failure';
import { createResponseParser, MalformedResponse, type ResponseParser } from './http-response-parser';
import type { ConnectionUser, ProbeConnection, ProbeConnections } from './probe-connections';
import type { VersionReader } from './version-reader';

// One probe: a GET on a pooled keep-alive connection, timed to the full answer, version read.
// Never throws: a server that answers badly or not at all is a failed sample, not an exception.
// A class rather than closures: at 100 probes/s, per-probe function objects are measurable.

/** Enough for any /version or JSON health body; a bigger body is drained, not kept. */
const MAX_BODY = 64 * 1024;

export interface ProbeTarget {
  connections: ProbeConnections;
  /** The request's bytes, built once (see probeRequestBytes). */
  request: Buffer;
  timeoutMs: number;
  version: VersionReader;
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
    connection.socket.write(this.target.request);
  }

  private answered(response: NonNullable<ReturnType<ResponseParser['push']>>): void {
    const { status } = response;
    const sample: ProbeSample = { at: this.at, ok: status >= 200 && status < 400, status, latencyMs: this.elapsed() };
    const version = this.target.version.read(response.headers, response.body);
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
    this.settle({ at: this.at, ok: false, error: why });
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

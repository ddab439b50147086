import { Duplex } from 'node:stream';
import type { ClientChannel } from 'ssh2';

export const dialCommand = 'docker system dial-stdio';
const stderrLimit = 4096;

export function dialError(hostLabel: string, detail: string, cause?: unknown): Error {
  const error = new Error(`\`${dialCommand}\` on ${hostLabel}: ${detail}`, { cause });
  // A code toDockerError recognises as "engine never reached".
  (error as NodeJS.ErrnoException).code = 'ESSHDIAL';
  return error;
}

type Callback = (error?: Error | null) => void;

/**
 * Looks enough like a net.Socket for node:http, over a `docker system dial-stdio` SSH channel.
 * - It exists before its channel does (`attach` comes later), so the agent can count it at once and its
 *   maxSockets limit holds; writes made before then wait for the channel.
 * - A dial-stdio that fails (no docker CLI, daemon down) surfaces as an error carrying its stderr instead
 *   of a bare "socket hang up": the end of the stream is held back until the channel closes with its status.
 */
export class DialStdioSocket extends Duplex {
  private channel: ClientChannel | undefined;
  private pending: { chunk: Buffer; encoding: BufferEncoding; callback: Callback }[] = [];
  private pendingFinal: Callback | undefined;
  private stderr = '';
  private exit: { code: number | null; signal?: string } | undefined;
  private idleMs = 0;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(private readonly hostLabel: string) {
    super();
  }

  attach(channel: ClientChannel): void {
    if (this.destroyed) {
      channel.close();
      return;
    }
    this.channel = channel;
    channel.on('data', (chunk: Buffer) => {
      this.touch();
      if (!this.push(chunk)) channel.pause();
    });
    channel.stderr.on('data', (chunk: Buffer) => {
      if (this.stderr.length < stderrLimit) this.stderr += chunk.toString('utf8');
    });
    channel.on('exit', (code: number | null, signal?: string) => {
      this.exit = { code, signal };
    });
    channel.on('error', (error: Error) => this.destroy(error));
    channel.on('close', () => this.onChannelClose());
    for (const { chunk, encoding, callback } of this.pending.splice(0)) channel.write(chunk, encoding, callback);
    if (this.pendingFinal) this._final(this.pendingFinal);
  }

  private onChannelClose(): void {
    if (this.destroyed) return;
    const exit = this.exit;
    if (exit && (exit.code !== 0 || exit.signal)) {
      const status = exit.code !== null ? `exited with code ${exit.code}` : `killed by ${exit.signal}`;
      const said = this.stderr.trim();
      this.destroy(dialError(this.hostLabel, `${status}${said ? `: ${said}` : ''}`));
    } else {
      this.push(null);
    }
  }

  override _read(): void {
    this.channel?.resume();
  }

  override _write(chunk: Buffer, encoding: BufferEncoding, callback: Callback): void {
    this.touch();
    if (this.channel) this.channel.write(chunk, encoding, callback);
    else this.pending.push({ chunk, encoding, callback });
  }

  override _final(callback: Callback): void {
    if (!this.channel) {
      this.pendingFinal = callback;
      return;
    }
    this.channel.end();
    callback();
  }

  override _destroy(error: Error | null, callback: Callback): void {
    clearTimeout(this.idleTimer);
    this.channel?.close();
    callback(error);
  }

  /** Like net.Socket: emits 'timeout' after `ms` without traffic; the agent uses it to close idle channels. */
  setTimeout(ms: number, callback?: () => void): this {
    // net.Socket semantics, which node:http relies on: a 0 timeout with a callback removes that listener.
    if (callback && ms === 0) this.removeListener('timeout', callback);
    else if (callback) this.once('timeout', callback);
    this.idleMs = ms;
    this.touch();
    return this;
  }

  private touch(): void {
    clearTimeout(this.idleTimer);
    if (this.idleMs > 0 && !this.destroyed) {
      this.idleTimer = setTimeout(() => this.emit('timeout'), this.idleMs);
      this.idleTimer.unref();
    }
  }

  // node:http calls these on its sockets; on an SSH channel they have no meaning.
  setNoDelay(): this {
    return this;
  }
  setKeepAlive(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
}

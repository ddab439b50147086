import { StringDecoder } from 'node:string_decoder';
import type { ClientChannel } from 'ssh2';
import { buildRemoteCommand, buildStopCommand, displayCommand, PGID_MARKER } from './remote-command';
import type { SshConnection } from './ssh-connection';
import { CommandFailedError, SshError } from './ssh-errors';

export interface ExecOptions {
  onStdout?(chunk: string): void;
  onStderr?(chunk: string): void;
  signal?: AbortSignal;
  timeoutMs?: number;
  env?: Record<string, string>;
  cwd?: string;
  /** Written to the command's stdin; without it stdin is closed at once so nothing waits on it. */
  stdin?: string | Buffer;
  /** Throw CommandFailedError on a non-zero exit instead of returning the result. */
  check?: boolean;
  /** Told the remote process group id as soon as it is known, so a crash can be cleaned up after. */
  onProcessGroup?(pgid: number): void;
}

export interface ExecResult {
  exitCode: number | null;
  /** Set when the remote process was ended by a signal. */
  signal?: string;
  /** The last TAIL_CHARS of each stream, for reports and error messages. */
  stdoutTail: string;
  stderrTail: string;
  durationMs: number;
}

const TAIL_CHARS = 64 * 1024;

/**
 * Runs argv on the host and streams its output as it arrives. Cancelling (signal or timeout)
 * kills the remote process group, then rejects with code 'cancelled' or 'timeout'.
 */
export async function exec(
  conn: SshConnection,
  argv: readonly string[],
  options: ExecOptions = {},
): Promise<ExecResult> {
  const shown = displayCommand(argv);
  let command: string;
  try {
    command = buildRemoteCommand(argv, options);
  } catch (error) {
    throw new SshError('invalid-config', conn.label, `cannot run \`${shown}\`: ${(error as Error).message}`);
  }
  if (options.signal?.aborted) throw new SshError('cancelled', conn.label, `\`${shown}\` cancelled before it started`);
  const started = Date.now();
  const releaseSlot = await conn.acquireChannel(options.signal).catch(() => {
    throw new SshError('cancelled', conn.label, `\`${shown}\` cancelled while waiting for a free SSH session`);
  });
  const channel = await openChannel(conn, command, shown).catch((error) => {
    releaseSlot();
    throw error;
  });

  return new Promise<ExecResult>((resolve, reject) => {
    const out = new StringDecoder('utf8');
    const err = new StringDecoder('utf8');
    let stdoutTail = '';
    let stderrTail = '';
    let exitCode: number | null = null;
    let exitSignal: string | undefined;
    let stopping: SshError | undefined;
    let done = false;
    // Held back until the marker line has been read off stderr (see PGID_MARKER).
    let stderrHead: string | undefined = '';
    let pgid: number | undefined;
    let pgidKnown: () => void = () => {};
    const pgidReady = new Promise<void>((r) => {
      pgidKnown = r;
    });

    const emitStdout = (text: string) => {
      if (!text) return;
      stdoutTail = (stdoutTail + text).slice(-TAIL_CHARS);
      options.onStdout?.(text);
    };
    const emitStderr = (text: string) => {
      if (!text) return;
      stderrTail = (stderrTail + text).slice(-TAIL_CHARS);
      options.onStderr?.(text);
    };
    const takeStderr = (text: string) => {
      if (stderrHead === undefined) return emitStderr(text);
      stderrHead += text;
      const newline = stderrHead.indexOf('\n');
      if (newline < 0 && stderrHead.length < 256) return;
      const first = newline < 0 ? '' : stderrHead.slice(0, newline);
      const rest = stderrHead;
      stderrHead = undefined;
      if (first.startsWith(PGID_MARKER)) {
        pgid = Number(first.slice(PGID_MARKER.length));
        options.onProcessGroup?.(pgid);
        emitStderr(rest.slice(newline + 1));
      } else emitStderr(rest); // a shell that did not print it: pass everything through
      pgidKnown();
    };

    const cleanup = () => {
      done = true;
      releaseSlot();
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      unsubscribe();
    };
    const stop = (reason: SshError) => {
      if (done || stopping) return;
      stopping = reason;
      void (async () => {
        await pgidReady;
        if (pgid !== undefined && !conn.closed) {
          await openChannel(conn, buildStopCommand(pgid), 'stop')
            .then((stopper) => drain(stopper))
            .catch(() => {}); // the rejection below already says what happened
        }
        channel.close();
      })();
    };
    const onAbort = () => stop(new SshError('cancelled', conn.label, `\`${shown}\` cancelled; remote process stopped`));
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(
            () =>
              stop(
                new SshError(
                  'timeout',
                  conn.label,
                  `\`${shown}\` timed out after ${options.timeoutMs} ms; remote process stopped`,
                ),
              ),
            options.timeoutMs,
          );
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.signal?.aborted) onAbort(); // aborted while the channel was opening
    const unsubscribe = conn.onClose((error) => {
      if (done) return;
      cleanup();
      const detail = `connection lost while running \`${shown}\`${error ? ` (${error.message})` : ''}`;
      reject(stopping ?? new SshError('host-unreachable', conn.label, detail));
    });

    channel.on('data', (data: Buffer) => emitStdout(out.write(data)));
    channel.stderr.on('data', (data: Buffer) => takeStderr(err.write(data)));
    channel.on('exit', (code: number | null, signal?: string) => {
      exitCode = code;
      exitSignal = signal ?? undefined;
    });
    // ssh2 parses a whole TCP read at once: for a quick command, exit-status can be emitted before
    // our listeners (attached a microtask after the channel opened) exist. 'close' carries the
    // same status again, and it fires later, after the stream's 'end'.
    channel.on('close', (code?: number | null, signal?: string) => {
      if (exitCode === null && typeof code === 'number') exitCode = code;
      if (exitSignal === undefined && typeof signal === 'string') exitSignal = signal;
      if (done) return;
      if (stderrHead !== undefined) {
        const head = stderrHead;
        stderrHead = undefined;
        emitStderr(head.startsWith(PGID_MARKER) ? '' : head);
        pgidKnown();
      }
      emitStdout(out.end());
      emitStderr(err.end());
      cleanup();
      if (stopping) return reject(stopping);
      const result: ExecResult = { exitCode, stdoutTail, stderrTail, durationMs: Date.now() - started };
      if (exitSignal) result.signal = exitSignal;
      if (options.check && exitCode !== 0) {
        return reject(new CommandFailedError(conn.label, shown, exitCode, exitSignal, stderrTail));
      }
      resolve(result);
    });
    if (options.stdin !== undefined) channel.end(options.stdin);
    else channel.end();
  });
}

/**
 * sshd counts a session against MaxSessions until it has processed its close, a moment after our
 * side saw it; a channel opened in that moment is refused ("open failed") although we are under
 * the limit. Such a refusal (ssh2 marks it with a numeric `reason`) is retried briefly.
 */
const openRetries = 8;

async function openChannel(conn: SshConnection, command: string, shown: string): Promise<ClientChannel> {
  for (let attempt = 1; ; attempt++) {
    if (conn.closed) {
      throw new SshError('host-unreachable', conn.label, `connection is closed; cannot run \`${shown}\``);
    }
    try {
      return await new Promise<ClientChannel>((resolve, reject) => {
        conn.client.exec(command, (error, channel) => (error ? reject(error) : resolve(channel)));
      });
    } catch (error) {
      const refused = typeof (error as { reason?: unknown }).reason === 'number';
      if (refused && attempt < openRetries && !conn.closed) {
        await new Promise((resolve) => setTimeout(resolve, 25 * attempt));
        continue;
      }
      const code = conn.closed ? 'host-unreachable' : 'command-failed';
      throw new SshError(code, conn.label, `cannot start \`${shown}\`: ${(error as Error).message}`, { cause: error });
    }
  }
}

function drain(channel: ClientChannel): Promise<void> {
  return new Promise((resolve) => {
    channel.on('data', () => {});
    channel.stderr.on('data', () => {});
    channel.on('close', () => resolve());
    channel.end();
  });
}

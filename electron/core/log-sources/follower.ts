import type { LineStream } from './line-batcher';

// One followed source, whatever it reads from: a command over SSH, a local command, or a
// container's log stream. The registry starts it, feeds its lines to a batcher and stops it.

export type OnSourceLine = (stream: LineStream, line: string) => void;

/** How a source stopped by itself (a stop asked for by the registry is reported by the registry). */
export interface SourceEnd {
  code: 'exited' | 'failed' | 'stopped';
  /** Names the host (or this machine) and the cause. */
  reason: string;
  /** The failure itself, when there was one: its `code` says what kind (container-not-found, host-unreachable…). */
  error?: unknown;
}

export interface Follower {
  /** Resolves once lines can flow (connected, command running); rejects with why it could not start. */
  readonly started: Promise<void>;
  /** Settles when the source stops, for whatever reason; never rejects. */
  readonly ended: Promise<SourceEnd>;
  /** Stops it (the remote or local process group included); resolves once it is gone. */
  stop(): Promise<void>;
}

/** What a follow that ended before it started rejects `started` with: the reason, and the cause's code. */
export function startFailure(end: SourceEnd): Error {
  const code = (end.error as { code?: unknown } | undefined)?.code;
  return Object.assign(new Error(end.reason), { code: typeof code === 'string' ? code : end.code });
}

/** The last line of a message, without the noise of a trailing newline, for an end reason. */
export function lastLine(text: string): string {
  const lines = text.trim().split('\n');
  return (lines[lines.length - 1] ?? '').trim();
}

/** A promise with its resolve/reject outside, for "started" signals fired from callbacks. */
export function deferred<T>(): { promise: Promise<T>; resolve(value: T): void; reject(error: unknown): void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A start that fails after the caller stopped listening must not surface as an unhandled rejection.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

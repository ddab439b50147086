import { Readable } from 'node:stream';
import { callContext, type DockerClient, dockerCall } from './docker-client';
import { toDockerError } from './docker-errors';
import { type OnLine, streamLines } from './output-lines';

export interface FollowLogsOptions {
  /** Only lines after this moment (a Date, or unix seconds). */
  since?: Date | number;
  /** Start with the last N lines instead of the whole history. */
  tail?: number;
  signal?: AbortSignal;
}

/** Why following ended: the caller aborted, or the container stopped (the engine closes the stream). */
export type FollowEnd = 'aborted' | 'stopped';

/** Streams a container's output line by line until the signal aborts or the container stops. */
export async function followLogs(
  client: DockerClient,
  name: string,
  options: FollowLogsOptions,
  onLine: OnLine,
): Promise<FollowEnd> {
  const notFound = { kind: 'container' as const, name };
  const container = client.docker.getContainer(name);
  const info = await dockerCall(client, `inspect container ${name}`, () => container.inspect(), {
    notFound,
    fallback: 'exec-failed',
  });
  if (options.signal?.aborted) return 'aborted';
  const since = options.since instanceof Date ? Math.floor(options.since.getTime() / 1000) : options.since;
  const stream = (await dockerCall(
    client,
    `follow logs of ${name}`,
    () =>
      container.logs({
        follow: true,
        stdout: true,
        stderr: true,
        ...(since !== undefined ? { since } : {}),
        ...(options.tail !== undefined ? { tail: options.tail } : {}),
      }),
    { notFound, fallback: 'exec-failed' },
  )) as unknown as Readable;
  const flush = streamLines(client.docker, stream, info.Config.Tty, onLine);
  return new Promise<FollowEnd>((resolve, reject) => {
    const onAbort = () => {
      // Destroying the response closes the connection, which is how the engine learns we stopped following.
      stream.destroy();
      finish('aborted');
    };
    let done = false;
    const finish = (end: FollowEnd, error?: Error) => {
      if (done) return;
      done = true;
      options.signal?.removeEventListener('abort', onAbort);
      flush();
      if (error) reject(error);
      else resolve(end);
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    stream.once('end', () => finish('stopped'));
    stream.once('close', () => finish(options.signal?.aborted ? 'aborted' : 'stopped'));
    stream.once('error', (error) => {
      if (options.signal?.aborted) finish('aborted');
      else finish('stopped', toDockerError(error, callContext(client, `follow logs of ${name}`, { notFound })));
    });
  });
}

/**
 * The last `tail` lines a container has written, then done (no following): what a runbook's
 * `docker.logs` step shows. The engine answers with the whole framed buffer at once.
 */
export async function recentLogs(
  client: DockerClient,
  name: string,
  options: { tail: number },
  onLine: OnLine,
): Promise<void> {
  const notFound = { kind: 'container' as const, name };
  const container = client.docker.getContainer(name);
  const info = await dockerCall(client, `inspect container ${name}`, () => container.inspect(), {
    notFound,
    fallback: 'exec-failed',
  });
  const buffer = (await dockerCall(
    client,
    `read logs of ${name}`,
    () => container.logs({ follow: false, stdout: true, stderr: true, tail: options.tail }),
    { notFound, fallback: 'exec-failed' },
  )) as unknown as Buffer;
  const stream = Readable.from([buffer]);
  const flush = streamLines(client.docker, stream, info.Config.Tty, onLine);
  await new Promise<void>((resolve, reject) => {
    stream.once('end', resolve);
    stream.once('error', reject);
  });
  flush();
}

import type { Duplex } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { callContext, type DockerClient, dockerCall } from './docker-client';
import { DockerError, toDockerError } from './docker-errors';
import type { ExecPlan } from './docker-plans';
import { type OnLine, streamLines } from './output-lines';

export interface ExecOptions {
  signal?: AbortSignal;
  onOutput?: OnLine;
}

/**
 * Runs a command in a running container, streams its output, and returns its exit code (read back with
 * exec inspect: the stream itself carries none). A non-zero exit is a result, not an error.
 */
export async function runExec(
  client: DockerClient,
  plan: ExecPlan,
  options: ExecOptions = {},
): Promise<{ exitCode: number }> {
  const name = plan.container;
  const action = `exec ${plan.summary.replace(/^docker exec /, '')}`;
  const extra = { notFound: { kind: 'container' as const, name }, fallback: 'exec-failed' as const };
  const exec = await dockerCall(client, action, () => client.docker.getContainer(name).exec(plan.create), extra).catch(
    (error: DockerError) => {
      // 409 here means the container is stopped or paused: that is a failed exec, not a naming conflict.
      if (error.code !== 'conflict') throw error;
      throw new DockerError('exec-failed', `${error.message} (is ${name} running?)`, {
        target: error.target,
        cause: error,
        statusCode: error.statusCode,
      });
    },
  );
  const stream = (await dockerCall(client, action, () => exec.start({ hijack: true, stdin: false }), extra)) as Duplex;
  const flush = streamLines(client.docker, stream, false, options.onOutput ?? (() => undefined));
  await new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      stream.destroy();
      reject(new DockerError('cancelled', `Cancelled: ${action} on ${client.label}`, { target: client.label }));
    };
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const done = (error?: Error) => {
      options.signal?.removeEventListener('abort', onAbort);
      flush();
      if (error) reject(toDockerError(error, callContext(client, action, extra)));
      else resolve();
    };
    stream.once('end', () => done());
    stream.once('close', () => done());
    stream.once('error', (error) => done(error));
  });
  // The exec may still be marked running for a moment after its stream closes.
  for (let attempt = 0; attempt < 40; attempt++) {
    const info = await dockerCall(client, action, () => exec.inspect(), extra);
    if (!info.Running && info.ExitCode !== null && info.ExitCode !== undefined) return { exitCode: info.ExitCode };
    await sleep(50);
  }
  throw new DockerError('exec-failed', `${action} on ${client.label}: the engine reports no exit code`, {
    target: client.label,
  });
}

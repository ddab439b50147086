import { setTimeout as sleep } from 'node:timers/promises';
import type Dockerode from 'dockerode';
import { type DockerClient, dockerCall } from './docker-client';
import { DockerError } from './docker-errors';

export interface WaitHealthyOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  /** How often to inspect; the default suits health checks with a one-second interval. */
  pollMs?: number;
}

export interface HealthResult {
  /** 'healthy', or 'running' for a container without a health check. */
  status: 'healthy' | 'running';
  waitedMs: number;
}

/**
 * Polls inspect until the container's health check says healthy (or, without one, until it runs).
 * Unhealthy or exited → DockerError 'unhealthy' carrying the last health-check output; too slow → 'timeout'.
 */
export async function waitHealthy(
  client: DockerClient,
  name: string,
  options: WaitHealthyOptions,
): Promise<HealthResult> {
  const started = Date.now();
  const pollMs = options.pollMs ?? 250;
  for (;;) {
    if (options.signal?.aborted) {
      throw new DockerError('cancelled', `Cancelled waiting for ${name} on ${client.label} to become healthy`, {
        target: client.label,
      });
    }
    const info = await dockerCall(
      client,
      `inspect container ${name}`,
      () => client.docker.getContainer(name).inspect(),
      {
        notFound: { kind: 'container', name },
        fallback: 'unhealthy',
      },
    );
    const state = info.State;
    const health = state.Health;
    const waitedMs = Date.now() - started;
    if (!state.Running && !state.Restarting) {
      const why = state.OOMKilled ? 'was killed for lack of memory' : `exited with code ${state.ExitCode}`;
      const error = state.Error ? ` (${state.Error})` : '';
      throw new DockerError('unhealthy', `Container ${name} on ${client.label} ${why}${error}${lastCheck(health)}`, {
        target: client.label,
      });
    }
    if (health?.Status === 'healthy') return { status: 'healthy', waitedMs };
    if (health?.Status === 'unhealthy') {
      throw new DockerError(
        'unhealthy',
        `Container ${name} on ${client.label} is unhealthy after ${health.FailingStreak} failed checks${lastCheck(health)}`,
        { target: client.label },
      );
    }
    if (!health && state.Running) return { status: 'running', waitedMs };
    if (waitedMs >= options.timeoutMs) {
      throw new DockerError(
        'timeout',
        `Container ${name} on ${client.label} not healthy after ${Math.round(waitedMs / 1000)} s (health: ${health?.Status ?? 'none'})${lastCheck(health)}`,
        { target: client.label },
      );
    }
    await sleep(Math.min(pollMs, Math.max(1, options.timeoutMs - waitedMs)), undefined, {
      signal: options.signal,
    }).catch(() => undefined);
  }
}

function lastCheck(health: Dockerode.ContainerInspectInfo['State']['Health'] | undefined): string {
  const last = health?.Log?.at(-1);
  if (!last) return '';
  const output = last.Output.trim().slice(-500);
  return `; last health check exited ${last.ExitCode}${output ? `: ${output}` : ' with no output'}`;
}

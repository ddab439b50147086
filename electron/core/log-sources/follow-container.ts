import { followLogs } from '../docker/container-logs';
import { createDockerClient, type DockerClient, dockerCall } from '../docker/docker-client';
import type { Logger } from '../ports';
import { createSshPool, type SshPool } from '../ssh/ssh-pool';
import type { SshHostConfig } from '../ssh/ssh-target';
import { defaultConnectTimeoutMs } from './follow-ssh-command';
import { deferred, type Follower, type OnSourceLine, type SourceEnd, startFailure } from './follower';
import { backlogLines } from './source-commands';

// A container's log stream (`docker logs -f --tail 200`), from this machine's engine or a host's
// over its SSH connection (one connection per follow, closed when it stops).

export type ContainerDocker = { via: 'local'; socket: string } | { via: 'env' } | { via: 'ssh'; ssh: SshHostConfig };

export interface ContainerSource {
  docker: ContainerDocker;
  container: string;
  logger: Logger;
  onLine: OnSourceLine;
  connectTimeoutMs?: number;
}

export function followContainer(source: ContainerSource): Follower {
  const abort = new AbortController();
  const started = deferred<void>();
  let pool: SshPool | undefined;
  let where = source.docker.via === 'ssh' ? `docker on ${source.docker.ssh.name}` : 'docker on this machine';

  const connect = async (): Promise<DockerClient> => {
    const docker = source.docker;
    if (docker.via === 'local') return createDockerClient({ via: 'local', socket: docker.socket });
    if (docker.via === 'env') return createDockerClient({ via: 'env' });
    pool = createSshPool({
      logger: source.logger,
      connectTimeoutMs: source.connectTimeoutMs ?? defaultConnectTimeoutMs,
    });
    const conn = await pool.connection(docker.ssh);
    return createDockerClient({ via: 'ssh', client: conn.client, hostLabel: conn.label });
  };

  const run = async (): Promise<SourceEnd> => {
    const name = source.container;
    try {
      const client = await connect();
      where = client.label;
      // Checked here (followLogs checks again) so a wrong name fails the follow request itself.
      await dockerCall(client, `inspect container ${name}`, () => client.docker.getContainer(name).inspect(), {
        notFound: { kind: 'container', name },
      });
      started.resolve();
      const end = await followLogs(client, name, { tail: backlogLines, signal: abort.signal }, source.onLine);
      if (end === 'aborted') return { code: 'stopped', reason: `${where}: stopped` };
      return {
        code: 'exited',
        reason: `container "${name}" ${await howItEnded(client, name)} (${where}); its log ends here`,
      };
    } catch (error) {
      if (abort.signal.aborted) return { code: 'stopped', reason: `${where}: stopped` };
      return { code: 'failed', reason: error instanceof Error ? error.message : `${where}: ${String(error)}`, error };
    } finally {
      await pool?.close().catch(() => undefined);
    }
  };

  const ended = run().then((end) => {
    started.reject(startFailure(end));
    return end;
  });
  return {
    started: started.promise,
    ended,
    async stop() {
      abort.abort();
      await ended;
    },
  };
}

/** "exited with code 1" when the engine still knows the container, else plainly "stopped". */
async function howItEnded(client: DockerClient, name: string): Promise<string> {
  const info = await client.docker
    .getContainer(name)
    .inspect()
    .catch(() => undefined);
  const state = info?.State;
  return state && !state.Running && typeof state.ExitCode === 'number'
    ? `exited with code ${state.ExitCode}`
    : 'stopped';
}

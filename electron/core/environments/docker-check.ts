import type { DockerCheck } from '../../../shared/api/schemas/environments';
import type { DockerAccess } from '../../../shared/formats/environment-schema';
import { createDockerClient, type DockerClient } from '../docker/docker-client';
import { engineVersion } from '../docker/engine-info';
import type { SshConnection } from '../ssh/ssh-connection';
import { messageOf, timeBox } from './time-box';

// "Test connection" for Docker: the engine's version proves it answers and says which engine it
// is. Local socket, DOCKER_HOST, or each host's engine over its (already tested) SSH connection.

async function versionOf(target: string, client: DockerClient, limitMs: number): Promise<DockerCheck> {
  const started = Date.now();
  try {
    const v = await timeBox(engineVersion(client), limitMs, client.label);
    return {
      target,
      label: client.label,
      ok: true,
      version: v.version,
      apiVersion: v.apiVersion,
      platform: `${v.os}/${v.arch}`,
      ms: Date.now() - started,
    };
  } catch (error) {
    return { target, label: client.label, ok: false, error: messageOf(error), ms: Date.now() - started };
  }
}

export async function checkDocker(
  access: DockerAccess,
  hosts: readonly { name: string; label: string; connection?: SshConnection; error?: string }[],
  limitMs: number,
): Promise<DockerCheck[]> {
  if (access.via === 'local') {
    return [await versionOf('local', createDockerClient({ via: 'local', socket: access.socket }), limitMs)];
  }
  if (access.via === 'env') {
    try {
      return [await versionOf('local', createDockerClient({ via: 'env' }), limitMs)];
    } catch (error) {
      return [{ target: 'local', label: 'DOCKER_HOST', ok: false, error: messageOf(error) }];
    }
  }
  if (hosts.length === 0) {
    return [
      {
        target: 'ssh',
        label: 'docker over SSH',
        ok: false,
        error: 'docker.via is ssh, but the environment has no hosts to reach Docker on',
      },
    ];
  }
  return Promise.all(
    hosts.map((host) => {
      const label = `docker on ${host.label} over SSH`;
      if (!host.connection) {
        return {
          target: host.name,
          label,
          ok: false,
          error: `not checked: ${host.error ?? `${host.name} is not reachable`}`,
        };
      }
      const client = createDockerClient({
        via: 'ssh',
        client: host.connection.client,
        hostLabel: host.connection.label,
      });
      return versionOf(host.name, client, limitMs);
    }),
  );
}

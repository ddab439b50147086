import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { Host, NamedEnvironment } from '../../../shared/formats/environment-schema';
import { createDockerClient, type DockerClient } from '../docker/docker-client';
import { createDockerOps, type DockerOps } from '../docker/docker-ops';
import type { Logger } from '../ports';
import type { SshConnection } from '../ssh/ssh-connection';
import { createSshPool, type SshPool } from '../ssh/ssh-pool';
import type { SshHostConfig } from '../ssh/ssh-target';

// The environment's machines as one run sees them: one SSH connection per host for the whole run
// (the pool), and one Docker client per engine (local, DOCKER_HOST, or each host's over its SSH).

/** Key and known_hosts paths in environments.yml are relative to the project, like every other path there. */
function projectFile(root: string, path: string | undefined): string | undefined {
  if (!path) return undefined;
  if (path.startsWith('~/')) return join(homedir(), path.slice(2));
  return isAbsolute(path) ? path : join(root, path);
}

export function sshConfigOf(host: Host, projectRoot: string): SshHostConfig {
  return {
    name: host.name,
    address: host.address ?? '',
    port: host.port,
    user: host.user,
    identityFile: projectFile(projectRoot, host.identityFile),
    agent: host.agent,
    hostKey: host.hostKey,
    knownHosts: projectFile(projectRoot, host.knownHosts),
    alias: host.alias,
  };
}

export interface TargetHosts {
  readonly pool: SshPool;
  connection(hostName: string): Promise<SshConnection>;
  /** Docker on `local` (this machine or DOCKER_HOST) or on a named host over SSH. */
  docker(hostName: string): Promise<DockerOps>;
  close(): Promise<void>;
}

export function createTargetHosts(environment: NamedEnvironment, projectRoot: string, logger: Logger): TargetHosts {
  const pool = createSshPool({ logger });
  const dockers = new Map<string, DockerOps>();
  const hostConfig = (name: string): SshHostConfig => {
    const host = environment.hosts.find((h) => h.name === name);
    if (!host) throw new Error(`host "${name}" is not in environment "${environment.name}"`);
    return sshConfigOf(host, projectRoot);
  };
  return {
    pool,
    connection: (name) => pool.connection(hostConfig(name)),
    async docker(name) {
      const known = dockers.get(name);
      if (known) return known;
      let client: DockerClient;
      if (name === 'local') {
        const access = environment.docker;
        client = createDockerClient(access.via === 'local' ? { via: 'local', socket: access.socket } : { via: 'env' });
      } else {
        const conn = await pool.connection(hostConfig(name));
        client = createDockerClient({ via: 'ssh', client: conn.client, hostLabel: conn.label });
      }
      const ops = createDockerOps(client);
      dockers.set(name, ops);
      return ops;
    },
    async close() {
      await pool.close();
    },
  };
}

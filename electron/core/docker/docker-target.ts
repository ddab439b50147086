import type { Client } from 'ssh2';

/** How Docker is reached: the local socket, whatever DOCKER_HOST says, or a host we already hold an SSH link to. */
export type DockerTarget =
  | { via: 'local'; socket?: string }
  | { via: 'env' }
  | { via: 'ssh'; client: Client; hostLabel: string };

export const defaultDockerSocket = '/var/run/docker.sock';

/** The label messages use: "local socket /var/run/docker.sock", "DOCKER_HOST=tcp://…", "docker on web-1 over SSH". */
export function describeTarget(target: DockerTarget, env: NodeJS.ProcessEnv = process.env): string {
  switch (target.via) {
    case 'local':
      return `local socket ${target.socket ?? defaultDockerSocket}`;
    case 'env':
      return env.DOCKER_HOST
        ? `DOCKER_HOST=${env.DOCKER_HOST}`
        : `local socket ${defaultDockerSocket} (DOCKER_HOST unset)`;
    case 'ssh':
      return `docker on ${target.hostLabel} over SSH`;
  }
}

/** The address a person would type to reach the engine, for "unreachable at …" messages. */
export function targetEndpoint(target: DockerTarget, env: NodeJS.ProcessEnv = process.env): string {
  switch (target.via) {
    case 'local':
      return `unix://${target.socket ?? defaultDockerSocket}`;
    case 'env':
      return env.DOCKER_HOST || `unix://${defaultDockerSocket}`;
    case 'ssh':
      return `docker on ${target.hostLabel} over SSH`;
  }
}

import type { Agent } from 'node:http';
import Dockerode from 'dockerode';
import { type DockerCallContext, DockerError, toDockerError } from './docker-errors';
import { type DockerTarget, defaultDockerSocket, describeTarget, targetEndpoint } from './docker-target';
import { sshDialAgent } from './ssh-dial-agent';

export { type DockerTarget, describeTarget } from './docker-target';

/** A dockerode handle plus what messages need to say where it points. */
export interface DockerClient {
  readonly docker: Dockerode;
  readonly target: DockerTarget;
  /** "local socket /var/run/docker.sock", "DOCKER_HOST=tcp://…", "docker on web-1 over SSH". */
  readonly label: string;
  /** "unix:///var/run/docker.sock", "tcp://…": what "unreachable at …" names. */
  readonly endpoint: string;
}

/**
 * Opens no connection yet: dockerode dials per request. For SSH targets every request is a
 * `docker system dial-stdio` channel on the given, already authenticated ssh2 client.
 */
export function createDockerClient(target: DockerTarget): DockerClient {
  const label = describeTarget(target);
  const endpoint = targetEndpoint(target);
  return { docker: new Dockerode(modemOptions(target, label)), target, label, endpoint };
}

// docker-modem honours `agent`; the typings do not list it.
type ModemOptions = Dockerode.DockerOptions & { agent?: Agent };

function modemOptions(target: DockerTarget, label: string): ModemOptions {
  switch (target.via) {
    case 'local':
      // host: undefined, or docker-modem would prefer a DOCKER_HOST tcp address from the environment.
      return { socketPath: target.socket ?? defaultDockerSocket, host: undefined, protocol: 'http' };
    case 'env':
      checkDockerHost(label);
      return {};
    case 'ssh':
      // Small request/response exchanges over the channel otherwise wait on Nagle + delayed ACK
      // (~50 ms per API call here instead of ~20 ms); OpenSSH sets the same for interactive sessions.
      target.client.setNoDelay(true);
      // The host name is never resolved: the agent hands node:http the SSH channel as its socket.
      return {
        protocol: 'http',
        host: 'docker',
        port: 80,
        socketPath: undefined,
        agent: sshDialAgent(target.client, target.hostLabel),
      };
  }
}

// docker-modem throws an unhelpful message for a malformed DOCKER_HOST; say which value and which forms work.
function checkDockerHost(label: string): void {
  const value = process.env.DOCKER_HOST;
  if (!value) return;
  const supported = /^(unix|tcp|ssh|npipe|http|https):\/\//.test(value);
  let parsable = true;
  try {
    if (!value.startsWith('unix://') && !value.startsWith('npipe://')) new URL(value);
  } catch {
    parsable = false;
  }
  if (!supported || !parsable) {
    throw new DockerError(
      'engine-unreachable',
      `DOCKER_HOST="${value}" is not a Docker address: use unix:///path/docker.sock, tcp://host:2375 or ssh://user@host`,
      { target: label },
    );
  }
}

/** The context every runner passes to toDockerError. */
export function callContext(
  client: DockerClient,
  action: string,
  extra: Partial<Pick<DockerCallContext, 'notFound' | 'fallback'>> = {},
): DockerCallContext {
  return {
    label: client.label,
    endpoint: client.endpoint,
    sshHost: client.target.via === 'ssh' ? client.target.hostLabel : undefined,
    action,
    notFound: extra.notFound,
    fallback: extra.fallback ?? 'exec-failed',
  };
}

/** Runs one engine call and maps any failure to a DockerError that names the target. */
export async function dockerCall<T>(
  client: DockerClient,
  action: string,
  call: () => Promise<T>,
  extra: Partial<Pick<DockerCallContext, 'notFound' | 'fallback'>> = {},
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toDockerError(error, callContext(client, action, extra));
  }
}

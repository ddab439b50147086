import type { DemoDocker } from '../../../shared/api/schemas/demo';
import { createDockerClient, type DockerClient } from '../docker/docker-client';
import { DockerError } from '../docker/docker-errors';
import { targetEndpoint } from '../docker/docker-target';
import { engineVersion } from '../docker/engine-info';

// The demo runs its service in Docker, reached as the docker CLI would: DOCKER_HOST when set, else
// the local socket. When the engine does not answer, the demo says exactly that and how to start it.

const answerWithin = 5000;

export function demoDockerClient(): DockerClient {
  return createDockerClient({ via: 'env' });
}

/** Given no client, makes the demo's own (a malformed DOCKER_HOST then answers here, not as a throw). */
export async function checkDemoDocker(given?: DockerClient): Promise<DemoDocker> {
  const socket = targetEndpoint({ via: 'env' });
  let timer: NodeJS.Timeout | undefined;
  try {
    const client = given ?? demoDockerClient();
    const version = await Promise.race([
      engineVersion(client),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new DockerError('timeout', 'no answer within 5 s', { target: socket })),
          answerWithin,
        );
      }),
    ]);
    return { ok: true, socket, version: version.version };
  } catch (error) {
    return { ok: false, socket, message: dockerDownMessage(socket, error) };
  } finally {
    clearTimeout(timer);
  }
}

function dockerDownMessage(socket: string, error: unknown): string {
  const code = error instanceof DockerError ? error.code : undefined;
  // A DOCKER_HOST that is no address at all: the client's own message names the value and the forms.
  if (code === 'engine-unreachable' && !(error as Error).cause) return (error as Error).message;
  const cause = (error as { cause?: { code?: string } })?.cause?.code;
  if (cause === 'EACCES' || cause === 'EPERM') {
    return (
      `The Docker engine at ${socket} refused this user (permission denied). ` +
      'Add yourself to the docker group (sudo usermod -aG docker $USER), log in again, then check again.'
    );
  }
  const what =
    code === 'timeout'
      ? `The Docker engine at ${socket} did not answer within 5 s.`
      : `The Docker engine is not running: nothing answers at ${socket}.`;
  return (
    `${what} The demo runs its service in Docker containers. Start the engine ` +
    '(Linux: sudo systemctl start docker, or sudo dockerd &; macOS and Windows: open Docker Desktop), then check again.'
  );
}

/** Thrown by demo set-up when Docker is down: the message is the whole story. */
export class DemoUnavailableError extends Error {
  override readonly name = 'DemoUnavailableError';
}

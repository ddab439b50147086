import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createDockerClient, describeTarget } from './docker-client';
import { DockerError } from './docker-errors';
import { createDockerOps } from './docker-ops';

const savedDockerHost = process.env.DOCKER_HOST;
afterEach(() => {
  if (savedDockerHost === undefined) delete process.env.DOCKER_HOST;
  else process.env.DOCKER_HOST = savedDockerHost;
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

describe('createDockerClient', () => {
  it('talks to the local engine through the default socket', async () => {
    const ops = createDockerOps(createDockerClient({ via: 'local' }));
    const version = await ops.engineVersion();
    expect(version.os).toBe('linux');
    expect(version.apiVersion).toMatch(/^1\.\d+$/);
  });

  it('uses the given local socket even when DOCKER_HOST points elsewhere', async () => {
    process.env.DOCKER_HOST = 'tcp://127.0.0.1:1';
    const client = createDockerClient({ via: 'local', socket: '/var/run/docker.sock' });
    expect(client.label).toBe('local socket /var/run/docker.sock');
    await expect(createDockerOps(client).engineVersion()).resolves.toMatchObject({ os: 'linux' });
  });

  it('DOCKER_HOST to a socket that does not exist → engine-unreachable naming it, with what to do', async () => {
    process.env.DOCKER_HOST = 'unix:///tmp/does-not-exist.sock';
    const client = createDockerClient({ via: 'env' });
    expect(client.label).toBe('DOCKER_HOST=unix:///tmp/does-not-exist.sock');
    const error = await createDockerOps(client)
      .engineVersion()
      .catch((e) => e);
    expect(error).toBeInstanceOf(DockerError);
    expect(error.code).toBe('engine-unreachable');
    expect(error.message).toBe(
      'Docker engine unreachable at unix:///tmp/does-not-exist.sock (ENOENT): is dockerd running? ' +
        'Start it with `sudo systemctl start docker` or `dockerd &`',
    );
  });

  it('a dead local socket path → engine-unreachable on every operation, not only the first', async () => {
    const ops = createDockerOps(createDockerClient({ via: 'local', socket: '/tmp/nope.sock' }));
    for (const attempt of [() => ops.list(), () => ops.stop('web'), () => ops.exec('web', ['true'])]) {
      const error = await attempt().catch((e) => e);
      expect(error.code).toBe('engine-unreachable');
      expect(error.message).toContain('unix:///tmp/nope.sock (ENOENT)');
    }
  });

  it('DOCKER_HOST=tcp:// with nothing listening → engine-unreachable (ECONNREFUSED)', async () => {
    const port = await closedPort();
    process.env.DOCKER_HOST = `tcp://127.0.0.1:${port}`;
    const error = await createDockerOps(createDockerClient({ via: 'env' }))
      .engineVersion()
      .catch((e) => e);
    expect(error.code).toBe('engine-unreachable');
    expect(error.message).toContain(`tcp://127.0.0.1:${port} (ECONNREFUSED)`);
  });

  it('a malformed DOCKER_HOST is refused up front, quoting it', () => {
    process.env.DOCKER_HOST = 'not a host';
    expect(() => createDockerClient({ via: 'env' })).toThrow(/DOCKER_HOST="not a host" is not a Docker address/);
  });

  it('describes each kind of target', () => {
    expect(describeTarget({ via: 'local' })).toBe('local socket /var/run/docker.sock');
    process.env.DOCKER_HOST = 'tcp://10.0.0.5:2375';
    expect(describeTarget({ via: 'env' })).toBe('DOCKER_HOST=tcp://10.0.0.5:2375');
  });
});

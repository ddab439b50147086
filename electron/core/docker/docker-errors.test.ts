import { describe, expect, it } from 'vitest';
import { type DockerCallContext, DockerError, toDockerError } from './docker-errors';

const ctx: DockerCallContext = {
  label: 'local socket /var/run/docker.sock',
  endpoint: 'unix:///var/run/docker.sock',
  action: 'start container web',
  notFound: { kind: 'container', name: 'web' },
  fallback: 'exec-failed',
};

// Shapes as docker-modem and node produce them.
const modemError = (statusCode: number, message: string) =>
  Object.assign(new Error(`(HTTP code ${statusCode}) unexpected - ${message} `), { statusCode, json: { message } });
const errno = (code: string) => Object.assign(new Error(`connect ${code} /var/run/docker.sock`), { code });

describe('toDockerError', () => {
  it('maps socket failures to engine-unreachable with a next step', () => {
    const e = toDockerError(errno('ECONNREFUSED'), ctx);
    expect(e.code).toBe('engine-unreachable');
    expect(e.message).toBe(
      'Docker engine unreachable at unix:///var/run/docker.sock (ECONNREFUSED): is dockerd running? Start it with `sudo systemctl start docker` or `dockerd &`',
    );
    expect(toDockerError(errno('EACCES'), ctx).message).toContain('docker group');
  });

  it('over SSH the hint talks about that host', () => {
    const e = toDockerError(errno('ESSHDIAL'), { ...ctx, endpoint: 'docker on web-1 over SSH', sshHost: 'web-1' });
    expect(e.message).toContain('Is dockerd running on web-1');
  });

  it('404 → container-not-found or image-not-found, naming it', () => {
    expect(toDockerError(modemError(404, 'No such container: web'), ctx)).toMatchObject({
      code: 'container-not-found',
      statusCode: 404,
      message:
        'No container "web" on local socket /var/run/docker.sock (start container web): check the container name',
    });
    const image = toDockerError(modemError(404, 'No such image'), {
      ...ctx,
      notFound: { kind: 'image', name: 'app:1' },
    });
    expect(image.code).toBe('image-not-found');
    expect(image.message).toContain('"app:1"');
  });

  it("409 → conflict in the engine's own words; other statuses → the fallback code", () => {
    const conflict = toDockerError(modemError(409, 'name "/web" is already in use'), ctx);
    expect(conflict.code).toBe('conflict');
    expect(conflict.message).toBe(
      'Cannot start container web on local socket /var/run/docker.sock: name "/web" is already in use',
    );
    const other = toDockerError(modemError(500, 'port is already allocated'), ctx);
    expect(other.code).toBe('exec-failed');
    expect(other.message).toContain('(engine answered HTTP 500): port is already allocated');
  });

  it('aborts → cancelled; DockerErrors pass through', () => {
    const abort = Object.assign(new Error('aborted'), { name: 'AbortError' });
    expect(toDockerError(abort, ctx).code).toBe('cancelled');
    const original = new DockerError('timeout', 'slow', { target: 'x' });
    expect(toDockerError(original, ctx)).toBe(original);
  });
});

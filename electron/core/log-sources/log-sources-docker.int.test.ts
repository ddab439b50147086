import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { createDockerClient } from '../docker/docker-client';
import { createDockerOps } from '../docker/docker-ops';
import { useDockerCleanup } from '../docker/test-support/docker-cleanup';
import { rejectionOf } from '../test-support/rejection';
import { ctx, type LogSourcesLab, labSecret, startLogSourcesLab } from './test-support/log-sources-lab';

// Container sources against the real Docker engine: on this machine (the environment's default)
// and on a host's engine over SSH; secrets masked; a stopped container's last lines; a wrong name.

const docker = createDockerClient({ via: 'local' });
const ops = createDockerOps(docker);

const rejection = (promise: Promise<unknown>) => rejectionOf(promise, ApiError);

let lab: LogSourcesLab;
beforeAll(async () => {
  lab = await startLogSourcesLab();
});
afterAll(async () => {
  await lab?.stop();
});

describe('container sources', () => {
  const cleanup = useDockerCleanup(docker);

  it("follows the app's container on the local engine by default, masking secrets; the container stopping ends it", async () => {
    const script = `echo "login with ${labSecret}"; i=0; while true; do echo "tick $i"; echo "warn $i" >&2; i=$((i+1)); sleep 0.1; done`;
    await ops.runContainer({ name: lab.appContainer, image: lab.image, cmd: ['sh', '-c', script], replace: true });
    try {
      const info = await lab.follow({ kind: 'container' });
      expect(info).toMatchObject({
        label: `docker:${lab.appContainer}@local`,
        source: { kind: 'container', host: 'local', container: lab.appContainer },
      });
      await lab.pushes.waitForLine(info.followId, 'tick 3');
      expect(lab.pushes.linesOf(info.followId, 'stdout')).toContain('login with [secret]');
      expect(lab.pushes.linesOf(info.followId, 'stderr')).toContain('warn 1');
      expect(JSON.stringify(lab.pushes.pushes)).not.toContain(labSecret);

      await ops.stop(lab.appContainer, { timeoutSec: 1 });
      const end = await lab.pushes.waitForEnd(info.followId);
      expect(end.code).toBe('exited');
      expect(end.reason).toMatch(
        new RegExp(
          `^container "${lab.appContainer}" exited with code \\d+ \\(local socket /var/run/docker\\.sock\\); its log ends here$`,
        ),
      );
    } finally {
      await ops.remove(lab.appContainer, { force: true }).catch(() => undefined);
    }
  });

  it("follows a container through a host's Docker over SSH (docker.via: ssh, the first host by default)", async () => {
    const name = cleanup.name('rp-logs-ssh');
    await ops.runContainer({
      name,
      image: lab.image,
      cmd: ['sh', '-c', 'i=0; while true; do echo "beat $i"; i=$((i+1)); sleep 0.1; done'],
    });
    const info = await lab.follow({ kind: 'container', container: name }, 'fleet');
    expect(info).toMatchObject({ label: `docker:${name}@web-1`, source: { host: 'web-1' } });
    await lab.pushes.waitForLine(info.followId, 'beat 2');
    expect(await lab.engine.handlers['logs:unfollow']({ followId: info.followId }, ctx)).toMatchObject({
      code: 'removed',
    });
  });

  it('a container that already stopped: its last lines are shown, then the follow ends as exited', async () => {
    const name = cleanup.name('rp-logs-done');
    await ops.runContainer({
      name,
      image: lab.image,
      cmd: ['sh', '-c', 'echo "migration 1 done"; echo "fatal: disk full" >&2; exit 3'],
    });
    await docker.docker.getContainer(name).wait();
    const info = await lab.follow({ kind: 'container', container: name });
    const end = await lab.pushes.waitForEnd(info.followId);
    expect(end).toMatchObject({ code: 'exited', reason: expect.stringContaining(`"${name}" exited with code 3 (`) });
    expect(lab.pushes.linesOf(info.followId, 'stdout')).toEqual(['migration 1 done']);
    expect(lab.pushes.linesOf(info.followId, 'stderr')).toEqual(['fatal: disk full']);
  });

  it('a container that does not exist → not-found naming it and the engine', async () => {
    const error = await rejection(lab.follow({ kind: 'container', container: 'rp-no-such-container' }));
    expect(error.code).toBe('not-found');
    expect(error.message).toBe(
      'No container "rp-no-such-container" on local socket /var/run/docker.sock (inspect container rp-no-such-container): check the container name',
    );
  });
});

import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { createDockerClient } from './docker-client';
import { DockerError } from './docker-errors';
import { createDockerOps } from './docker-ops';
import { useDockerCleanup } from './test-support/docker-cleanup';

const client = createDockerClient({ via: 'local' });
const ops = createDockerOps(client);

function contextIn(dir: string, dockerfile: string): string {
  copyFileSync('/bin/busybox', join(dir, 'busybox'));
  writeFileSync(join(dir, 'Dockerfile'), dockerfile);
  return dir;
}

describe('build', () => {
  const cleanup = useDockerCleanup(client);
  const tempDir = useTempDirs('rp-docker-build-');
  const context = (dockerfile: string) => contextIn(tempDir(), dockerfile);
  it('streams the build output, applies labels and build args, and returns the image id', async () => {
    const dir = context(
      [
        'FROM scratch',
        'ARG GREETING',
        'COPY busybox /bin/busybox',
        'LABEL greeting=$GREETING',
        'CMD ["/bin/busybox", "true"]',
      ].join('\n'),
    );
    const tag = cleanup.tag();
    const lines: string[] = [];
    const { imageId } = await ops.build(
      { context: dir, tags: [tag], buildArgs: { GREETING: 'hello' }, labels: { 'dev.release-pilot.test': 'yes' } },
      (line) => lines.push(line),
    );
    expect(imageId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(lines.some((l) => /^Step 1\/\d+ : FROM scratch$/.test(l))).toBe(true);
    const info = await client.docker.getImage(tag).inspect();
    expect(info.Id).toBe(imageId);
    expect(info.Config.Labels).toMatchObject({ greeting: 'hello', 'dev.release-pilot.test': 'yes' });
  });

  it('tags an image under a second name', async () => {
    const source = cleanup.tag();
    const target = cleanup.tag('rp-test-retag');
    const { imageId } = await ops.build(
      { context: context('FROM scratch\nCOPY busybox /bin/busybox\n'), tags: [source] },
      () => {},
    );
    await ops.tag(source, target);
    expect((await client.docker.getImage(target).inspect()).Id).toBe(imageId);
  });

  it('a failing instruction → build-failed naming the step and the engine error', async () => {
    const dir = context('FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "false"]\n');
    const lines: string[] = [];
    const error = await ops.build({ context: dir, tags: [cleanup.tag()] }, (l) => lines.push(l)).catch((e) => e);
    expect(error).toBeInstanceOf(DockerError);
    expect(error.code).toBe('build-failed');
    expect(error.message).toContain('Step 3/3 : RUN ["/bin/busybox", "false"]');
    expect(error.message).toContain('returned a non-zero code: 1');
    expect(error.message).toContain('local socket /var/run/docker.sock');
    expect(lines.at(-1)).toContain('non-zero code');
  });

  it('a COPY of a missing file → build-failed naming the COPY step', async () => {
    const dir = context('FROM scratch\nCOPY no-such-file /x\n');
    const error = await ops.build({ context: dir, tags: [cleanup.tag()] }, () => {}).catch((e) => e);
    expect(error.code).toBe('build-failed');
    expect(error.message).toContain('COPY no-such-file /x');
  });

  it('a missing context or Dockerfile is named before anything is sent', async () => {
    const missing = await ops.build({ context: '/tmp/rp-no-such-context', tags: ['x:1'] }, () => {}).catch((e) => e);
    expect(missing.code).toBe('build-failed');
    expect(missing.message).toContain('/tmp/rp-no-such-context');
    const noDockerfile = await ops
      .build({ context: tempDir(), dockerfile: 'Dockerfile.prod', tags: ['x:1'] }, () => {})
      .catch((e) => e);
    expect(noDockerfile.message).toMatch(/No Dockerfile\.prod in build context/);
  });

  it('tagging an image that does not exist → image-not-found naming it', async () => {
    const error = await ops.tag('rp-no-such-image:0', 'rp-whatever:1').catch((e) => e);
    expect(error.code).toBe('image-not-found');
    expect(error.message).toContain('rp-no-such-image:0');
  });

  it('an invalid tag is refused in the plan, naming the field', async () => {
    await expect(ops.build({ context: tempDir(), tags: ['Bad Tag'] }, () => {})).rejects.toThrow(
      /tags\[0\]: "Bad Tag"/,
    );
  });
});

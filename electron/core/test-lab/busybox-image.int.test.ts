import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createDockerClient } from '../docker/docker-client';
import { createDockerOps } from '../docker/docker-ops';
import { buildBusyboxImage, buildDemoWebImage } from './busybox-image';

const client = createDockerClient({ via: 'local' });
const ops = createDockerOps(client);

describe('busybox image lab', () => {
  const containers: string[] = [];
  const tags: string[] = [];
  afterEach(async () => {
    for (const name of containers.splice(0)) await ops.remove(name, { force: true }).catch(() => undefined);
    for (const tag of tags.splice(0))
      await client.docker
        .getImage(tag)
        .remove()
        .catch(() => undefined);
  });

  async function serve(tag: string): Promise<number> {
    const name = `rp-lab-${randomUUID().slice(0, 8)}`;
    containers.push(name);
    await ops.runContainer({ name, image: tag, ports: ['127.0.0.1::80'] });
    await ops.waitHealthy(name, { timeoutMs: 15_000 });
    const [listed] = await ops.list({ name });
    const port = /:(\d+)->80\//.exec(listed?.ports.join(' ') ?? '')?.[1];
    return Number(port);
  }

  it('the demo web image serves /health and /version and reports healthy', async () => {
    const version = `3.1.${Date.now() % 1000}-rc+${randomUUID().slice(0, 4)}`;
    const image = await buildDemoWebImage(client, version);
    expect(image.tag).toMatch(/^rp-lab-demo-web:3\.1\.\d+-rc-[0-9a-f]{4}$/);
    tags.push(image.tag);
    const port = await serve(image.tag);
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(health.status).toBe(200);
    expect(await health.text()).toBe('ok');
    expect(await (await fetch(`http://127.0.0.1:${port}/version`)).text()).toBe(version);
  });

  it('reuses an image with the same content, retagging it instead of rebuilding', async () => {
    const first = await buildDemoWebImage(client, '0.0.1-cache');
    const again = await buildDemoWebImage(client, '0.0.1-cache');
    expect(again).toMatchObject({ cached: true, imageId: first.imageId });
    const otherTag = `rp-lab-retag-${randomUUID().slice(0, 8)}:x`;
    tags.push(otherTag);
    const files = { '/www/health': 'ok', '/www/version': '0.0.1-cache' };
    const spec = { tag: otherTag, files, cmd: ['true'] };
    const built = await buildBusyboxImage(client, spec);
    const retagged = await buildBusyboxImage(client, { ...spec, tag: `${otherTag}2` });
    tags.push(`${otherTag}2`);
    expect(retagged).toMatchObject({ cached: true, imageId: built.imageId });
    expect((await client.docker.getImage(`${otherTag}2`).inspect()).Id).toBe(built.imageId);
  });

  it('serves CGI scripts (files starting with #! are executable)', async () => {
    const tag = `rp-lab-cgi-${randomUUID().slice(0, 8)}:1`;
    tags.push(tag);
    await buildBusyboxImage(client, {
      tag,
      files: {
        '/www/health': 'ok',
        // busybox httpd passes CGI headers through as written, and node's HTTP parser wants CRLF.
        '/www/cgi-bin/echo': '#!/bin/sh\nprintf "Content-Type: text/plain\\r\\n\\r\\n"\necho "query=$QUERY_STRING"\n',
      },
      cmd: ['httpd', '-f', '-p', '80', '-h', '/www'],
      healthcheck: { test: ['wget', '-q', '-O', '/dev/null', 'http://127.0.0.1/health'], intervalMs: 300 },
    });
    const port = await serve(tag);
    expect(await (await fetch(`http://127.0.0.1:${port}/cgi-bin/echo?a=1`)).text()).toBe('query=a=1\n');
  });

  it('a relative file path is refused, naming it', async () => {
    await expect(buildBusyboxImage(client, { tag: 'rp-lab-bad:1', files: { 'www/x': 'y' } })).rejects.toThrow(
      'files["www/x"]: image paths must be absolute',
    );
  });
});

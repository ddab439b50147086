import { randomUUID } from 'node:crypto';
import { afterEach } from 'vitest';
import type { DockerClient } from '../docker-client';

/**
 * Unique container names and image tags per test, all removed after it (force: a failed test must not
 * leave running containers behind for the next run).
 */
export function useDockerCleanup(client: DockerClient): {
  name(prefix?: string): string;
  tag(prefix?: string): string;
} {
  const containers: string[] = [];
  const images: string[] = [];
  afterEach(async () => {
    for (const name of containers.splice(0)) {
      await client.docker
        .getContainer(name)
        .remove({ force: true, v: true })
        .catch(() => undefined);
    }
    for (const tag of images.splice(0)) {
      await client.docker
        .getImage(tag)
        .remove({ noprune: false })
        .catch(() => undefined);
    }
  });
  const suffix = () => randomUUID().slice(0, 8);
  return {
    name(prefix = 'rp-test') {
      const name = `${prefix}-${suffix()}`;
      containers.push(name);
      return name;
    },
    tag(prefix = 'rp-test-image') {
      const tag = `${prefix}-${suffix()}:test`;
      images.push(tag);
      return tag;
    },
  };
}

/** The host port a "127.0.0.1::80" mapping got, read from a list() port string "127.0.0.1:32768->80/tcp". */
export function publishedPort(ports: string[], containerPort = 80): number {
  for (const p of ports) {
    const match = /:(\d+)->(\d+)\//.exec(p);
    if (match && Number(match[2]) === containerPort) return Number(match[1]);
  }
  throw new Error(`no published port for ${containerPort} in ${JSON.stringify(ports)}`);
}

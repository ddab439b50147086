import { randomUUID } from 'node:crypto';
import { Environment, type NamedEnvironment } from '../../../../shared/formats/environment-schema';
import { createDockerClient, type DockerClient } from '../../docker/docker-client';
import { buildDemoWebImage } from '../../test-lab/busybox-image';
import { freePort } from '../../test-lab/sshd-lab';
import { type NginxLab, startTestNginx } from './nginx-lab';

// Everything a blue-green or canary test (or the switch-back benchmark) needs: a private nginx,
// two free slot ports, the demo web image in each version asked for, and an environment tying them
// together. stop() removes the slot containers (unique names per lab) and nginx.

export const demoImage = 'rp-lab-demo-web';

export interface SlotLab {
  nginx: NginxLab;
  docker: DockerClient;
  environment: NamedEnvironment;
  /** The demo app's /version through nginx: its body is the version that answered. */
  versionUrl: string;
  stop(): Promise<void>;
}

export interface SlotLabOptions {
  versions: string[];
  /** Environment `deploy:` fields over the lab's slots (canary weights, healthTimeout …). */
  deploy?: Record<string, unknown>;
  /** Environment `app:` fields over the demo app's. */
  app?: Record<string, unknown>;
}

export async function startSlotLab(options: SlotLabOptions): Promise<SlotLab> {
  const docker = createDockerClient({ via: 'local', socket: '/var/run/docker.sock' });
  for (const version of options.versions) await buildDemoWebImage(docker, version);
  const nginx = await startTestNginx();
  const container = `rp-slot-${randomUUID().slice(0, 8)}`;
  const [blue, green] = [await freePort(), await freePort()];
  const environment: NamedEnvironment = {
    ...Environment.parse({
      app: { image: demoImage, container, healthPath: '/health', ...options.app },
      proxy: nginx.proxy,
      deploy: { slots: { blue, green }, healthTimeout: 30, ...options.deploy },
    }),
    name: 'lab',
  };
  return {
    nginx,
    docker,
    environment,
    versionUrl: `${nginx.url}/version`,
    async stop() {
      for (const slot of ['blue', 'green']) {
        await docker.docker
          .getContainer(`${container}-${slot}`)
          .remove({ force: true, v: true })
          .catch(() => undefined);
      }
      await nginx.stop();
    },
  };
}

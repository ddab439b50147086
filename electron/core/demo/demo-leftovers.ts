import type { DockerClient } from '../docker/docker-client';
import type { DemoLayout } from './demo-layout';
import { stopDemoNginx } from './demo-nginx-process';
import { demoNginx } from './demo-proxy';

// What a demo leaves running outside its folder: its nginx (a daemon) and its containers. Stopped
// before the folder is deleted (a reset, or a re-creation after its state was lost), since the pid
// file and the names are the only way back to them.

async function removeContainers(client: DockerClient, prefix: string): Promise<number> {
  const list = await client.docker.listContainers({ all: true, filters: { name: [prefix] } });
  // The name filter matches anywhere in the name: keep only ours.
  const ours = list.filter((c) => c.Names.some((n) => n.replace(/^\//, '').startsWith(prefix)));
  for (const container of ours) await client.docker.getContainer(container.Id).remove({ force: true });
  return ours.length;
}

/** Stops the demo's nginx (found by its pid file, whatever the binary) and removes its containers. */
export async function clearDemoLeftovers(layout: DemoLayout, client: DockerClient): Promise<number> {
  await stopDemoNginx(demoNginx('nginx', layout.proxy));
  return removeContainers(client, layout.containerPrefix);
}

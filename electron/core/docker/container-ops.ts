import { type DockerClient, dockerCall } from './docker-client';
import { DockerError } from './docker-errors';
import { type RemovePlan, type RunPlan, type StopPlan, versionLabel } from './docker-plans';

export interface ContainerSummary {
  name: string;
  image: string;
  /** created | running | paused | restarting | removing | exited | dead */
  state: string;
  /** The engine's human text, e.g. "Up 3 minutes (healthy)". */
  status: string;
  labels: Record<string, string>;
  /** "127.0.0.1:8080->80/tcp", or "80/tcp" when not published. */
  ports: string[];
}

const containerRef = (name: string) => ({ notFound: { kind: 'container' as const, name } });

/** Creates and starts the container; with `replace`, an existing one of that name is stopped and removed first. */
export async function runContainerPlan(client: DockerClient, plan: RunPlan): Promise<{ id: string; name: string }> {
  if (plan.replace) {
    await removeIfPresent(client, plan.name);
  }
  const image = plan.create.Image ?? '';
  const container = await dockerCall(
    client,
    `create container ${plan.name}`,
    () => client.docker.createContainer(plan.create),
    {
      notFound: { kind: 'image', name: image },
      fallback: 'conflict',
    },
  ).catch((error: DockerError) => {
    if (error.code === 'conflict' && !plan.replace) {
      throw new DockerError('conflict', `${error.message}. Pass replace: true to swap out the existing container.`, {
        target: error.target,
        cause: error,
        statusCode: error.statusCode,
      });
    }
    throw error;
  });
  try {
    await dockerCall(client, `start container ${plan.name}`, () => container.start(), {
      ...containerRef(plan.name),
      fallback: 'conflict',
    });
  } catch (error) {
    // A container that was created but could not start (port taken, bad command) would block the name.
    await container.remove({ force: true }).catch(() => undefined);
    throw error;
  }
  return { id: container.id, name: plan.name };
}

async function removeIfPresent(client: DockerClient, name: string): Promise<void> {
  try {
    await runStop(client, { kind: 'stop', name, timeoutSec: 10, summary: '' });
    await runRemove(client, { kind: 'remove', name, force: true, summary: '' });
  } catch (error) {
    if (error instanceof DockerError && error.code === 'container-not-found') return;
    throw error;
  }
}

/** Stopping a container that is already stopped is not an error. */
export async function runStop(client: DockerClient, plan: StopPlan): Promise<void> {
  try {
    await dockerCall(
      client,
      `stop container ${plan.name}`,
      () => client.docker.getContainer(plan.name).stop({ t: plan.timeoutSec }),
      {
        ...containerRef(plan.name),
        fallback: 'conflict',
      },
    );
  } catch (error) {
    if (error instanceof DockerError && error.statusCode === 304) return;
    throw error;
  }
}

export async function runRemove(client: DockerClient, plan: RemovePlan): Promise<void> {
  await dockerCall(
    client,
    `remove container ${plan.name}`,
    () => client.docker.getContainer(plan.name).remove({ force: plan.force, v: true }),
    { ...containerRef(plan.name), fallback: 'conflict' },
  );
}

export interface ListFilter {
  /** "key" or "key=value". */
  label?: string;
  /** Exact container name. */
  name?: string;
}

/** All containers, running or not, matching the filter. */
export async function listContainers(client: DockerClient, filter: ListFilter = {}): Promise<ContainerSummary[]> {
  const filters: Record<string, string[]> = {};
  if (filter.label) filters.label = [filter.label];
  // The engine's name filter is a regex on "/name"; anchor it so "web" does not also match "web-old".
  if (filter.name) filters.name = [`^/${filter.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`];
  const found = await dockerCall(
    client,
    'list containers',
    () => client.docker.listContainers({ all: true, filters }),
    {
      fallback: 'conflict',
    },
  );
  return found.map((c) => ({
    name: (c.Names[0] ?? c.Id).replace(/^\//, ''),
    image: c.Image,
    state: c.State,
    status: c.Status,
    labels: c.Labels ?? {},
    ports: c.Ports.map((p) =>
      p.PublicPort
        ? `${p.IP ? `${p.IP}:` : ''}${p.PublicPort}->${p.PrivatePort}/${p.Type}`
        : `${p.PrivatePort}/${p.Type}`,
    ),
  }));
}

/** The version the container was started with (its dev.release-pilot.version label), undefined when unlabelled. */
export async function inspectVersion(client: DockerClient, name: string): Promise<string | undefined> {
  const info = await dockerCall(client, `inspect container ${name}`, () => client.docker.getContainer(name).inspect(), {
    ...containerRef(name),
    fallback: 'conflict',
  });
  return info.Config.Labels?.[versionLabel];
}

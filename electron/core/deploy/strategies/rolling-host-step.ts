import { connect } from 'node:net';
import type { App } from '../../../../shared/formats/environment-schema';
import { dockerCall } from '../../docker/docker-client';
import type { DockerOps } from '../../docker/docker-ops';
import { versionLabel } from '../../docker/docker-plans';
import type { ToolIO } from '../../run/run-tools';
import { messageOf, StrategyError } from './rolling-errors';
import { waitForHttp200 } from './rolling-http-health';
import { type AppTarget, targetName } from './rolling-targets';

// One host's part of a rollout: check it can take the new version (before anything there is
// stopped), then replace its container and wait for its health URL. The check exists so a host
// that cannot run the new container keeps the old one, and its batch stops before touching anyone.

/** Image present on that engine, and the ports the container publishes free or held by its old self. */
export async function preflight(ops: DockerOps, target: AppTarget, image: string): Promise<void> {
  const who = targetName(target);
  await dockerCall(ops.client, `inspect image ${image}`, () => ops.client.docker.getImage(image).inspect(), {
    notFound: { kind: 'image', name: image },
  }).catch((error: unknown) => {
    const missing = (error as { code?: string }).code === 'image-not-found';
    throw new StrategyError(
      missing ? 'image-missing' : 'start-failed',
      `${who}: ${missing ? `image ${image} is not on ${ops.client.label}; build or pull it first` : messageOf(error)}`,
      { host: target.host, image },
    );
  });
  if (target.published.length === 0) return;
  const containers = await ops.list();
  for (const { address, port } of target.published) {
    const holder = containers.find((c) => c.state === 'running' && c.ports.some((p) => publishes(p, port)));
    if (holder && holder.name !== target.container) {
      throw new StrategyError(
        'port-taken',
        `${who}: port ${port} is published by container ${holder.name}, not ${target.container}; the new version could not start there`,
        { host: target.host, port, holder: holder.name },
      );
    }
    // Only this machine's ports can be tried directly; a remote host's are behind its firewall.
    if (!holder && ops.client.target.via !== 'ssh' && (await accepts(address ?? '127.0.0.1', port))) {
      throw new StrategyError(
        'port-taken',
        `${who}: port ${port} on ${address ?? '127.0.0.1'} is held by a process that is not a container; the new version could not publish it`,
        { host: target.host, port },
      );
    }
  }
}

const publishes = (mapping: string, port: number) => new RegExp(`(^|:)${port}->`).test(mapping);

function accepts(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: address === '0.0.0.0' ? '127.0.0.1' : address, port });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export interface RunVersionOptions {
  app: App;
  image: string;
  version: string;
  healthTimeoutMs: number;
  io: ToolIO;
}

/** Replaces the target's container with `image` and waits for its health URL to answer 200. */
export async function runVersion(ops: DockerOps, target: AppTarget, options: RunVersionOptions): Promise<void> {
  await startVersion(ops, target, options);
  await awaitHealth(target, options);
}

/** Stops and removes the target's container (when there is one) and starts `image` in its place. */
export async function startVersion(ops: DockerOps, target: AppTarget, options: RunVersionOptions): Promise<void> {
  const started = await ops
    .runContainer({
      name: target.container,
      image: options.image,
      ports: target.ports,
      env: options.app.env,
      version: options.version,
      replace: true,
    })
    .catch((error: unknown) => {
      throw new StrategyError(
        'start-failed',
        `${targetName(target)}: cannot start ${options.image}: ${messageOf(error)}`,
        { host: target.host, image: options.image },
      );
    });
  options.io.output(target.host, 'info', `started ${started.name} (${started.id.slice(0, 12)}) from ${options.image}`);
}

export async function awaitHealth(target: AppTarget, options: Pick<RunVersionOptions, 'healthTimeoutMs' | 'io'>) {
  const { waitedMs } = await waitForHttp200(target.healthUrl, {
    timeoutMs: options.healthTimeoutMs,
    signal: options.io.signal,
    host: targetName(target),
  });
  options.io.output(target.host, 'info', `${target.healthUrl} answered 200 after ${waitedMs} ms`);
}

/** True when the target already runs `version` (a retried rollout leaves such hosts alone). */
export async function runsVersion(ops: DockerOps, target: AppTarget, version: string): Promise<boolean> {
  const [found] = await ops.list({ name: target.container });
  return found?.state === 'running' && found.labels[versionLabel] === version;
}

import type Dockerode from 'dockerode';
import { callContext, type DockerClient, dockerCall } from '../../docker/docker-client';
import { toDockerError } from '../../docker/docker-errors';
import { versionLabel } from '../../docker/docker-plans';
import { SwarmError } from './swarm-errors';
import { rollbackPolicy, type SwarmSettings, updatePolicy } from './swarm-plan';

// The Docker API calls of the Swarm strategy: is this engine a manager, the service, its tasks,
// and the two kinds of update (a new spec, or the engine's own rollback to the previous spec).

export type SwarmService = Dockerode.Service & { Spec: Dockerode.ServiceSpec };

/** The fields of a task (GET /tasks) the strategy reads; dockerode types it as any. */
export interface SwarmTask {
  ID: string;
  Slot?: number;
  NodeID?: string;
  DesiredState: string;
  Version?: { Index?: number };
  CreatedAt?: string;
  Spec?: { ContainerSpec?: { Image?: string } };
  Status?: { State?: string; Message?: string; Err?: string; ContainerStatus?: { ExitCode?: number } };
}

interface SwarmInfo {
  LocalNodeState?: string;
  ControlAvailable?: boolean;
  Error?: string;
}

/** Why this engine cannot update services, or undefined when it is a swarm manager. Pure. */
export function swarmProblem(swarm: SwarmInfo | undefined, label: string, service: string): SwarmError | undefined {
  const state = swarm?.LocalNodeState ?? 'inactive';
  const details = { engine: label, service, state };
  if (state !== 'active') {
    const why = swarm?.Error ? ` (${swarm.Error})` : '';
    return new SwarmError(
      'swarm-inactive',
      `Docker Swarm is not active on ${label} (node state "${state}"${why}), so service "${service}" cannot be updated: run \`docker swarm init\` or join the swarm, or pick another strategy`,
      details,
    );
  }
  if (!swarm?.ControlAvailable) {
    return new SwarmError(
      'swarm-inactive',
      `${label} is a swarm worker, not a manager: service "${service}" can only be updated through a manager node`,
      details,
    );
  }
  return undefined;
}

export async function checkSwarmManager(client: DockerClient, service: string): Promise<void> {
  const info = await dockerCall(client, 'read the engine info', () => client.docker.info());
  const problem = swarmProblem((info as { Swarm?: SwarmInfo }).Swarm, client.label, service);
  if (problem) throw problem;
}

export async function inspectService(client: DockerClient, name: string): Promise<SwarmService> {
  try {
    const service = (await client.docker.getService(name).inspect()) as Dockerode.Service;
    if (!service.Spec) throw new Error(`the engine returned no spec for service ${name}`);
    return service as SwarmService;
  } catch (error) {
    if ((error as { statusCode?: unknown }).statusCode === 404) {
      throw new SwarmError(
        'swarm-service-not-found',
        `No Swarm service "${name}" on ${client.label}: check deploy.swarm.service (\`docker service ls\` lists them)`,
        { engine: client.label, service: name },
      );
    }
    throw toDockerError(error, callContext(client, `inspect service ${name}`));
  }
}

export async function listServiceTasks(client: DockerClient, service: SwarmService): Promise<SwarmTask[]> {
  const name = service.Spec.Name ?? service.ID;
  const tasks = await dockerCall(client, `list the tasks of service ${name}`, () =>
    client.docker.listTasks({ filters: { service: [service.ID] } }),
  );
  return tasks as SwarmTask[];
}

/** The image a spec runs, as written there. */
export function specImage(spec: Dockerode.ServiceSpec | undefined): string | undefined {
  const template = spec?.TaskTemplate as Dockerode.ContainerTaskSpec | undefined;
  return template?.ContainerSpec?.Image;
}

/** Compares image references ignoring a pinned digest ("app:v2@sha256:…" is "app:v2"). */
export function sameImage(a: string | undefined, b: string | undefined): boolean {
  const strip = (ref: string) => ref.replace(/@sha256:[0-9a-f]+$/, '');
  return a !== undefined && b !== undefined && strip(a) === strip(b);
}

/**
 * The version a spec runs: the label we set on deploy, else `fallback` (the run's idea of the
 * previous version), else the image's tag.
 */
export function specVersion(spec: Dockerode.ServiceSpec | undefined, fallback?: string): string | undefined {
  const template = spec?.TaskTemplate as Dockerode.ContainerTaskSpec | undefined;
  const label = (template?.ContainerSpec?.Labels as Record<string, string> | undefined)?.[versionLabel];
  if (label) return label;
  if (fallback) return fallback;
  const image = specImage(spec)?.replace(/@sha256:[0-9a-f]+$/, '');
  return image?.slice(image.lastIndexOf('/') + 1).split(':')[1];
}

/** The service's spec with only the image, version label and update/rollback policy changed. Pure. */
export function specForImage(
  spec: Dockerode.ServiceSpec,
  image: string,
  version: string,
  settings: SwarmSettings,
): Dockerode.ServiceSpec {
  const template = (spec.TaskTemplate ?? {}) as Dockerode.ContainerTaskSpec;
  const container = template.ContainerSpec ?? {};
  const labels = { ...((container.Labels as Record<string, string> | undefined) ?? {}), [versionLabel]: version };
  return {
    ...spec,
    TaskTemplate: { ...template, ContainerSpec: { ...container, Image: image, Labels: labels } },
    UpdateConfig: updatePolicy(settings, spec.UpdateConfig?.Order),
    RollbackConfig: rollbackPolicy(settings, spec.RollbackConfig?.Order ?? spec.UpdateConfig?.Order),
  };
}

/**
 * POST /services/{id}/update at the inspected version index, so an update someone else made in
 * between is refused rather than overwritten. `rollback` is `docker service rollback`: the engine
 * swaps in the previous spec itself. Returns the engine's warnings.
 */
export async function updateService(
  client: DockerClient,
  service: SwarmService,
  spec: Dockerode.ServiceSpec,
  options: { rollback?: boolean } = {},
): Promise<string[]> {
  const name = service.Spec.Name ?? service.ID;
  const query: Record<string, string | number> = { version: service.Version?.Index ?? 0 };
  if (options.rollback) query.rollback = 'previous';
  const action = options.rollback ? `roll back service ${name}` : `update service ${name}`;
  // docker-modem sends `_query` as the query string and `_body` as the JSON body.
  const answer = (await dockerCall(client, action, () =>
    client.docker.getService(service.ID).update({ _query: query, _body: spec }),
  )) as { Warnings?: string[] | null } | undefined;
  return answer?.Warnings ?? [];
}

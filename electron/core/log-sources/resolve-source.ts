import { type LogSourceSpec, type LogTargets, localHost } from '../../../shared/api/schemas/log-sources';
import type { Host, NamedEnvironment } from '../../../shared/formats/environment-schema';
import { CodedError } from '../lib/coded-error';

// A requested source checked against its environment before anything connects: the host must be
// one of the environment's (or this machine), Docker is reached the way the environment says,
// and a container source without a name takes the app's container.

export type LogSourceErrorCode = 'unknown-host' | 'no-container' | 'no-docker-host';

export class LogSourceError extends CodedError<LogSourceErrorCode> {}

/** Where a source's command or stream runs. */
export type SourcePlace = { kind: 'local' } | { kind: 'ssh'; host: Host };

export type ResolvedSource =
  | { kind: 'container'; spec: LogSourceSpec & { kind: 'container' }; docker: DockerPlace }
  | { kind: 'file' | 'journal'; spec: LogSourceSpec & { kind: 'file' | 'journal' }; place: SourcePlace };

/** This machine's engine (socket or DOCKER_HOST), or a host's engine over its SSH connection. */
export type DockerPlace = { via: 'local'; socket: string } | { via: 'env' } | { via: 'ssh'; host: Host };

function hostNames(environment: NamedEnvironment): string {
  return environment.hosts.map((h) => h.name).join(', ') || 'none';
}

function placeOf(environment: NamedEnvironment, name: string): SourcePlace {
  if (name === localHost) return { kind: 'local' };
  const host = environment.hosts.find((h) => h.name === name);
  if (!host) {
    throw new LogSourceError(
      'unknown-host',
      `host "${name}" is not in environment "${environment.name}" (hosts: ${hostNames(environment)}; "local" is this machine)`,
      { host: name, environment: environment.name },
    );
  }
  return { kind: 'ssh', host };
}

/** The `host` values a container source may name, the default first. */
export function dockerHosts(environment: NamedEnvironment): string[] {
  return environment.docker.via === 'ssh' ? environment.hosts.map((h) => h.name) : [localHost];
}

function dockerPlace(environment: NamedEnvironment, requested: string | undefined): DockerPlace {
  const access = environment.docker;
  if (access.via !== 'ssh') {
    if (requested !== undefined && requested !== localHost) {
      throw new LogSourceError(
        'no-docker-host',
        `environment "${environment.name}" reaches Docker ${access.via === 'local' ? `through this machine's socket ${access.socket}` : 'through DOCKER_HOST'} (docker.via: ${access.via}), not on host "${requested}": leave the host empty or write "local"`,
        { host: requested, environment: environment.name },
      );
    }
    return access.via === 'local' ? { via: 'local', socket: access.socket } : { via: 'env' };
  }
  const name = requested ?? environment.hosts[0]?.name;
  if (name === undefined) {
    throw new LogSourceError(
      'no-docker-host',
      `environment "${environment.name}" reaches Docker over SSH (docker.via: ssh) but has no hosts`,
      { environment: environment.name },
    );
  }
  const place = placeOf(environment, name);
  if (place.kind === 'local') {
    throw new LogSourceError(
      'no-docker-host',
      `environment "${environment.name}" reaches Docker on its hosts over SSH (docker.via: ssh): name one of ${hostNames(environment)}`,
      { host: name, environment: environment.name },
    );
  }
  return { via: 'ssh', host: place.host };
}

export function resolveSource(environment: NamedEnvironment, spec: LogSourceSpec): ResolvedSource {
  if (spec.kind !== 'container') return { kind: spec.kind, spec, place: placeOf(environment, spec.host) };
  const docker = dockerPlace(environment, spec.host);
  const container = spec.container ?? environment.app?.container;
  if (!container) {
    throw new LogSourceError(
      'no-container',
      `name a container: environment "${environment.name}" has no app.container to follow by default`,
      { environment: environment.name },
    );
  }
  const host = docker.via === 'ssh' ? docker.host.name : localHost;
  return { kind: 'container', spec: { kind: 'container', host, container }, docker };
}

/** The source's name in the log view, like an action's `<step>.<action>@<host>`. */
export function sourceLabel(spec: LogSourceSpec): string {
  switch (spec.kind) {
    case 'container':
      return `docker:${spec.container ?? '?'}@${spec.host ?? localHost}`;
    case 'file':
      return `file:${spec.path}@${spec.host}`;
    case 'journal':
      return `journal:${spec.unit}@${spec.host}`;
  }
}

/** What the add-source dialog offers for an environment. */
export function logTargets(environment: NamedEnvironment, hostLabel: (host: Host) => string): LogTargets {
  const access = environment.docker;
  const dockerLabel =
    access.via === 'local'
      ? `local socket ${access.socket}`
      : access.via === 'env'
        ? 'DOCKER_HOST on this machine'
        : 'the Docker engine of each host, over SSH';
  return {
    environment: environment.name,
    hosts: environment.hosts.map((host) => ({ name: host.name, label: hostLabel(host) })),
    docker: { via: access.via, label: dockerLabel, hosts: dockerHosts(environment) },
    ...(environment.app?.container ? { container: environment.app.container } : {}),
  };
}

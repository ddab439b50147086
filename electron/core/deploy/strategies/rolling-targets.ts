import type { DeploySettings } from '../../../../shared/formats/deploy-schema';
import type { App, NamedEnvironment } from '../../../../shared/formats/environment-schema';
import { StrategyError } from './rolling-errors';

// Where the app runs, one target per host: which Docker engine, which container name, which
// published ports and which URL answers its health check. Rolling and recreate both work on these.
//
// With one engine for several hosts (docker via local or env) the "hosts" share this machine's
// engine, so each gets its own container (`<container>-<host>`) published on its appUrl's port.

export interface AppTarget {
  /** The host's name; undefined for an environment without hosts (this machine). */
  host: string | undefined;
  /** What to pass to ctx.docker: the host name (docker via ssh) or 'local'. */
  engine: string;
  container: string;
  ports: string[];
  /** Published ports as numbers, with the address they bind to (for the port check). */
  published: Array<{ address?: string; port: number }>;
  healthUrl: string;
}

export function appOf(environment: NamedEnvironment): App {
  if (!environment.app) {
    throw new StrategyError(
      'invalid-config',
      `environment ${environment.name}: the strategy needs an app: section (image, container, ports)`,
      { field: 'app' },
    );
  }
  return environment.app;
}

export function appTargets(environment: NamedEnvironment): AppTarget[] {
  const app = appOf(environment);
  const { hosts } = environment;
  const shared = environment.docker.via !== 'ssh';
  const healthOf = (appUrl: string | undefined, field: string): string => {
    if (appUrl) return `${appUrl.replace(/\/+$/, '')}${app.healthPath}`;
    if (hosts.length <= 1 && environment.urls.health) return environment.urls.health;
    throw new StrategyError(
      'invalid-config',
      `environment ${environment.name}: ${field} is missing; each host needs the app's own URL to health-check it (e.g. http://10.0.0.5:8080)`,
      { field },
    );
  };
  if (hosts.length === 0) {
    return [single(undefined, 'local', app, healthOf(undefined, 'urls.health'))];
  }
  if (shared && hosts.length === 1) {
    const host = hosts[0]!;
    return [single(host.name, 'local', app, healthOf(host.appUrl, 'hosts[0].appUrl'))];
  }
  return hosts.map((host, i) => {
    const field = `hosts[${i}].appUrl`;
    const healthUrl = healthOf(host.appUrl, field);
    if (!shared) return single(host.name, host.name, app, healthUrl);
    const url = new URL(host.appUrl!);
    const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
    const address = /^\d{1,3}(\.\d{1,3}){3}$/.test(url.hostname) ? url.hostname : undefined;
    const containerSide = containerPortOf(app, environment.name);
    return {
      host: host.name,
      engine: 'local',
      container: `${app.container}-${host.name}`,
      ports: [`${address ? `${address}:` : ''}${port}:${containerSide}`],
      published: [{ address, port }],
      healthUrl,
    };
  });
}

function single(host: string | undefined, engine: string, app: App, healthUrl: string): AppTarget {
  return {
    host,
    engine,
    container: app.container,
    ports: app.ports,
    published: app.ports.flatMap(publishedOf),
    healthUrl,
  };
}

/** "127.0.0.1:8080:80/tcp" → { address 127.0.0.1, port 8080 }; "80" publishes nothing fixed. */
function publishedOf(mapping: string): Array<{ address?: string; port: number }> {
  const parts = mapping.replace(/\/\w+$/, '').split(':');
  if (parts.length === 3) return [{ address: parts[0], port: Number(parts[1]) }];
  if (parts.length === 2 && parts[0]) return [{ port: Number(parts[0]) }];
  return [];
}

/** The container side of app.ports[0] ("8080:80" → "80", "80/udp" stays "80/udp"). */
function containerPortOf(app: App, environment: string): string {
  const first = app.ports[0];
  if (!first) {
    throw new StrategyError(
      'invalid-config',
      `environment ${environment}: app.ports is empty; several hosts on one Docker engine need the container's port (e.g. ["8080:80"]) to publish each host's appUrl port`,
      { field: 'app.ports' },
    );
  }
  return first.split(':').at(-1)!;
}

/** Batches of targets: deploy.rolling.batchSize, capped by maxUnavailable. */
export function batchesOf<T>(targets: T[], rolling: DeploySettings['rolling']): T[][] {
  const size = Math.max(1, Math.min(rolling.batchSize, rolling.maxUnavailable ?? rolling.batchSize));
  const batches: T[][] = [];
  for (let i = 0; i < targets.length; i += size) batches.push(targets.slice(i, i + size));
  return batches;
}

export const targetName = (target: AppTarget): string => target.host ?? 'this machine';

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDocument, stringify } from 'yaml';
import { type DemoEnvironment, type DemoLayout, demoEnvironments, demoImage, demoTemplateDir } from './demo-layout';
import { type DemoNginx, proxySection } from './demo-proxy';

// The demo's environments.yml and runbook.yml, written at creation: the ports chosen on this
// machine, and blue-green through the demo's nginx, or recreate where there is no nginx.

export interface DemoPorts {
  /** Where users reach each environment: nginx's port, or the container's published port. */
  entry: Record<DemoEnvironment, number>;
  /** Blue-green slots (host ports of the two containers) per environment. */
  slots: Record<DemoEnvironment, { blue: number; green: number }>;
}

/**
 * Preferred ports, in pickPorts order: the entries (fixed when free, so the docs' addresses usually
 * hold), then each environment's blue and green slots: any free port (0), because a slot is only
 * taken when it runs, and a fixed one would be handed to every demo on the machine alike.
 */
export const preferredPorts = [18480, 18490, 0, 0, 0, 0];

export function portsFrom(list: number[]): DemoPorts {
  const [staging, production, sBlue, sGreen, pBlue, pGreen] = list as [number, number, number, number, number, number];
  return {
    entry: { staging, production },
    slots: { staging: { blue: sBlue, green: sGreen }, production: { blue: pBlue, green: pGreen } },
  };
}

export const entryUrl = (ports: DemoPorts, env: DemoEnvironment) => `http://127.0.0.1:${ports.entry[env]}`;

function environment(env: DemoEnvironment, layout: DemoLayout, ports: DemoPorts, nginx: DemoNginx | undefined) {
  const url = entryUrl(ports, env);
  const production = env === 'production';
  return {
    description: production
      ? `Production on this machine: ${url} (protected: staging must have passed the same version)`
      : `Staging on this machine: ${url}`,
    ...(production ? { protected: true, requires: ['staging'] } : {}),
    docker: { via: 'env' },
    lockDir: join(layout.locks, env),
    app: {
      image: demoImage,
      container: `${layout.containerPrefix}${env}`,
      // Blue-green publishes each slot's port; recreate publishes the environment's own port.
      ports: nginx ? ['8080'] : [`127.0.0.1:${ports.entry[env]}:8080`],
      healthPath: '/health',
    },
    urls: { health: `${url}/health`, smoke: [`${url}/`] },
    ...(nginx ? { proxy: proxySection(nginx, env) } : {}),
    deploy: {
      ...(nginx ? { slots: ports.slots[env] } : {}),
      healthTimeout: '30s',
      // Inside the demo's folder: another local project's "staging" must never share its history.
      historyFile: join(layout.root, 'history', `${env}.ndjson`),
    },
    monitoring: {
      // The demo app answers /version with its bare version: that is its version source, so the
      // probes count answers per version and a rollback is confirmed by the old version answering.
      probes: { url: `${url}/version`, rate: 20, timeout: '1s', version: 'body', window: '2s', baseline: '2s' },
      watch: '20s',
    },
  };
}

export function demoEnvironmentsYaml(layout: DemoLayout, ports: DemoPorts, nginx: DemoNginx | undefined): string {
  const environments = Object.fromEntries(demoEnvironments.map((env) => [env, environment(env, layout, ports, nginx)]));
  const header = [
    "# The demo's environments, both on this machine, written by Release Pilot when it created the demo",
    `# (ports and paths are this machine's). ${nginx ? "Each is behind the demo's own nginx (blue-green)." : 'No nginx here: both deploy by recreate.'}`,
    "# monitoring.probes.version: body is the app's version source (its /version answers the version), so a",
    '# rollback is confirmed by the previous version answering, not by health alone.',
    '# The format is described in docs/environments.md.',
    '',
  ].join('\n');
  return header + stringify({ environments }, { lineWidth: 120 });
}

/** The template's runbook, with the strategy this machine allows (comments kept). */
export async function demoRunbookYaml(strategy: 'blue-green' | 'recreate'): Promise<string> {
  const doc = parseDocument(await readFile(join(demoTemplateDir(), '.release-pilot', 'runbook.yml'), 'utf8'));
  doc.set('strategy', strategy);
  return doc.toString({ lineWidth: 120 });
}

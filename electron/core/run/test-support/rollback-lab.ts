import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReleaseEntry } from '../../deploy/deploy-strategy';
import { parseReleaseLines } from '../../deploy/history/release-lines';
import { createDockerClient } from '../../docker/docker-client';
import { silentLogger } from '../../logging/logger';
import { buildBusyboxImage } from '../../test-lab/busybox-image';
import { loadRunTarget } from '../run-target';
import { createRunTools } from '../tool-runners';
import { oneStepRunbook } from './one-step-runbook';

// A small web app in versions v1, v2, v3 (v3 has no /health, so its health check fails) and the
// runbooks that deploy and roll it back, for the "what is live after a rollback" tests.

/** An image name of one's own, so parallel test files never retag each other's images. */
export function rollbackLabImage(): string {
  return `rp-it-rollback-web-${Math.random().toString(36).slice(2, 8)}`;
}

export async function buildRollbackLabImages(image: string, versions = ['v1', 'v2', 'v3']): Promise<void> {
  for (const version of versions) {
    await buildBusyboxImage(createDockerClient({ via: 'local' }), {
      tag: `${image}:${version}`,
      files: { '/www/version': version, ...(version === 'v3' ? {} : { '/www/health': 'ok' }) },
      cmd: ['httpd', '-f', '-p', '80', '-h', '/www'],
    });
  }
}

/** One environment `lab` on this machine's Docker; /version is its version source. */
export function rollbackLabEnvironments(image: string, container: string, port: number, lockDir: string): string {
  return `environments:
  lab:
    lockDir: ${lockDir}
    app: { image: ${image}, container: ${container}, ports: ["127.0.0.1:${port}:80"] }
    urls: { health: "http://127.0.0.1:${port}/health" }
    monitoring: { probes: { url: "http://127.0.0.1:${port}/version", version: body } }
`;
}

// Generous: a container may take seconds to answer on a loaded machine; v3 (no /health) waits it out.
const check = '{ type: http.check, attempts: 40, interval: 250ms }';

/** The documented pattern: docker.run the app, roll back with docker.run of ${previous_version}. */
export const dockerRollbackRunbook = oneStepRunbook({
  title: 'Rollback by the documented pattern',
  roles: '{ devops: DevOps }',
  onFailure: 'rollback',
  actions: ['{ type: docker.run }', check],
  rollback: ['{ type: docker.run, image: "${env.app.image}:${previous_version}" }', check],
});

/** The same release done with plain commands (no docker.run, no strategy); a rollback that restarts v-previous, or does nothing. */
export function commandRollbackRunbook(
  image: string,
  container: string,
  port: number,
  rollback: 'restart' | 'nothing',
): string {
  const start = (version: string) =>
    `{ type: shell, argv: [sh, -c, 'docker rm -f "$1" >/dev/null 2>&1; docker run -d --init --name "$1" -p "127.0.0.1:${port}:80" "$2"', start, ${container}, "${image}:${version}"] }`;
  return oneStepRunbook({
    title: 'Rollback by commands',
    roles: '{ devops: DevOps }',
    onFailure: 'rollback',
    actions: [start('${version}'), check],
    rollback: [rollback === 'restart' ? start('${previous_version}') : "{ type: shell, argv: ['true'] }"],
  });
}

/** What the app answers on /version. */
export async function servedVersion(port: number): Promise<string> {
  return (await (await fetch(`http://127.0.0.1:${port}/version`)).text()).trim();
}

export function containerLabel(container: string, label: string): string {
  return execDocker(['inspect', '--format', `{{index .Config.Labels ${JSON.stringify(label)}}}`, container]);
}

function execDocker(args: string[]): string {
  return execFileSync('docker', args, { encoding: 'utf8' }).trim();
}

/** The lab environment's history file as written, oldest first. */
export function historyFile(dataDir: string): string {
  // Kept per project (<data>/targets/<project>/lab/…); these tests deploy one project per data folder.
  const targets = join(dataDir, 'targets');
  const found = readdirSync(targets)
    .map((project) => join(targets, project, 'lab', 'releases.ndjson'))
    .filter((file) => existsSync(file));
  if (found.length !== 1) throw new Error(`expected one lab release history under ${targets}, found ${found.length}`);
  return readFileSync(found[0]!, 'utf8');
}

export function historyEntries(dataDir: string): ReleaseEntry[] {
  return parseReleaseLines(historyFile(dataDir)).entries;
}

/** The version the run engine takes as live before a run (history, then label, then runs). */
export async function engineLiveVersion(root: string, dataDir: string): Promise<string | undefined> {
  const target = await loadRunTarget(root, 'lab');
  const tools = createRunTools({
    projectRoot: root,
    project: target.project,
    environment: target.environment,
    logger: silentLogger,
    dataDir,
  });
  try {
    return await tools.liveVersion(dataDir, 'lab', 'next');
  } finally {
    await tools.close();
  }
}

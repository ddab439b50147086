import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestOf } from '../../../../shared/api/contract';
import type { FollowInfo } from '../../../../shared/api/schemas/log-sources';
import { createDockerClient } from '../../docker/docker-client';
import type { Engine } from '../../engine';
import { silentLogger } from '../../logging/logger';
import { envSecrets } from '../../secrets/env-secrets';
import { exec } from '../../ssh/ssh-exec';
import { createSshPool } from '../../ssh/ssh-pool';
import { buildBusyboxImage } from '../../test-lab/busybox-image';
import { makeLabProject } from '../../test-lab/lab-project';
import { freePort, type LabHost, type SshdLab, startSshdLab } from '../../test-lab/sshd-lab';
import { testEngine } from '../../test-support/test-engine';
import { labHostYaml } from './log-lab';
import { recordLogPushes } from './log-recorder';

// The real things log sources follow: sshd lab hosts (`web-1`; `bare`, whose PATH has no
// journalctl; `doomed`, for a host that dies mid-follow; `gone`, a port where nothing listens),
// the local Docker engine with a busybox image, and a project whose environments name them:
// `staging` (Docker on this machine, an app container) and `fleet` (Docker on web-1 over SSH).

export const ctx = { transport: 'direct' as const };
export const labSecret = 's3cr3t-token-4711';

const runbook = 'title: Deploy\nroles: { devops: DevOps }\nsteps:\n  - { id: go, title: Go, owner: devops }\n';

export type Source = RequestOf<'logs:follow'>['source'];

export interface LogSourcesLab {
  scratch: string;
  web1: LabHost;
  bare: SshdLab;
  doomed: SshdLab;
  deadPort: number;
  image: string;
  appContainer: string;
  engine: Engine;
  projectId: string;
  pushes: ReturnType<typeof recordLogPushes>;
  follow(source: Source, environment?: string): Promise<FollowInfo>;
  /** Another engine on the same project (for shutdown tests). */
  openEngine(): Promise<{ engine: Engine; projectId: string }>;
  stop(): Promise<void>;
}

export async function startLogSourcesLab(): Promise<LogSourcesLab> {
  const scratch = mkdtempSync(join(tmpdir(), 'rp-log-sources-'));
  const root = join(scratch, 'project');
  const [lab, bare, doomed, deadPort] = await Promise.all([
    startSshdLab({ hosts: 1 }),
    startSshdLab({ hosts: 1, extraConfig: ['SetEnv PATH=/nonexistent'] }),
    startSshdLab({ hosts: 1 }),
    freePort(),
  ]);
  const docker = createDockerClient({ via: 'local' });
  const image = (await buildBusyboxImage(docker, { tag: 'rp-lab-busybox:plain', cmd: ['sleep', '3600'] })).tag;
  const appContainer = `rp-logs-app-${process.pid}`;
  const web1 = lab.hosts[0]!;
  makeLabProject(root, {
    runbook,
    environments: [
      'environments:',
      '  staging:',
      '    hosts:',
      labHostYaml(web1, 'web-1'),
      labHostYaml(web1, 'gone', { port: deadPort }),
      labHostYaml(bare.hosts[0]!, 'bare'),
      labHostYaml(doomed.hosts[0]!, 'doomed'),
      '    docker: { via: local }',
      `    app: { image: "${image}", container: ${appContainer} }`,
      '  fleet:',
      '    hosts:',
      labHostYaml(web1, 'web-1'),
      '    docker: { via: ssh }',
      '',
    ].join('\n'),
  });
  const openEngine = async () => {
    const dataDir = mkdtempSync(join(scratch, 'data-'));
    const engine = testEngine(dataDir, { secrets: envSecrets({ RELEASE_PILOT_SECRET_API_TOKEN: labSecret }) });
    const projectId = (await engine.handlers['projects:open']({ path: root }, ctx)).id;
    return { engine, projectId };
  };
  const { engine, projectId } = await openEngine();
  return {
    scratch,
    web1,
    bare,
    doomed,
    deadPort,
    image,
    appContainer,
    engine,
    projectId,
    pushes: recordLogPushes(engine.events),
    follow: (source, environment = 'staging') =>
      engine.handlers['logs:follow']({ projectId, environment, source }, ctx),
    openEngine,
    async stop() {
      await engine.close();
      await Promise.all([lab.stop(), bare.stop(), doomed.stop()]);
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** Processes on a lab host whose command line matches, asked over SSH as an operator would. */
export async function remoteProcesses(host: LabHost, pattern: string): Promise<string[]> {
  const pool = createSshPool({ logger: silentLogger });
  try {
    const conn = await pool.connection(host);
    let out = '';
    await exec(conn, ['pgrep', '-a', '-f', pattern], { onStdout: (chunk) => (out += chunk) });
    return out.split('\n').filter(Boolean);
  } finally {
    await pool.close();
  }
}

export function localProcesses(pattern: string): string[] {
  try {
    return execFileSync('pgrep', ['-a', '-f', pattern], { encoding: 'utf8' }).split('\n').filter(Boolean);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

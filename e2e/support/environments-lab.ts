import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { type NginxLab, startTestNginx } from '../../electron/core/deploy/test-support/nginx-lab';
import { writePastRun } from '../../electron/core/environments/test-support/run-journals';
import { copyLabKeys, labHostsYaml, makeLabProject } from '../../electron/core/test-lab/lab-project';
import { freePort, type SshdLab, startSshdLab } from '../../electron/core/test-lab/sshd-lab';
import { apiCall as callApi } from './api-call';
import { type HostProcess, startHostProcess } from './web-host-process';

// A project whose environments are real: `staging` on an sshd lab host (key pinned by
// fingerprint) with its release history and a held deploy lock, the local Docker engine and a
// real nginx; `production` on a port where nothing listens, with a run left open by a "crash".
// Its own browser host and data folder, so the dashboard and environments specs see only this.

export const lockHolder = 'Grace Hopper on laptop-7';
export const liveVersion = 'v1.4.0';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const ago = (ms: number) => new Date(Date.now() - ms);

const runbook = `title: Deploy
roles: { devops: DevOps Engineer, tech-lead: Tech Lead }
steps:
  - { id: deploy, title: Deploy, owner: devops }
`;

export interface EnvironmentsLab {
  root: string;
  dataDir: string;
  lab: SshdLab;
  nginx: NginxLab;
  deadPort: number;
  host: HostProcess;
  stop(): Promise<void>;
}

export function labEnvironmentsYaml(options: { lab: SshdLab; nginx: NginxLab; deadPort: number; remote: string }) {
  const { lab, nginx, deadPort, remote } = options;
  const test = nginx.proxy.test.map((a) => JSON.stringify(a)).join(', ');
  return [
    'environments:',
    '  staging:',
    '    description: Where every release is proven before production',
    '    hosts:',
    labHostsYaml([{ ...lab.hosts[0]!, name: 'stage-1' }], { pin: 'fingerprint' }),
    '    docker: { via: local }',
    `    lockDir: ${join(remote, 'locks')}`,
    `    deploy: { historyFile: ${join(remote, 'releases.ndjson')} }`,
    `    proxy: { kind: nginx, upstreamFile: ${nginx.upstreamFile}, test: [${test}] }`,
    '    urls: { health: "http://127.0.0.1:8080/health" }',
    '  production:',
    '    protected: true',
    '    requires: [staging]',
    '    approvals: [tech-lead]',
    '    hosts:',
    labHostsYaml([{ ...lab.hosts[0]!, name: 'prod-1', port: deadPort }]),
    '    schedule:',
    '      timezone: Europe/Berlin',
    '      windows: [{ days: [mon, tue, wed, thu], from: "09:00", to: "16:00" }]',
    '',
  ].join('\n');
}

export async function startEnvironmentsLab(): Promise<EnvironmentsLab> {
  const scratch = mkdtempSync(join(tmpdir(), 'rp-e2e-envs-'));
  const [lab, nginx, deadPort] = await Promise.all([startSshdLab({ hosts: 1 }), startTestNginx(), freePort()]);
  const root = join(scratch, 'shop-web');
  const remote = join(scratch, 'remote');
  const dataDir = join(scratch, 'data');
  mkdirSync(join(remote, 'locks', 'staging.lock'), { recursive: true });
  makeLabProject(root, { runbook, environments: labEnvironmentsYaml({ lab, nginx, deadPort, remote }) });
  copyLabKeys(lab, root);
  writeFileSync(
    join(remote, 'releases.ndjson'),
    [
      { version: 'v1.3.0', at: ago(9 * day).toISOString(), runId: 'r-130', status: 'live' },
      { version: liveVersion, at: ago(2 * day).toISOString(), runId: 'r-140', status: 'live' },
    ]
      .map((entry) => `${JSON.stringify(entry)}\n`)
      .join(''),
  );
  writeFileSync(
    join(remote, 'locks', 'staging.lock', 'info.json'),
    JSON.stringify({ holder: lockHolder, runId: 'run-elsewhere', at: ago(10 * minute).toISOString() }),
  );
  await writePastRun(dataDir, {
    runId: '20250508-staging',
    projectPath: root,
    environment: 'staging',
    version: liveVersion,
    status: 'succeeded',
    startedAt: ago(2 * day),
  });
  await writePastRun(dataDir, {
    runId: '20250509-prod',
    projectPath: root,
    environment: 'production',
    version: liveVersion,
    status: 'open',
    startedAt: ago(3 * hour),
    operator: 'Ada Lovelace',
  });
  const host = await startHostProcess(['--port', '0', '--data-dir', dataDir]);
  return {
    root,
    dataDir,
    lab,
    nginx,
    deadPort,
    host,
    async stop() {
      await Promise.all([host.stop(), lab.stop(), nginx.stop()]);
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** Operator set and the lab project open, as a person would have done on their first visit. */
export async function openLabProject(page: Page, lab: EnvironmentsLab): Promise<string> {
  await page.goto(lab.host.url);
  await callApi(page, lab.host.url, 'settings:update', { operatorName: 'Ada Lovelace', operatorRole: 'devops' });
  return (await callApi<{ id: string }>(page, lab.host.url, 'projects:open', { path: lab.root })).id;
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { makeLabProject } from '../../electron/core/test-lab/lab-project';
import { freePort, type SshdLab, startSshdLab } from '../../electron/core/test-lab/sshd-lab';
import { apiCall } from './api-call';
import { type HostProcess, startHostProcess } from './web-host-process';

// A project whose `staging` has a real sshd lab host (web-1) with a log file to follow, and a host
// where nothing listens (gone); a run on it whose one action prints a line, so the Logs screen
// has a run's output beside the sources added. Its own browser host and data folder.

export interface LogSourcesLab {
  root: string;
  lab: SshdLab;
  deadPort: number;
  /** The log file on web-1 (the lab's hosts are this machine, so the spec writes it directly). */
  logFile: string;
  /** staging's app.container, on this machine's Docker engine (the spec runs it). */
  container: string;
  host: HostProcess;
  stop(): Promise<void>;
}

const runbook = `title: Deploy
roles: { devops: DevOps Engineer }
steps:
  - id: deploy
    title: Deploy
    owner: devops
    actions:
      - { id: announce, type: shell, argv: [sh, -c, 'echo "deploying shop-api v1.1.0 to staging"'] }
`;

function hostYaml(lab: SshdLab, name: string, port: number): string {
  const host = lab.hosts[0]!;
  return [
    `      - name: ${name}`,
    '        address: 127.0.0.1',
    `        port: ${port}`,
    `        user: ${host.user ?? 'root'}`,
    `        identityFile: ${host.identityFile}`,
    `        hostKey: "${host.fingerprint}"`,
  ].join('\n');
}

export async function startLogSourcesLab(): Promise<LogSourcesLab> {
  const scratch = mkdtempSync(join(tmpdir(), 'rp-e2e-log-sources-'));
  const [lab, deadPort] = await Promise.all([startSshdLab({ hosts: 1 }), freePort()]);
  const root = join(scratch, 'shop-api');
  const container = `rp-e2e-shop-api-${process.pid}`;
  const logFile = join(scratch, 'shop-api.log');
  writeFileSync(logFile, 'GET /health 200 3ms\nGET /api/orders 200 41ms\n');
  makeLabProject(root, {
    runbook,
    environments: [
      'environments:',
      '  staging:',
      '    hosts:',
      hostYaml(lab, 'web-1', lab.hosts[0]!.port),
      hostYaml(lab, 'gone', deadPort),
      '    docker: { via: local }',
      `    app: { image: "shop-api:v1.1.0", container: ${container} }`,
      '',
    ].join('\n'),
  });
  const host = await startHostProcess(['--port', '0', '--data-dir', join(scratch, 'data')]);
  return {
    root,
    lab,
    deadPort,
    logFile,
    container,
    host,
    async stop() {
      await Promise.all([host.stop(), lab.stop()]);
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** Operator set, the project open and a run started (and finished: its one action only prints). */
export async function openProjectWithRun(page: Page, lab: LogSourcesLab): Promise<string> {
  await page.goto(lab.host.url);
  await apiCall(page, lab.host.url, 'settings:update', { operatorName: 'Ada Lovelace', operatorRole: 'devops' });
  const project = await apiCall<{ id: string }>(page, lab.host.url, 'projects:open', { path: lab.root });
  const { runId } = await apiCall<{ runId: string }>(page, lab.host.url, 'runs:start', {
    projectId: project.id,
    environment: 'staging',
    version: 'v1.1.0',
  });
  return runId;
}

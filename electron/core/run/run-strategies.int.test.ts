import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../shared/runs/run-event';
import { rollbackCommand } from '../../cli/commands/releases';
import { readEnvironmentReleases, rollbackTarget } from '../deploy/history/read-history';
import { type NginxLab, startTestNginx } from '../deploy/test-support/nginx-lab';
import { verifyJournal } from '../journal/journal-reader';
import { silentLogger } from '../logging/logger';
import { makeLabProject } from '../test-lab/lab-project';
import { freePort } from '../test-lab/sshd-lab';
import { runInLab } from './test-support/run-harness';
import { buildVersionApp } from './test-support/version-app';
import { rollbackRule, watchedRunbook } from './test-support/watched-runbook';

// Whole runs with a `deploy` action: blue-green through a real nginx, watched by real probes, and
// rolled back on their own when a rule fires. The images answer /health always and
// /cgi-bin/version with their version; the bad one fails 30 % of those requests.

const image = `rp-it-strategies-${Math.random().toString(36).slice(2, 8)}`;
const container = `${image}-app`;

// The rule's `for` outlasts its window: the few 502s of a first deploy's switch (nothing was live
// before it) leave the window before the rule could fire, while a bad version's failures go on.
const runbook = watchedRunbook({
  title: 'Blue-green',
  strategy: 'blue-green',
  watch: '8s',
  alerts: [
    '{ name: ErrorsSeen, condition: error_rate > 5%, for: 0s, severity: warning, action: notify }',
    rollbackRule('RollbackOnErrorRate', '3s'),
  ],
});

function environments(nginx: NginxLab, blue: number, green: number, lockDir: string): string {
  return `
environments:
  prod:
    lockDir: ${lockDir}
    app: { image: ${image}, container: ${container}, ports: ["80"], healthPath: /health }
    urls: { health: "${nginx.url}/health" }
    proxy:
      kind: nginx
      upstreamFile: ${nginx.upstreamFile}
      test: ${JSON.stringify(nginx.proxy.test)}
      reload: ${JSON.stringify(nginx.proxy.reload)}
    deploy: { slots: { blue: ${blue}, green: ${green} }, healthTimeout: 30s }
    monitoring:
      probes: { url: "${nginx.url}/cgi-bin/version", rate: 50, version: body, window: 2s, baseline: 1s }
`;
}

const data = <T extends RunEvent['type']>(events: RunEvent[], type: T) =>
  events.filter((e) => e.type === type).map((e) => e.data as Record<string, unknown>);

async function answering(url: string): Promise<string> {
  const response = await fetch(url);
  return (await response.text()).trim();
}

describe('runs that deploy by strategy, watched and rolled back', () => {
  // One project and data folder for the whole sequence of runs (each run builds on the last).
  const made: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-strategies-'));
    made.push(dir);
    return dir;
  };
  let nginx: NginxLab;
  let root: string;
  let dataDir: string;

  beforeAll(async () => {
    await buildVersionApp(image, 'v1.0.0');
    await buildVersionApp(image, 'v1.1.0');
    await buildVersionApp(image, 'v1.2.0', 30);
    nginx = await startTestNginx();
    root = tempDir();
    dataDir = tempDir();
    makeLabProject(
      root,
      { runbook, environments: environments(nginx, await freePort(), await freePort(), `${tempDir()}/locks`) },
      ['v1.0.0', 'v1.1.0', 'v1.2.0'],
    );
  }, 180_000);

  afterAll(async () => {
    await nginx?.stop();
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
    for (const slot of ['blue', 'green']) {
      try {
        execFileSync('docker', ['rm', '-f', `${container}-${slot}`], { stdio: 'ignore' });
      } catch {
        // already gone
      }
    }
  });

  const run = (version: string) => runInLab({ projectRoot: root, dataDir, environment: 'prod', version });

  it('deploys a first version, then a good one under probes with no failed probe and no downtime', async () => {
    const first = await run('v1.0.0');
    expect(first.status, JSON.stringify([first.find('run.finished'), first.find('action.failed')])).toBe('succeeded');
    expect(await answering(`${nginx.url}/cgi-bin/version`)).toBe('v1.0.0');

    const second = await run('v1.1.0');
    expect(second.status, JSON.stringify(second.find('run.finished'))).toBe('succeeded');
    const windows = data(second.events, 'monitor.window');
    const requests = windows.reduce((n, w) => n + (w.metrics as { requests: number }).requests, 0);
    const failures = windows.reduce((n, w) => n + (w.metrics as { failures: number }).failures, 0);
    expect(requests).toBeGreaterThan(300);
    expect(failures).toBe(0);
    expect(data(second.events, 'downtime.measured')[0]?.ms).toBe(0);
    expect(new Set(windows.map((w) => w.phase))).toEqual(new Set(['before', 'during', 'after']));
    expect(data(second.events, 'version.resolved')[0]?.previousVersion).toBe('v1.0.0');
    expect(data(second.events, 'release.recorded')[0]).toMatchObject({ version: 'v1.1.0', previous: 'v1.0.0' });
    expect(data(second.events, 'strategy.planned')[0]?.strategy).toBe('blue-green');
    expect(data(second.events, 'changes.recorded')[0]).toMatchObject({ from: 'v1.0.0', to: 'v1.1.0' });
    expect(await answering(`${nginx.url}/cgi-bin/version`)).toBe('v1.1.0');
    expect((await verifyJournal(`${second.runDir}/journal.ndjson`)).ok).toBe(true);
  }, 120_000);

  it('rolls a bad version back on its own when its rule fires, and the old version answers again', async () => {
    const bad = await run('v1.2.0');
    expect(bad.status).toBe('rolled-back');
    const fired = data(bad.events, 'alert.changed').filter((a) => a.state === 'firing');
    expect(fired.map((a) => a.rule)).toContain('RollbackOnErrorRate');
    const [rollback] = data(bad.events, 'rollback.started');
    expect(rollback).toMatchObject({ trigger: 'alert' });
    expect(String(rollback?.reason)).toMatch(/RollbackOnErrorRate/);
    const revert = bad.find('action.passed').find((e) => e.data.action === '@rollback.revert');
    expect(revert, 'the blue-green revert passed').toBeDefined();
    // Within the rule's window: from the cutover to the rollback, no more than for + a few evaluations.
    expect(await answering(`${nginx.url}/cgi-bin/version`)).toBe('v1.1.0');
    const releases = data(bad.events, 'release.recorded').map((r) => r.version);
    expect(releases).toEqual(['v1.2.0', 'v1.1.0']);

    // The next run knows what is live from the target's release history: v1.1.0, not the bad one.
    const dry = await runInLab({ projectRoot: root, dataDir, environment: 'prod', version: 'v1.1.0' });
    expect(data(dry.events, 'version.resolved')[0]?.previousVersion).toBe('v1.1.0');
  }, 120_000);

  it('rolls back to the previous release from the history, with no version typed, or to a chosen one', async () => {
    const releases = await readEnvironmentReleases({
      projectRoot: root,
      environment: 'prod',
      dataDir,
      logger: silentLogger,
    });
    expect(releases.live?.version).toBe('v1.1.0');
    expect(rollbackTarget(releases)?.version).toBe('v1.0.0');
    expect(() => rollbackTarget(releases, 'v9.9.9')).toThrow(/release v9.9.9 is not in the release history \(known: /);

    const answersFile = join(tempDir(), 'answers.yml');
    writeFileSync(answersFile, 'operator: { name: Ada Lovelace, role: devops }\n');
    const code = await rollbackCommand({ project: root, env: 'prod', dataDir, answers: answersFile });
    expect(code).toBe(0);
    expect(await answering(`${nginx.url}/cgi-bin/version`)).toBe('v1.0.0');
    const after = await readEnvironmentReleases({
      projectRoot: root,
      environment: 'prod',
      dataDir,
      logger: silentLogger,
    });
    expect(after.live?.version).toBe('v1.0.0');
  }, 120_000);

  it('measures the downtime of a recreate deployment, and the report says so', async () => {
    const project = tempDir();
    const port = await freePort();
    const name = `${container}-recreate`;
    const env = `
environments:
  plain:
    lockDir: ${tempDir()}/locks
    app: { image: ${image}, container: ${name}, ports: ["127.0.0.1:${port}:80"], healthPath: /health }
    urls: { health: "http://127.0.0.1:${port}/health" }
    deploy: { healthTimeout: 30s }
    monitoring:
      probes: { url: "http://127.0.0.1:${port}/cgi-bin/version", rate: 50, version: body, window: 2s, baseline: 1s, timeout: 500ms }
`;
    makeLabProject(
      project,
      { runbook: runbook.replace('strategy: blue-green', 'strategy: recreate'), environments: env },
      ['v1.0.0', 'v1.1.0'],
    );
    try {
      const plainRun = (version: string) =>
        runInLab({ projectRoot: project, dataDir: tempDir(), environment: 'plain', version });
      const first = await plainRun('v1.0.0');
      expect(first.status, JSON.stringify(first.find('action.failed').map((e) => e.data.error))).toBe('succeeded');
      const second = await plainRun('v1.1.0');
      expect(second.status).toBe('succeeded');
      const [downtime] = data(second.events, 'downtime.measured');
      expect(Number(downtime?.ms)).toBeGreaterThan(0);
      const report = readFileSync(join(second.runDir, 'report.md'), 'utf8');
      expect(report).toMatch(/[Dd]owntime/);
      expect(await answering(`http://127.0.0.1:${port}/cgi-bin/version`)).toBe('v1.1.0');
    } finally {
      execFileSync('docker', ['rm', '-f', name], { stdio: 'ignore' });
    }
  }, 120_000);
});

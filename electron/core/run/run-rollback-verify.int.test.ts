import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../shared/runs/run-event';
import { readEnvironmentReleases } from '../deploy/history/read-history';
import { type NginxLab, startTestNginx } from '../deploy/test-support/nginx-lab';
import { createDockerClient } from '../docker/docker-client';
import { silentLogger } from '../logging/logger';
import { buildBusyboxImage } from '../test-lab/busybox-image';
import { makeLabProject } from '../test-lab/lab-project';
import { freePort } from '../test-lab/sshd-lab';
import { runInLab } from './test-support/run-harness';
import { rollbackRule, watchedRunbook } from './test-support/watched-runbook';

// A rollback is verified by what it changed (issue #18, items 4 and 10). Blue-green through a real
// nginx: v2 is live, v3 answers /cgi-bin/app with 500s, the rollback rule fires and nginx switches
// back. An app that sends no version is checked by health ("version not confirmed"); one that
// sends an x-version header, configured as the version source, by v2 answering. An old version
// that broke meanwhile does not pass: the run ends failed and says why.

const image = `rp-it-verify-${Math.random().toString(36).slice(2, 8)}`;

/** /cgi-bin/app: 500 always (the bad v3), or 200 unless /www/broken exists; x-version only when `header`. */
function appScript(version: string, bad: boolean, header: boolean): string {
  const versionLine = header ? `X-Version: ${version}\\r\\n` : '';
  return [
    '#!/bin/sh',
    bad ? 'if true; then' : 'if [ -e /www/broken ]; then',
    `  printf "Status: 500 Internal Server Error\\r\\n${versionLine}Content-Type: text/plain\\r\\n\\r\\nfailed\\n"`,
    'else',
    `  printf "${versionLine}Content-Type: text/plain\\r\\n\\r\\nok\\n"`,
    'fi',
    '',
  ].join('\n');
}

async function buildApp(name: string, version: string, bad: boolean, header: boolean): Promise<void> {
  await buildBusyboxImage(createDockerClient({ via: 'local' }), {
    tag: `${name}:${version}`,
    files: { '/www/health': 'ok', '/www/cgi-bin/app': appScript(version, bad, header) },
    cmd: ['httpd', '-f', '-p', '80', '-h', '/www'],
  });
}

/** The runbook's own rollback action leaves a line in `marker`, so the test sees it ran. */
function runbook(marker: string): string {
  return watchedRunbook({
    title: 'Blue-green, verified rollback',
    strategy: 'blue-green',
    watch: '6s',
    alerts: [rollbackRule('RollbackOnErrorRate', '3s')],
    rollback: [`{ type: shell, argv: [sh, -c, 'echo "runbook rollback to $0" >> ${marker}', "\${previous_version}"] }`],
  });
}

const data = <T extends RunEvent['type']>(events: RunEvent[], type: T) =>
  events.filter((e) => e.type === type).map((e) => e.data as Record<string, unknown>);

describe('a blue-green rollback is verified by health, and by version where a source is configured', () => {
  const made: string[] = [];
  const containers: string[] = [];
  const nginxes: NginxLab[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-verify-'));
    made.push(dir);
    return dir;
  };

  beforeAll(async () => {
    for (const header of [false, true]) {
      const name = header ? `${image}-hdr` : image;
      await buildApp(name, 'v2', false, header);
      await buildApp(name, 'v3', true, header);
    }
  }, 180_000);

  afterAll(async () => {
    for (const nginx of nginxes) await nginx.stop();
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
    for (const name of containers) execFileSync('docker', ['rm', '-f', name], { stdio: 'ignore' });
  });

  /** A project deploying `name`'s images behind its own nginx, v2 already live (deployed by a first run). */
  async function liveV2(name: string, versionSource?: string) {
    const nginx = await startTestNginx();
    nginxes.push(nginx);
    const container = `${name}-app-${nginx.port}`;
    containers.push(`${container}-blue`, `${container}-green`);
    const root = tempDir();
    const dataDir = tempDir();
    const marker = join(tempDir(), 'rollback-actions.log');
    const probes = `{ url: "${nginx.url}/cgi-bin/app", rate: 50, window: 2s, baseline: 1s${versionSource ? `, version: "${versionSource}"` : ''} }`;
    const environments = `
environments:
  prod:
    lockDir: ${tempDir()}/locks
    app: { image: ${name}, container: ${container}, ports: ["80"], healthPath: /health }
    urls: { health: "${nginx.url}/health" }
    proxy:
      kind: nginx
      upstreamFile: ${nginx.upstreamFile}
      test: ${JSON.stringify(nginx.proxy.test)}
      reload: ${JSON.stringify(nginx.proxy.reload)}
    deploy: { slots: { blue: ${await freePort()}, green: ${await freePort()} }, healthTimeout: 30s }
    monitoring:
      probes: ${probes}
`;
    makeLabProject(root, { runbook: runbook(marker), environments }, ['v2', 'v3']);
    const run = (version: string) => runInLab({ projectRoot: root, dataDir, environment: 'prod', version });
    const first = await run('v2');
    expect(first.status, JSON.stringify(first.find('action.failed').map((e) => e.data.error))).toBe('succeeded');
    const live = async () =>
      (await readEnvironmentReleases({ projectRoot: root, environment: 'prod', dataDir, logger: silentLogger })).live
        ?.version;
    return { nginx, run, marker, live, container };
  }

  it('an app that sends no version: rolled back, verified by health, "version not confirmed (no version source)"', async () => {
    const { nginx, run, marker, live } = await liveV2(image);

    const bad = await run('v3');

    const verified = data(bad.events, 'rollback.verified');
    expect(bad.status, JSON.stringify([bad.find('run.finished'), verified])).toBe('rolled-back');
    expect(verified).toEqual([
      { by: 'health', ok: true, detail: expect.stringContaining('version not confirmed (no version source)') },
    ]);
    // What is true on the target: nginx serves the good version's answers, the runbook's own
    // rollback action ran with the version before, and the release history says v2 is live.
    const answer = await fetch(`${nginx.url}/cgi-bin/app`);
    expect(answer.status).toBe(200);
    expect(readFileSync(marker, 'utf8')).toBe('runbook rollback to v2\n');
    expect(await live()).toBe('v2');
    const report = readFileSync(join(bad.runDir, 'report.md'), 'utf8');
    expect(report).toContain('**Rollback verified by**: health, passed');
    expect(report).toContain('version not confirmed (no version source)');
  }, 180_000);

  it('an app that sends x-version, configured as the version source: the version is confirmed', async () => {
    const { nginx, run, marker, live } = await liveV2(`${image}-hdr`, 'header:x-version');

    const bad = await run('v3');

    const verified = data(bad.events, 'rollback.verified');
    expect(bad.status, JSON.stringify([bad.find('run.finished'), verified])).toBe('rolled-back');
    expect(verified).toEqual([{ by: 'version', ok: true, detail: expect.stringMatching(/^v2 answered .* in a row/) }]);
    const answer = await fetch(`${nginx.url}/cgi-bin/app`);
    expect(answer.headers.get('x-version')).toBe('v2');
    expect(readFileSync(marker, 'utf8')).toBe('runbook rollback to v2\n');
    expect(await live()).toBe('v2');
  }, 180_000);

  it('a revert that does not restore health still ends "rollback failed", saying why', async () => {
    const { nginx, run, marker, container } = await liveV2(image);
    // The old version breaks while it is idle behind the proxy (a dependency of its own died).
    const slot = ['blue', 'green'].map((s) => `${container}-${s}`).find((c) => running(c));
    expect(slot, 'v2 runs in one slot').toBeDefined();
    execFileSync('docker', ['exec', String(slot), '/bin/busybox', 'touch', '/www/broken']);

    const bad = await run('v3');

    expect(bad.status).toBe('failed');
    const [verified] = data(bad.events, 'rollback.verified');
    expect(verified).toMatchObject({ by: 'health', ok: false });
    expect(String(verified?.detail)).toMatch(/did not answer healthy 10 times in a row .*\(last: HTTP 500\)/);
    const [finished] = data(bad.events, 'rollback.finished');
    expect(finished).toMatchObject({
      ok: false,
      error: { code: 'rollback-failed', message: expect.stringContaining('did not answer healthy') },
    });
    expect(String(data(bad.events, 'run.finished')[0]?.reason)).toMatch(
      /the rollback failed: .*did not answer healthy/,
    );
    // nginx did switch back (to the broken v2), and the runbook's actions never ran after a failed revert.
    expect((await fetch(`${nginx.url}/cgi-bin/app`)).status).toBe(500);
    expect(existsSync(marker)).toBe(false);
  }, 180_000);
});

function running(container: string): boolean {
  try {
    return (
      execFileSync('docker', ['inspect', '-f', '{{.State.Running}}', container], { encoding: 'utf8' }).trim() === 'true'
    );
  } catch {
    return false;
  }
}

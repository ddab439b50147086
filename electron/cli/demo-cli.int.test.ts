import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../core/test-support/temp-dir';

// The built-in demo as a newcomer runs it from a terminal: the real bin in child processes, a real
// Docker engine, the demo's own real nginx. Set up, v1.1.0 to staging then production, the bad
// v1.2.0 rolled back on its own, the three reports exported, then reset to nothing. And with no
// Docker engine, the demo says exactly that and how to start it.

const bin = join(import.meta.dirname, '..', '..', 'bin', 'release-pilot.mjs');

interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
}

// Asynchronous, so a test's own servers (a port held open) keep answering while the CLI runs.
function cli(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 150_000);
    child.once('error', reject);
    child.once('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

const said = (r: Result) => `exit ${r.status}\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`;
const runIdOf = (r: Result) => /journal: (\S+)/.exec(r.stdout)?.[1] ?? '';

interface DemoJson {
  state: string;
  projectPath: string;
  strategy: string;
  answersFile?: string;
  urls?: { staging: string; production: string };
  proxy: { kind: string; running: boolean };
  docker: { ok: boolean; message?: string };
}

const cleanups: (() => Promise<unknown>)[] = [];

describe('release-pilot demo', () => {
  const tempDir = useTempDirs('rp-demo-cli-');
  // Registered after the temp folders: after-hooks run last-registered first, so the demo is
  // reset (its nginx stopped) while its data folder still exists.
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setUp(dataDir: string): Promise<DemoJson> {
    cleanups.push(() => cli(['demo', '--reset', '--data-dir', dataDir]));
    const made = await cli(['demo', '--json', '--data-dir', dataDir]);
    expect(made.status, said(made)).toBe(0);
    return JSON.parse(made.stdout) as DemoJson;
  }

  it('staging then production at v1.1.0, v1.2.0 rolled back on its own, three reports; reset to nothing', async () => {
    // Like the default data folder (".../Release Pilot"): a path with a space.
    const dataDir = join(tempDir(), 'Release Pilot');
    const demo = await setUp(dataDir);
    expect(demo).toMatchObject({ state: 'ready', strategy: 'blue-green', proxy: { kind: 'nginx', running: true } });
    const run = (env: string, version: string) =>
      cli([
        'run',
        '--project',
        demo.projectPath,
        '--env',
        env,
        '--version',
        version,
        '--answers',
        demo.answersFile!,
        '--data-dir',
        dataDir,
      ]);

    const staging = await run('staging', 'v1.1.0');
    expect(staging.status, said(staging)).toBe(0);
    const production = await run('production', 'v1.1.0');
    expect(production.status, said(production)).toBe(0);
    const bad = await run('staging', 'v1.2.0');
    expect(bad.status, said(bad)).toBe(1);
    expect(bad.stdout).toMatch(/Run rolled-back: alert "RollbackOnErrorRate" fired/);
    expect((await fetch(`${demo.urls!.staging}/version`).then((r) => r.text())).trim()).toBe('v1.1.0');
    expect((await fetch(`${demo.urls!.production}/version`).then((r) => r.text())).trim()).toBe('v1.1.0');

    const reports: string[] = [];
    for (const [i, result] of [staging, production, bad].entries()) {
      const file = join(dataDir, `report-${i}.md`);
      const exported = await cli(['report', runIdOf(result), '-o', file, '--data-dir', dataDir]);
      expect(exported.status, said(exported)).toBe(0);
      reports.push(readFileSync(file, 'utf8'));
    }
    expect(reports[0]).toMatch(/staging/);
    expect(reports[0]).toMatch(/v1\.1\.0/);
    expect(reports[0]).toMatch(/blue-green/);
    expect(reports[1]).toMatch(/production/);
    expect(reports[1]).toMatch(/Demo Tech Lead/);
    expect(reports[2]).toMatch(/rolled.back/i);
    expect(reports[2]).toMatch(/RollbackOnErrorRate/);
    // The changes between the releases come from the demo repository's history.
    expect(reports[2]).toMatch(/deliberately bad/);

    const reset = await cli(['demo', '--reset', '--json', '--data-dir', dataDir]);
    expect(reset.status, said(reset)).toBe(0);
    const after = JSON.parse(reset.stdout) as { status: DemoJson; removed: { containers: number; runs: number } };
    expect(after.removed.runs).toBe(3);
    expect(after.removed.containers).toBeGreaterThanOrEqual(2);
    expect(after.status.state).toBe('absent');
    expect(existsSync(demo.projectPath)).toBe(false);
    await expect(fetch(`${demo.urls!.staging}/version`)).rejects.toThrow();
    const runs = await cli(['runs', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(runs.stdout)).toEqual([]);
  }, 300_000);

  it('with no Docker engine it says exactly that and how to start it, creates nothing, and the rest works', async () => {
    const dataDir = tempDir();
    const socket = join(tempDir(), 'no-docker.sock');
    const env = { ...process.env, DOCKER_HOST: `unix://${socket}` };
    const status = await cli(['demo', '--status', '--data-dir', dataDir], env);
    expect(status.status, said(status)).toBe(3);
    expect(status.stdout).toContain(`The Docker engine is not running: nothing answers at unix://${socket}.`);
    expect(status.stdout).toContain('sudo systemctl start docker');
    const made = await cli(['demo', '--data-dir', dataDir], env);
    expect(made.status, said(made)).toBe(3);
    expect(made.stderr).toContain(`nothing answers at unix://${socket}`);
    expect(existsSync(join(dataDir, 'demo', 'release-pilot-demo'))).toBe(false);
    const info = await cli(['info', '--data-dir', dataDir], env);
    expect(info.status, said(info)).toBe(0);
    // A malformed DOCKER_HOST is named as such.
    const bad = await cli(['demo', '--status', '--data-dir', dataDir], { ...process.env, DOCKER_HOST: 'nonsense' });
    expect(bad.status).toBe(3);
    expect(bad.stdout).toContain('DOCKER_HOST="nonsense" is not a Docker address');
  }, 60_000);

  it('nginx failing mid-way (its port taken) is named with its port; the demo survives and sets up once freed', async () => {
    const dataDir = tempDir();
    const demo = await setUp(dataDir);
    const port = Number(new URL(demo.urls!.staging).port);
    const pidFile = join(dataDir, 'demo', 'proxy', 'nginx.pid');
    process.kill(Number(readFileSync(pidFile, 'utf8').trim()), 'SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const squatter: Server = createServer();
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => squatter.close(resolve)));

    const failed = await cli(['demo', '--data-dir', dataDir]);
    expect(failed.status, said(failed)).toBe(1);
    expect(failed.stderr).toMatch(/The demo's nginx \(\S*nginx\) did not start/);
    expect(failed.stderr).toContain(`127.0.0.1:${port}`);
    // Nothing was lost: the repository and its tags are still there.
    expect(existsSync(join(demo.projectPath, '.git'))).toBe(true);

    await new Promise((resolve) => squatter.close(resolve));
    const again = await cli(['demo', '--json', '--data-dir', dataDir]);
    expect(again.status, said(again)).toBe(0);
    expect((JSON.parse(again.stdout) as DemoJson).proxy.running).toBe(true);
  }, 120_000);

  it('a damaged demo.json counts as no demo: set-up starts over, stopping the old nginx first', async () => {
    const dataDir = tempDir();
    const before = await setUp(dataDir);
    rmSync(join(dataDir, 'demo', 'demo.json'));
    const status = await cli(['demo', '--status', '--json', '--data-dir', dataDir]);
    expect((JSON.parse(status.stdout) as DemoJson).state).toBe('absent');
    const again = await cli(['demo', '--json', '--data-dir', dataDir]);
    expect(again.status, said(again)).toBe(0);
    const after = JSON.parse(again.stdout) as DemoJson;
    // The old nginx was stopped, so the same entry port was free for the new one.
    expect(after.urls).toEqual(before.urls);
    expect(after.proxy.running).toBe(true);
  }, 120_000);

  it('a reset is refused while a run holds a demo lock, and with Docker down; nothing is deleted', async () => {
    const dataDir = tempDir();
    const demo = await setUp(dataDir);
    const lock = join(dataDir, 'demo', 'locks', 'staging', 'staging.lock');
    mkdirSync(lock, { recursive: true });
    writeFileSync(join(lock, 'info.json'), JSON.stringify({ holder: 'Grace', runId: 'run-42', at: '2026-11-26' }));
    const busy = await cli(['demo', '--reset', '--data-dir', dataDir]);
    expect(busy.status, said(busy)).toBe(3);
    expect(busy.stderr).toContain('A demo run holds the deploy lock of staging (run run-42 by Grace)');
    expect(existsSync(demo.projectPath)).toBe(true);
    rmSync(lock, { recursive: true });

    const down = await cli(['demo', '--reset', '--data-dir', dataDir], {
      ...process.env,
      DOCKER_HOST: `unix://${join(tempDir(), 'none.sock')}`,
    });
    expect(down.status, said(down)).toBe(3);
    expect(down.stderr).toMatch(/The demo's containers cannot be removed: The Docker engine is not running/);
    expect(existsSync(demo.projectPath)).toBe(true);
  }, 120_000);
});

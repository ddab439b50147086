import { open, readdir, realpath, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DockerClient } from '../docker/docker-client';
import { readLocalLock } from '../run/deploy-lock';
import { runsDir } from '../runs/run-store';
import { checkDemoDocker, DemoUnavailableError, demoDockerClient } from './demo-docker';
import { type DemoLayout, demoEnvironments } from './demo-layout';
import { clearDemoLeftovers } from './demo-leftovers';
import { setUpFinished } from './demo-setup';

// Back to the first state: the demo's containers and nginx stopped and removed, its project,
// release history and locks deleted, and the runs made against it removed, so the dashboard shows
// a demo where nothing was ever deployed. Images stay (they are rebuilt from the same tags anyway).

export interface ResetResult {
  containers: number;
  runs: number;
}

/** A reset refused because a run holds one of the demo's deploy locks (in this process or another). */
export class DemoBusyError extends Error {
  override readonly name = 'DemoBusyError';
}

/** The project path a run was made against: the first journal line is run.started. */
async function runProjectPath(runDir: string): Promise<string | undefined> {
  const file = await open(join(runDir, 'journal.ndjson'), 'r').catch(() => undefined);
  if (!file) return undefined;
  try {
    const buffer = Buffer.alloc(256 * 1024);
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
    const first = buffer.subarray(0, bytesRead).toString('utf8').split('\n')[0] ?? '';
    const event = JSON.parse(first) as { type?: string; data?: { projectPath?: string } };
    return event.type === 'run.started' ? event.data?.projectPath : undefined;
  } catch {
    return undefined;
  } finally {
    await file.close();
  }
}

/** Runs made against the demo project, under its path as given or as resolved (a symlinked data folder). */
export async function demoRunIds(dataDir: string, projectPath: string): Promise<string[]> {
  const paths = new Set([projectPath, await realpath(projectPath).catch(() => projectPath)]);
  const dir = runsDir(dataDir);
  const ids = await readdir(dir).catch(() => [] as string[]);
  const matches: string[] = [];
  for (const id of ids) if (paths.has((await runProjectPath(join(dir, id))) ?? '')) matches.push(id);
  return matches;
}

/** The deploy locks a run holds on the demo's environments: lock files, so other processes count too. */
async function heldLocks(layout: DemoLayout): Promise<string[]> {
  const held: string[] = [];
  for (const env of demoEnvironments) {
    const lock = await readLocalLock(join(layout.locks, env), env);
    if (lock) held.push(`${env} (run ${lock.runId ?? 'unknown'}${lock.holder ? ` by ${lock.holder}` : ''})`);
  }
  return held;
}

export async function resetDemo(dataDir: string, layout: DemoLayout, given?: DockerClient): Promise<ResetResult> {
  await setUpFinished(layout);
  const held = await heldLocks(layout);
  if (held.length > 0) {
    throw new DemoBusyError(
      `A demo run holds the deploy lock of ${held.join(' and ')}: let it finish or cancel it ` +
        '(an interrupted run: release-pilot close <run-id> --reason "…"), then reset.',
    );
  }
  const docker = await checkDemoDocker(given);
  const runIds = await demoRunIds(dataDir, layout.project);
  const something = runIds.length > 0 || (await readdir(layout.root).catch(() => [])).length > 0;
  if (!docker.ok && something) {
    // Deleting the files now would lose the only way back to the containers still holding the ports.
    throw new DemoUnavailableError(`The demo's containers cannot be removed: ${docker.message}`);
  }
  const containers = docker.ok ? await clearDemoLeftovers(layout, given ?? demoDockerClient()) : 0;
  for (const id of runIds) await rm(join(runsDir(dataDir), id), { recursive: true, force: true });
  await rm(layout.root, { recursive: true, force: true });
  return { containers, runs: runIds.length };
}

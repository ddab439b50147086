import { open, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DockerClient } from '../docker/docker-client';
import { runsDir } from '../runs/run-store';
import { checkDemoDocker, demoDockerClient } from './demo-docker';
import type { DemoLayout } from './demo-layout';
import { demoNginx, stopDemoNginx } from './demo-proxy';
import { readDemoState } from './demo-state';

// Back to the first state: the demo's containers and nginx stopped and removed, its project,
// release history and locks deleted, and the runs made against it removed, so the dashboard shows
// a demo where nothing was ever deployed. Images stay (they are rebuilt from the same tags anyway).

export interface ResetResult {
  containers: number;
  runs: number;
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

export async function demoRunIds(dataDir: string, projectPath: string): Promise<string[]> {
  const dir = runsDir(dataDir);
  const ids = await readdir(dir).catch(() => [] as string[]);
  const matches: string[] = [];
  for (const id of ids) if ((await runProjectPath(join(dir, id))) === projectPath) matches.push(id);
  return matches;
}

async function removeContainers(given: DockerClient | undefined, prefix: string): Promise<number> {
  const docker = await checkDemoDocker(given);
  // With the engine down there is nothing of ours to stop; the files go anyway.
  if (!docker.ok) return 0;
  const client = given ?? demoDockerClient();
  const list = await client.docker.listContainers({ all: true, filters: { name: [prefix] } });
  // The name filter matches anywhere in the name: keep only ours.
  const ours = list.filter((c) => c.Names.some((n) => n.replace(/^\//, '').startsWith(prefix)));
  for (const container of ours) await client.docker.getContainer(container.Id).remove({ force: true });
  return ours.length;
}

export async function resetDemo(dataDir: string, layout: DemoLayout, client?: DockerClient): Promise<ResetResult> {
  // By its pid file, so a demo whose demo.json was lost still has its nginx stopped.
  const state = await readDemoState(layout);
  await stopDemoNginx(demoNginx(state?.nginx ?? 'nginx', layout.proxy));
  const containers = await removeContainers(client, layout.containerPrefix);
  const runIds = await demoRunIds(dataDir, layout.project);
  for (const id of runIds) await rm(join(runsDir(dataDir), id), { recursive: true, force: true });
  await rm(layout.root, { recursive: true, force: true });
  return { containers, runs: runIds.length };
}

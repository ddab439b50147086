import { access, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DemoProgressPush } from '../../../shared/api/schemas/demo';
import type { DockerClient } from '../docker/docker-client';
import { checkDemoDocker, DemoUnavailableError, demoDockerClient } from './demo-docker';
import { demoEnvironmentsYaml, demoRunbookYaml, portsFrom, preferredPorts } from './demo-environments';
import { buildDemoImages } from './demo-images';
import { type DemoLayout, demoImage } from './demo-layout';
import { pickPorts } from './demo-ports';
import { demoNginx, findNginx, startDemoNginx, writeDemoNginx } from './demo-proxy';
import { demoVersions } from './demo-releases';
import { createDemoRepository } from './demo-repository';
import { type DemoState, readDemoState, writeDemoState } from './demo-state';

// Setting the demo up: check Docker, create the project (first use only), make sure its three
// images exist and its nginx runs. Each stage is reported as it starts; a failure while creating
// removes the half-made demo, so the next attempt starts clean.

export type DemoProgress = (stage: DemoProgressPush['stage'], message: string) => void;

export interface DemoSetupOptions {
  layout: DemoLayout;
  progress: DemoProgress;
  client?: DockerClient;
  /** Where nginx is; default findNginx(). Tests pass `async () => undefined` for a machine without one. */
  findProxy?: () => Promise<string | undefined>;
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

export async function demoExists(layout: DemoLayout): Promise<DemoState | undefined> {
  const state = await readDemoState(layout);
  return state && (await exists(join(layout.project, '.git'))) ? state : undefined;
}

async function createDemo(
  layout: DemoLayout,
  progress: DemoProgress,
  findProxy: () => Promise<string | undefined>,
): Promise<DemoState> {
  const binary = await findProxy();
  const ports = portsFrom(await pickPorts(preferredPorts));
  const nginx = binary ? demoNginx(binary, layout.proxy) : undefined;
  const strategy = nginx ? 'blue-green' : 'recreate';
  progress('repository', `Creating the demo repository in ${layout.project}`);
  await rm(layout.root, { recursive: true, force: true });
  await mkdir(layout.locks, { recursive: true });
  try {
    if (nginx) await writeDemoNginx(nginx, { staging: ports.entry.staging, production: ports.entry.production });
    await createDemoRepository(
      layout.project,
      demoEnvironmentsYaml(layout, ports, nginx),
      await demoRunbookYaml(strategy),
    );
    const state: DemoState = { createdAt: new Date().toISOString(), strategy, ports, nginx: binary };
    await writeDemoState(layout, state);
    return state;
  } catch (error) {
    await rm(layout.root, { recursive: true, force: true });
    throw error;
  }
}

async function missingImages(client: DockerClient): Promise<string[]> {
  const missing: string[] = [];
  for (const version of demoVersions) {
    const ref = `${demoImage}:${version}`;
    const found = await client.docker
      .getImage(ref)
      .inspect()
      .then(
        () => true,
        () => false,
      );
    if (!found) missing.push(ref);
  }
  return missing;
}

// One set-up at a time per data folder: a double click must not build everything twice.
const running = new Map<string, Promise<DemoState>>();

export function setUpDemo(options: DemoSetupOptions): Promise<DemoState> {
  const key = options.layout.root;
  const pending = running.get(key);
  if (pending) return pending;
  const work = doSetUp(options).finally(() => running.delete(key));
  running.set(key, work);
  return work;
}

async function doSetUp({
  layout,
  progress,
  client: given,
  findProxy = () => findNginx(),
}: DemoSetupOptions): Promise<DemoState> {
  progress('check', 'Checking the Docker engine');
  const docker = await checkDemoDocker(given);
  if (!docker.ok) throw new DemoUnavailableError(docker.message ?? `Docker does not answer at ${docker.socket}`);
  const client = given ?? demoDockerClient();
  const state = (await demoExists(layout)) ?? (await createDemo(layout, progress, findProxy));
  const missing = await missingImages(client);
  if (missing.length > 0) {
    progress('images', `Building ${missing.length} image(s) of the demo service`);
    await buildDemoImages(client, layout.project, (message) => progress('images', message));
  }
  if (state.nginx) {
    progress('proxy', "Starting the demo's nginx");
    const { staging, production } = state.ports.entry;
    await startDemoNginx(demoNginx(state.nginx, layout.proxy), { staging, production });
  }
  return state;
}

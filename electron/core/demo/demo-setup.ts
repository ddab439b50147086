import { access, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DemoProgressPush } from '../../../shared/api/schemas/demo';
import type { DockerClient } from '../docker/docker-client';
import { checkDemoDocker, DemoUnavailableError, demoDockerClient } from './demo-docker';
import { demoEnvironmentsYaml, demoRunbookYaml, portsFrom, preferredPorts } from './demo-environments';
import { buildDemoImages } from './demo-images';
import { type DemoLayout, demoImage } from './demo-layout';
import { clearDemoLeftovers } from './demo-leftovers';
import { writeDemoNginx } from './demo-nginx-files';
import { startDemoNginx, testDemoNginx } from './demo-nginx-process';
import { pickPorts } from './demo-ports';
import { type DemoNginx, demoNginx, findNginx, nginxHasErrorLogFlag } from './demo-proxy';
import { demoVersions } from './demo-releases';
import { createDemoRepository } from './demo-repository';
import { type DemoState, readDemoState, stateNginx, writeDemoState } from './demo-state';

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

/** nginx for the demo, if it is installed and takes the demo's config; else why not. */
async function proxyFor(
  binary: string | undefined,
  layout: DemoLayout,
  ports: { staging: number; production: number },
): Promise<{ nginx?: DemoNginx; errorLogFlag?: boolean; note?: string }> {
  if (!binary) return {};
  const errorLogFlag = await nginxHasErrorLogFlag(binary);
  const nginx = demoNginx(binary, layout.proxy, errorLogFlag);
  await writeDemoNginx(nginx, ports);
  const refused = await testDemoNginx(nginx);
  if (refused === undefined) return { nginx, errorLogFlag };
  await rm(layout.proxy, { recursive: true, force: true });
  return {
    note:
      `nginx (${binary}) is installed but refused the demo's configuration (${refused}), so the demo deploys by ` +
      'recreate: the old version stops before the new one starts, and the report shows the measured downtime.',
  };
}

async function createDemo(
  layout: DemoLayout,
  client: DockerClient,
  progress: DemoProgress,
  findProxy: () => Promise<string | undefined>,
): Promise<DemoState> {
  // A demo whose state was lost may still run: its nginx and containers go before its folder does.
  await clearDemoLeftovers(layout, client);
  const ports = portsFrom(await pickPorts(preferredPorts));
  progress('repository', `Creating the demo repository in ${layout.project}`);
  await rm(layout.root, { recursive: true, force: true });
  await mkdir(layout.locks, { recursive: true });
  try {
    const proxy = await proxyFor(await findProxy(), layout, ports.entry);
    const strategy = proxy.nginx ? 'blue-green' : 'recreate';
    await createDemoRepository(
      layout.project,
      demoEnvironmentsYaml(layout, ports, proxy.nginx),
      await demoRunbookYaml(strategy),
    );
    const state: DemoState = {
      createdAt: new Date().toISOString(),
      strategy,
      ports,
      nginx: proxy.nginx?.binary,
      nginxErrorLogFlag: proxy.errorLogFlag,
      proxyNote: proxy.note,
    };
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

// One set-up at a time per data folder: a double click must not build everything twice, and a
// reset waits for a set-up still writing into the folder it would delete.
const running = new Map<string, Promise<DemoState>>();

export async function setUpFinished(layout: DemoLayout): Promise<void> {
  await running.get(layout.root)?.catch(() => undefined);
}

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
  const state = (await demoExists(layout)) ?? (await createDemo(layout, client, progress, findProxy));
  const missing = await missingImages(client);
  if (missing.length > 0) {
    progress('images', `Building ${missing.length} image(s) of the demo service`);
    await buildDemoImages(client, layout.project, (message) => progress('images', message));
  }
  const nginx = stateNginx(state, layout);
  if (nginx) {
    progress('proxy', "Starting the demo's nginx");
    const { staging, production } = state.ports.entry;
    await startDemoNginx(nginx, { staging, production });
  }
  return state;
}

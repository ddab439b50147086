import { join } from 'node:path';
import type { DemoStatus } from '../../../shared/api/schemas/demo';
import type { DockerClient } from '../docker/docker-client';
import { checkDemoDocker } from './demo-docker';
import { entryUrl } from './demo-environments';
import type { DemoLayout } from './demo-layout';
import { describeDemoProxy, findNginx, noNginxMessage } from './demo-proxy';
import { demoVersions } from './demo-releases';
import { demoExists } from './demo-setup';
import { stateNginx } from './demo-state';

/** What the dashboard's demo card shows: whether the demo exists, and what it needs of this machine. */
export async function demoStatus(layout: DemoLayout, client?: DockerClient): Promise<DemoStatus> {
  const [state, docker] = await Promise.all([demoExists(layout), checkDemoDocker(client)]);
  const base = { projectPath: layout.project, docker, versions: demoVersions };
  if (!state) {
    const binary = await findNginx();
    return {
      ...base,
      state: 'absent',
      strategy: binary ? 'blue-green' : 'recreate',
      proxy: binary
        ? {
            kind: 'nginx',
            binary,
            running: false,
            message: `The demo will run its own nginx (${binary}) for blue-green.`,
          }
        : { kind: 'none', running: false, message: noNginxMessage },
    };
  }
  return {
    ...base,
    state: 'ready',
    strategy: state.strategy,
    proxy: await describeDemoProxy(stateNginx(state, layout), state.proxyNote),
    urls: { staging: entryUrl(state.ports, 'staging'), production: entryUrl(state.ports, 'production') },
    answersFile: join(layout.project, 'answers.yml'),
  };
}
